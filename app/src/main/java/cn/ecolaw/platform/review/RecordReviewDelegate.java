package cn.ecolaw.platform.review;

import cn.ecolaw.platform.workflow.ProcessUser;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作案卷评查表：stores the tiers' scores and deductions, the problems found and the grade; the document. */
@Component
public class RecordReviewDelegate implements JavaDelegate {

  private final ReviewService service;
  private final TierScores tierScores;

  public RecordReviewDelegate(ReviewService service, TierScores tierScores) {
    this.service = service;
    this.tierScores = tierScores;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<ReviewTier, TierScore> scores = tierScores.scored(execution);
    Map<ReviewTier, String> opinions = new EnumMap<>(ReviewTier.class);
    scores.keySet().forEach(t -> opinions.put(t, (String) execution.getVariable(t.opinionVariable())));
    ReviewRecord record = new ReviewRecord(execution.getProcessInstanceId(), (String) execution.getVariable("caseNo"),
        (String) execution.getVariable("reviewedUnit"), (String) execution.getVariable("partyName"), scores, opinions,
        ReviewTier.valueOf((String) execution.getVariable("finalTier")), (String) execution.getVariable("grade"),
        (String) execution.getVariable("arbitrationReason"));
    ReviewService.Recorded recorded = service.record(record, ProcessUser.of(execution));
    execution.setVariable("problemCount", recorded.problemCount());
    execution.setVariable("problemsText", recorded.problemsText());
  }
}
