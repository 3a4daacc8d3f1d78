package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作行政处罚事先告知书，计算陈述申辩和听证申请期限（Task_IssuePriorNotice）。 */
@Component
public class PriorNoticeDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public PriorNoticeDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issuePriorNotice(execution.getVariables(), ProcessUser.of(execution)));
  }
}
