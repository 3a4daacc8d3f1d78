package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结案：按输入参数 closingOutcome 记录案件结果 caseOutcome。 */
@Component
public class CloseCaseDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public CloseCaseDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = (String) execution.getVariableLocal("closingOutcome");
    execution.setVariables(service.close(EnforcementCaseService.caseNo(execution.getVariables()), outcome));
  }
}
