package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 立案：制作立案审批表，开始计算办案期限（Task_RecordFiling）。 */
@Component
public class RecordFilingDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public RecordFilingDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.recordFiling(execution.getVariables(), ProcessUser.of(execution)));
  }
}
