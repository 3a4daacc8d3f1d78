package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作催告书，计算加处罚款（Task_IssueReminder）。 */
@Component
public class ReminderDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public ReminderDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issueReminder(execution.getVariables(), ProcessUser.of(execution)));
  }
}
