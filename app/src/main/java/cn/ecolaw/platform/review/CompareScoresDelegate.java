package cn.ecolaw.platform.review;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 比对两级评分：decision {@code review-arbitration} says whether the city and province scores differ beyond the
 * threshold set in the table (or disagree on a veto item) and why. The two scores are read from where they were
 * sealed ({@link SealedScores}), not from variables another tier could have written.
 */
@Component
public class CompareScoresDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "review-arbitration";

  private final DecisionService decisions;
  private final SealedScores sealed;

  public CompareScoresDelegate(DecisionService decisions, SealedScores sealed) {
    this.decisions = decisions;
    this.sealed = sealed;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // both tiers are in: their sealed scores become the process's (over anything else put in their place)
    sealed.reveal(execution.getProcessInstanceId(), execution, ReviewTier.CITY, ReviewTier.PROVINCE);
    Map<String, Object> in = Map.of(
        "cityScore", execution.getVariable("cityScore"),
        "provinceScore", execution.getVariable("provinceScore"),
        "cityVetoFailed", execution.getVariable("cityVetoFailed"),
        "provinceVetoFailed", execution.getVariable("provinceVetoFailed"));
    DmnDecisionResultEntries r = decisions.evaluateDecisionByKey(DECISION_KEY).variables(in).evaluate()
        .getSingleResult();
    double difference = Math.abs(((Number) in.get("cityScore")).doubleValue()
        - ((Number) in.get("provinceScore")).doubleValue());
    execution.setVariable("scoreDifference", difference);
    execution.setVariable("arbitrationRequired", Boolean.TRUE.equals(r.getEntry("arbitrationRequired")));
    execution.setVariable("arbitrationReason", r.getEntry("arbitrationReason"));
  }
}
