package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets {@code caseOutcome} (RESTORED or THIRD_PARTY_RESTORATION) from the input parameter {@code outcome}; a
 * third-party restoration charges the respondent the fallback cost of the order (Civil Code 1234–1235).
 */
@Component
public class RestorationOutcomeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object outcome = execution.getVariableLocal("outcome");
    execution.setVariable("caseOutcome", outcome);
    execution.setVariable("closedDate", Dates.today().toString());
    if ("THIRD_PARTY_RESTORATION".equals(outcome)) {
      execution.setVariable("respondentCostDue", execution.getVariable("fallbackCost"));
    }
  }
}
