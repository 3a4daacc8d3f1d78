package cn.ecolaw.platform.review;

import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of the review tasks: a tier's scoring form is read against the sheet (a deduction needs its reason and
 * stays within its item's and stage's points; the veto answer matches the items named) and the tier's score is set
 * (the city's and the province's sealed until both are in: {@link SealedScores}; {@code arbiterScore}); a
 * rectification found wanting gets a new period.
 */
@Component
public class ReviewTaskRules implements TaskCompletionRule {

  static final String VERIFY = "Task_VerifyRectification";

  private final TierScores tierScores;
  private final WorkingDayCalendar calendar;
  private final SealedScores sealed;

  public ReviewTaskRules(TierScores tierScores, WorkingDayCalendar calendar, SealedScores sealed) {
    this.tierScores = tierScores;
    this.calendar = calendar;
    this.sealed = sealed;
  }

  @Override
  public String processKey() {
    return CaseReview.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_CityScoring", "Task_ProvinceScoring", "Task_Arbitrate", VERIFY);
  }

  @Override
  public void check(DelegateTask task) {
    if (task.getTaskDefinitionKey().equals(VERIFY)) {
      verify(task);
      return;
    }
    ReviewTier tier = ReviewTier.ofTask(task.getTaskDefinitionKey());
    TierScore score = tierScores.of(tier, task);
    if (tier == ReviewTier.ARBITER) {
      task.setVariable(tier.scoreVariable(), score.total().doubleValue());
      task.setVariable(tier.vetoItemsVariable(), score.vetoCodes());
      return;
    }
    // the city's and the province's scores stay sealed until both are in (CompareScoresDelegate)
    String user = Caller.userIdOf(task.getProcessEngineServices());
    sealed.seal(task.getProcessInstanceId(), tier, score, task, task.getExecution(), user);
  }

  /** Not rectified: back to the handler with a new period of the same length. */
  private void verify(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("rectified"))) {
      return;
    }
    var today = Dates.today();
    int days = RectificationNoticeDelegate.RECTIFICATION_DAYS;
    task.setVariable("rectificationDue", calendar.addCalendarDays(today, days).toString());
    task.setVariable("rectificationDueAt", calendar.dueAfterCalendarDays(today, days));
    Object round = task.getVariable("rectificationRound");
    task.setVariable("rectificationRound", (round == null ? 1 : ((Number) round).intValue()) + 1);
  }
}
