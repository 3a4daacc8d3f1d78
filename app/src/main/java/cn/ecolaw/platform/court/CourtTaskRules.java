package cn.ecolaw.platform.court;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of the court's tasks in {@code non-litigation-execution}: what a decision must carry (a reason, an ACEL 58
 * ground), and the deadlines each decision starts ({@link CourtDeadlines}).
 */
@Component
public class CourtTaskRules implements TaskCompletionRule {

  private final CourtDeadlines deadlines;

  public CourtTaskRules(CourtDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public String processKey() {
    return NonLitigationExecution.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ReviewApplication", "Task_DecideAppeal", "Task_ChooseReviewMode", "Task_ReviewAndRule",
        "Task_ServeRefusal", "Task_DecideChallenge", "Task_ExecuteByCourt");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewApplication" -> acceptance(task);
      case "Task_DecideAppeal" -> appealDecision(task);
      case "Task_ChooseReviewMode" -> reviewMode(task);
      case "Task_ReviewAndRule" -> ruling(task);
      case "Task_ServeRefusal" -> service(task);
      case "Task_DecideChallenge" -> challengeDecision(task);
      default -> ExecutionRecords.check(task, ExecutionRecords.COURT);
    }
  }

  /** ACEL 56: accept within 5 days; a refusal to accept gives its reason and opens the agency's 15 days. */
  private void acceptance(DelegateTask task) {
    boolean accepted = flag(task, "courtAccepted");
    if (!accepted && blank(task.getVariable("acceptanceNote"))) {
      throw Refusals.refuse("COURT-001", "不予受理的，应当写明理由");
    }
    task.setVariables(accepted ? deadlines.accepted(Dates.today()) : deadlines.notAccepted(Dates.today()));
  }

  /** The higher court orders acceptance: the case is accepted today and the ruling clock starts. */
  private void appealDecision(DelegateTask task) {
    if (flag(task, "acceptanceOrdered")) {
      task.setVariables(deadlines.accepted(Dates.today()));
    }
  }

  /** ACEL 57/58: written review in 7 days, or hear both sides where the decision looks obviously illegal (30 days). */
  private void reviewMode(DelegateTask task) {
    if (!"HEARING".equals(task.getVariable("reviewMode"))) {
      return;
    }
    if (blank(task.getVariable("reviewModeNote"))) {
      throw Refusals.refuse("COURT-003", "听取被执行人和行政机关意见的，应当写明行政决定可能明显违法的情形");
    }
    task.setVariables(deadlines.hearingReview(Dates.toLocalDate(task.getVariable("acceptedDate"))));
  }

  /** ACEL 58: a refusal names its ground and is served within 5 days; a grant says who executes it. */
  private void ruling(DelegateTask task) {
    if (flag(task, "enforcementGranted")) {
      granted(task);
      return;
    }
    if (blank(task.getVariable("refusalGround"))) {
      throw Refusals.refuse("COURT-002", "裁定不准予执行的，应当选择行政强制法第五十八条规定的理由");
    }
    task.setVariables(deadlines.refused(Dates.today()));
  }

  private void service(DelegateTask task) {
    LocalDate served = Dates.toLocalDate(task.getVariable("serviceDate"));
    if (served.isAfter(Dates.today())) {
      throw Refusals.refuse("COURT-004", "送达日期不能晚于今天");
    }
    LocalDate ruled = Dates.toLocalDate(task.getVariable("rulingDate"));
    if (ruled != null && served.isBefore(ruled)) {
      throw Refusals.refuse("COURT-005", "送达日期不能早于裁定日期（" + ruled + "）");
    }
    task.setVariables(deadlines.refusalServed(served));
  }

  /** ACEL 58: the higher court decides the challenge; revoking the refusal grants enforcement. */
  private void challengeDecision(DelegateTask task) {
    task.setVariable("challengeDecisionDate", Dates.today().toString());
    if (flag(task, "refusalRevoked")) {
      granted(task);
    }
  }

  private void granted(DelegateTask task) {
    if (blank(task.getVariable("executedBy"))) {
      task.setVariable("executedBy", "COURT");
    }
    task.setVariables(deadlines.granted(Dates.today()));
  }

  static boolean flag(DelegateTask task, String name) {
    return Boolean.TRUE.equals(task.getVariable(name));
  }

  static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }
}
