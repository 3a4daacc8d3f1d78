package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作不予行政处罚决定书并结案（Task_IssueNoPenaltyDecision）。 */
@Component
public class NoPenaltyDecisionDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public NoPenaltyDecisionDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issueNoPenaltyDecision(execution.getVariables(), ProcessUser.of(execution)));
  }
}
