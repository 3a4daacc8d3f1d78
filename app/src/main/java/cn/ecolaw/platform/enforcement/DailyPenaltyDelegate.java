package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 按日连续处罚计算（Task_AssessDailyPenalty，环境保护法第五十九条）。 */
@Component
public class DailyPenaltyDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public DailyPenaltyDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.assessDailyPenalty(execution.getVariables()));
  }
}
