package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作听证通知书（Task_IssueHearingNotice）。 */
@Component
public class HearingNoticeDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public HearingNoticeDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issueHearingNotice(execution.getVariables(), ProcessUser.of(execution)));
  }
}
