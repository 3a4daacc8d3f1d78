package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/injunction}: the bureau applies for an injunction from its case. */
@RestController
public class InjunctionController {

  private final Injunctions injunctions;
  private final RuntimeService runtime;
  private final Caller caller;
  private final AuthorizationService authorizations;

  public InjunctionController(Injunctions injunctions, RuntimeService runtime, Caller caller,
      AuthorizationService authorizations) {
    this.injunctions = injunctions;
    this.runtime = runtime;
    this.caller = caller;
    this.authorizations = authorizations;
  }

  /** Answers {docketNo, caseNo, processInstanceId, rulingDue, rulingClock}. */
  @PostMapping("/api/cases/{caseNo}/injunction")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> apply(@PathVariable String caseNo, @RequestBody(required = false) Map<String, Object> body) {
    if (!caller.unrestricted() && !authorizations.isUserAuthorized(caller.userId(), caller.groups(),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, CaseLauncher.PROCESS_KEY)) {
      throw new PlatformException(403, "INJ-008", "只有生态环境局执法、法制审核和负责人岗位可以为本局案件申请禁止令");
    }
    ProcessInstance pi = injunctions.applyFromCase(caseNo, body);
    Map<String, Object> v = runtime.getVariables(pi.getId());
    return Map.of("docketNo", pi.getBusinessKey(), "caseNo", caseNo, "processInstanceId", pi.getId(),
        "rulingDue", v.get("rulingDue"), "rulingClock", v.get("rulingClock"));
  }
}
