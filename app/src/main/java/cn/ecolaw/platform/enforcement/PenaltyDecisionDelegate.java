package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作行政处罚决定书，开始计算送达期限（Task_IssueDecision）。 */
@Component
public class PenaltyDecisionDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public PenaltyDecisionDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issuePenaltyDecision(execution.getVariables(), ProcessUser.of(execution)));
  }
}
