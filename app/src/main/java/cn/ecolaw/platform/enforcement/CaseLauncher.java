package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.HashMap;
import java.util.Map;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Starts {@code enforcement-case} after checking the input, so that a refused case leaves no instance behind. */
@Service
public class CaseLauncher {

  public static final String PROCESS_KEY = "enforcement-case";

  private final RuntimeService runtime;
  private final EnforcementCaseService service;

  public CaseLauncher(RuntimeService runtime, EnforcementCaseService service) {
    this.runtime = runtime;
    this.service = service;
  }

  /** Returns the case number. */
  public String start(String caseNo, Map<String, Object> variables) {
    Map<String, Object> v = new HashMap<>(service.validateStart(caseNo, variables));
    v.remove("caseNo");
    try {
      ProcessInstance pi = PlatformCall.run(() -> caseNo == null || caseNo.isBlank()
          ? runtime.startProcessInstanceByKey(PROCESS_KEY, v)
          : runtime.startProcessInstanceByKey(PROCESS_KEY, caseNo, v));
      return (String) runtime.getVariable(pi.getId(), "caseNo");
    } catch (ProcessEngineException e) {
      var refusal = Refusals.find(e).orElseThrow(() -> e);
      String[] parts = Refusals.split(refusal.getMessage());
      throw new PlatformException(Refusals.status(refusal), parts[0], parts[1]);
    }
  }
}
