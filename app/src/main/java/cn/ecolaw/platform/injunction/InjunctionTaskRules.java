package cn.ecolaw.platform.injunction;

import static cn.ecolaw.platform.injunction.InjunctionValues.blank;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of the injunction's tasks: a granted order names the conduct it prohibits; service starts the
 * respondent's 5-day challenge period (CPL 111) and, before suit, the 30-day suit period (CPL 104); a challenge is
 * reviewed within 10 days; breach fines stay within CPL 118 (individual ≤100,000; organisation 50,000–1,000,000).
 */
@Component
public class InjunctionTaskRules implements TaskCompletionRule {

  static final int CHALLENGE_DAYS = 5;
  static final int CHALLENGE_REVIEW_DAYS = 10;
  static final int SUIT_DAYS = 30;
  static final double INDIVIDUAL_MAX_FINE = 100_000;
  static final double ORGANISATION_MIN_FINE = 50_000;
  static final double ORGANISATION_MAX_FINE = 1_000_000;

  private final WorkingDayCalendar calendar;

  public InjunctionTaskRules(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public String processKey() {
    return Injunctions.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_Rule", "Task_ServeRuling", "Task_RegisterChallenge", "Task_ImposeBreachFine",
        "Task_MonitorCompliance", "Task_RecordSuitFiled");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_Rule" -> ruling(task);
      case "Task_ServeRuling" -> service(task);
      case "Task_RegisterChallenge" -> challenge(task);
      case "Task_ImposeBreachFine" -> breachFine(task);
      case "Task_MonitorCompliance" -> notInFuture(task, "inspectionDate", "检查日期");
      default -> notInFuture(task, "suitFiledDate", "起诉日期");
    }
  }

  private void ruling(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("injunctionGranted")) && blank(task.getVariable("prohibitedConduct"))) {
      throw Refusals.refuse("INJ-101", "作出禁止令的，应当写明禁止被申请人实施的行为");
    }
  }

  private void service(DelegateTask task) {
    LocalDate served = notInFuture(task, "serviceDate", "送达日期");
    LocalDate ruled = Dates.toLocalDate(task.getVariable("rulingDate"));
    if (ruled != null && served.isBefore(ruled)) {
      throw Refusals.refuse("INJ-103", "送达日期不得早于裁定日期（" + ruled + "）");
    }
    task.setVariable("challengeDue", calendar.addCalendarDays(served, CHALLENGE_DAYS).toString());
    task.setVariable("challengeDueAt", calendar.dueAfterCalendarDays(served, CHALLENGE_DAYS));
    LocalDate from = ruled == null ? served : ruled;
    task.setVariable("suitDue", calendar.addCalendarDays(from, SUIT_DAYS).toString());
    task.setVariable("suitDueAt", calendar.dueAfterCalendarDays(from, SUIT_DAYS));
  }

  private void challenge(DelegateTask task) {
    LocalDate received = notInFuture(task, "challengeDate", "收到复议申请日期");
    LocalDate due = Dates.toLocalDate(task.getVariable("challengeDue"));
    if (due != null && received.isAfter(due)) {
      throw Refusals.refuse("INJ-104", "复议申请已超过期限（" + due + "），不予登记");
    }
    task.setVariable("challengeReviewDue", calendar.addCalendarDays(received, CHALLENGE_REVIEW_DAYS).toString());
    task.setVariable("challengeReviewDueAt", calendar.dueAfterCalendarDays(received, CHALLENGE_REVIEW_DAYS));
  }

  /** CPL 118: an individual up to 100,000 yuan; an organisation 50,000 to 1,000,000 yuan. */
  private void breachFine(DelegateTask task) {
    double fine = ((Number) task.getVariable("breachFine")).doubleValue();
    Object days = task.getVariable("detentionDays");
    boolean detention = days instanceof Number n && n.doubleValue() > 0;
    boolean individual = "INDIVIDUAL".equals(task.getVariable("respondentType"));
    if (individual && fine > INDIVIDUAL_MAX_FINE) {
      throw Refusals.refuse("INJ-105", "对个人的罚款金额应在人民币十万元以下（《民事诉讼法》第一百一十八条）");
    }
    if (!individual && (fine < ORGANISATION_MIN_FINE || fine > ORGANISATION_MAX_FINE)) {
      throw Refusals.refuse("INJ-106", "对单位的罚款金额应在人民币五万元以上一百万元以下（《民事诉讼法》第一百一十八条）");
    }
    if (fine <= 0 && !detention) {
      throw Refusals.refuse("INJ-107", "请填写罚款金额或拘留天数");
    }
    Object count = task.getVariable("breachCount");
    Object total = task.getVariable("breachFinesTotal");
    task.setVariable("breachCount", (count instanceof Number c ? c.intValue() : 0) + 1);
    task.setVariable("breachFinesTotal", (total instanceof Number t ? t.doubleValue() : 0d) + fine);
  }

  private static LocalDate notInFuture(DelegateTask task, String key, String label) {
    LocalDate date = Dates.toLocalDate(task.getVariable(key));
    if (date.isAfter(Dates.today())) {
      throw Refusals.refuse("INJ-102", "“" + label + "”不得晚于今天");
    }
    return date;
  }
}
