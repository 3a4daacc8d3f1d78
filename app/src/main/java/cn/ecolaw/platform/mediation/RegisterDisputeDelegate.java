package cn.ecolaw.platform.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记纠纷（Task_RegisterDispute）：校验、编号（业务键）。 */
@Component
public class RegisterDisputeDelegate implements JavaDelegate {

  private final MediationRouting routing;

  public RegisterDisputeDelegate(MediationRouting routing) {
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var out = routing.register(execution.getProcessBusinessKey(), execution.getVariables());
    execution.setVariables(out);
    execution.setProcessBusinessKey((String) out.get("caseNo"));
  }
}
