package cn.ecolaw.platform.court;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The court's periods in {@code non-litigation-execution}, as the variables a task sets: {@code xDue} (yyyy-MM-dd,
 * shown in forms) and {@code xDueAt} (end of that day, used by the timers and task due dates). Periods of ten days
 * or less are working days (ACEL 69); 15 and 30 days are calendar days, ending on the next working day.
 */
@Component
public class CourtDeadlines {

  /** ACEL 57: written review, ruling within 7 days of acceptance. */
  static final int WRITTEN_RULING_WORKING_DAYS = 7;
  /** ACEL 58: after hearing both sides, ruling within 30 days of acceptance. */
  static final int HEARING_RULING_DAYS = 30;
  /** ACEL 56: the agency may ask the higher court within 15 days; the higher court decides within 15 days. */
  static final int APPEAL_DAYS = 15;
  /** ACEL 58: a refusal is served within 5 days. */
  static final int REFUSAL_SERVICE_WORKING_DAYS = 5;
  /** ACEL 58: the agency's challenge within 15 days of receipt; decided within 30 days. */
  static final int CHALLENGE_DAYS = 15;
  static final int CHALLENGE_DECISION_DAYS = 30;

  private final WorkingDayCalendar calendar;
  private final int executionMonths;

  public CourtDeadlines(WorkingDayCalendar calendar,
      @Value("${platform.court.execution-months:6}") int executionMonths) {
    this.calendar = calendar;
    this.executionMonths = executionMonths;
  }

  /** Accepted on {@code day}: the written-review ruling deadline (7 working days). */
  public Map<String, Object> accepted(LocalDate day) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("acceptedDate", day.toString());
    v.putAll(workingDays("rulingDue", day, WRITTEN_RULING_WORKING_DAYS));
    v.put("rulingPeriod", "受理之日起七日");
    return v;
  }

  /** The judge chose to hear both sides: the ruling is due 30 days after acceptance. */
  public Map<String, Object> hearingReview(LocalDate acceptedDate) {
    Map<String, Object> v = new LinkedHashMap<>(calendarDays("rulingDue", acceptedDate, HEARING_RULING_DAYS));
    v.put("rulingPeriod", "受理之日起三十日");
    return v;
  }

  /** Not accepted on {@code day}: the agency's 15 days to ask the higher court. */
  public Map<String, Object> notAccepted(LocalDate day) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("nonAcceptanceDate", day.toString());
    v.putAll(calendarDays("appealDue", day, APPEAL_DAYS));
    return v;
  }

  /** The agency asked the higher court on {@code day}: decided within 15 days. */
  public Map<String, Object> appealFiled(LocalDate day) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("appealFiledDate", day.toString());
    v.putAll(calendarDays("appealDecisionDue", day, APPEAL_DAYS));
    return v;
  }

  /** Refused on {@code day}: the refusal is served within 5 working days. */
  public Map<String, Object> refused(LocalDate day) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("rulingDate", day.toString());
    v.putAll(workingDays("refusalServiceDue", day, REFUSAL_SERVICE_WORKING_DAYS));
    return v;
  }

  /** The refusal reached the agency on {@code day}: its 15 days to challenge. */
  public Map<String, Object> refusalServed(LocalDate day) {
    return calendarDays("challengeDue", day, CHALLENGE_DAYS);
  }

  /** The agency challenged on {@code day}: decided within 30 days. */
  public Map<String, Object> challengeFiled(LocalDate day) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("challengeFiledDate", day.toString());
    v.putAll(calendarDays("challengeDecisionDue", day, CHALLENGE_DECISION_DAYS));
    return v;
  }

  /**
   * Enforcement granted on {@code day}: executed within the configured months ({@code platform.court.execution-months},
   * 6 by default, the court's usual time limit for an enforcement case with property to execute; unverified).
   */
  public Map<String, Object> granted(LocalDate day) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("rulingDate", day.toString());
    v.put("executionDue", calendar.addMonths(day, executionMonths).toString());
    v.put("executionDueAt", calendar.dueAfterMonths(day, executionMonths));
    return v;
  }

  private Map<String, Object> workingDays(String name, LocalDate from, int days) {
    return Map.of(name, calendar.addWorkingDays(from, days).toString(),
        name + "At", calendar.dueAfterWorkingDays(from, days));
  }

  private Map<String, Object> calendarDays(String name, LocalDate from, int days) {
    return Map.of(name, calendar.addCalendarDays(from, days).toString(),
        name + "At", calendar.dueAfterCalendarDays(from, days));
  }
}
