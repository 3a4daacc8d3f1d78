package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 复议/诉讼期间（行政处罚法第七十三条）：Task_OpenRemedyPeriod records the day a reconsideration or suit was filed
 * (the late-payment surcharge stops), Task_CloseRemedyPeriod the day its result was served (the surcharge runs again;
 * after a reconsideration decision the 15-day suit period of ALL 45 starts).
 */
@Component
public class RemedyPeriodDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public RemedyPeriodDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if ("Task_OpenRemedyPeriod".equals(execution.getCurrentActivityId())) {
      execution.setVariables(service.openRemedyPeriod(execution.getVariables()));
    } else {
      execution.setVariables(service.closeRemedyPeriod(execution.getVariables()));
    }
  }
}
