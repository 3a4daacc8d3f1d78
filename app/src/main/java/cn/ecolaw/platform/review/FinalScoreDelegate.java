package cn.ecolaw.platform.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 确定最终得分：the arbitrator's score when the case went to arbitration, else the province's re-score (the higher
 * tier confirms); sets the inputs of {@code review-grade}: totalScore and vetoFailed.
 */
@Component
public class FinalScoreDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ReviewTier tier = execution.getVariable("arbiterScore") != null ? ReviewTier.ARBITER : ReviewTier.PROVINCE;
    execution.setVariable("finalTier", tier.name());
    execution.setVariable("totalScore", execution.getVariable(tier.scoreVariable()));
    execution.setVariable("vetoFailed", execution.getVariable(tier.vetoFailedVariable()));
  }
}
