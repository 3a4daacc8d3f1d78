package cn.ecolaw.platform.injunction;

import java.util.Map;
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

  public InjunctionController(Injunctions injunctions, RuntimeService runtime) {
    this.injunctions = injunctions;
    this.runtime = runtime;
  }

  /** Answers {docketNo, caseNo, processInstanceId, rulingDue, rulingClock}. */
  @PostMapping("/api/cases/{caseNo}/injunction")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> apply(@PathVariable String caseNo, @RequestBody(required = false) Map<String, Object> body) {
    ProcessInstance pi = injunctions.applyFromCase(caseNo, body);
    Map<String, Object> v = runtime.getVariables(pi.getId());
    return Map.of("docketNo", pi.getBusinessKey(), "caseNo", caseNo, "processInstanceId", pi.getId(),
        "rulingDue", v.get("rulingDue"), "rulingClock", v.get("rulingClock"));
  }
}
