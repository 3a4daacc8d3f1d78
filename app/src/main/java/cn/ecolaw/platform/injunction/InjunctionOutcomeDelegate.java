package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code caseOutcome} from the input parameter {@code outcome} (REJECTED, REVOKED, LIFTED...) before an end. */
@Component
public class InjunctionOutcomeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object outcome = execution.getVariableLocal("outcome");
    execution.setVariable("caseOutcome", outcome);
    execution.setVariable("caseOutcomeLabel", InjunctionValues.label(InjunctionVocabulary.OUTCOMES, outcome));
    execution.setVariable("closedDate", Dates.today().toString());
  }
}
