package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 90-day decision deadline (APL 60, MEE-PM 57): Task_ExtendDecisionDeadline applies an approved +30-day extension,
 * Task_ResumeDecisionClock adds the days of the hearing, which do not count.
 */
@Component
public class DecisionDeadlineDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public DecisionDeadlineDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("Task_ExtendDecisionDeadline".equals(execution.getCurrentActivityId())) {
      execution.getProcessInstance().setVariables(service.extendDecisionDeadline(execution.getVariables()));
    } else {
      execution.setVariables(service.resumeDecisionClock(execution.getVariables()));
    }
  }
}
