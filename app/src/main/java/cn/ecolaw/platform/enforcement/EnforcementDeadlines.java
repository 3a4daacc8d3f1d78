package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The statutory periods of an administrative penalty case (DOMAIN.md §1–2). APL/ACEL periods of up to ten days count
 * working days; the others are calendar days that end on the next working day when they fall on a rest day. Each
 * deadline is written twice: {@code xDue} as a date for people and documents, {@code xDueAt} as the timer instant.
 */
@Component
public class EnforcementDeadlines {

  /** MEE-PM 18: decide on filing within 15 days of the clue. */
  static final int FILING_DAYS = 15;
  /** APL 60: decide within 90 days of filing. */
  static final int DECISION_DAYS = 90;
  /** State Council Decree 310 Art. 5: the head decides on a transfer to the police within 3 days. */
  static final int TRANSFER_DAYS = 3;
  /** APL 64: a hearing is requested within 5 working days of the notice. */
  static final int STATEMENT_WORKING_DAYS = 5;
  /** APL 64: the hearing notice is served 7 working days ahead. */
  static final int HEARING_NOTICE_WORKING_DAYS = 7;
  /** APL 61: service within 7 working days. */
  static final int SERVICE_WORKING_DAYS = 7;
  /** APL 67: payment within 15 days of receipt. */
  static final int PAYMENT_DAYS = 15;
  /** ARL 20: reconsideration within 60 days. */
  static final int RECONSIDERATION_DAYS = 60;
  /** ALL 46: litigation within 6 months. */
  static final int LITIGATION_MONTHS = 6;
  /** ACEL 53: application to the court within 3 months after the litigation period. */
  static final int APPLICATION_MONTHS = 3;
  /** MEP Order 28: re-inspection within 30 days of service of the correction order. */
  static final int REINSPECTION_DAYS = 30;
  /** ACEL 54, 69: apply to the court only 10 working days after the reminder is served. */
  static final int REMINDER_WORKING_DAYS = 10;

  /** State Council Decree 310 Art. 8: the police decide within 3 days of the transfer whether to open a case. */
  static final int POLICE_ANSWER_DAYS = 3;
  /** EPL 63: transfer for administrative detention within 3 working days of the decision. */
  static final int DETENTION_TRANSFER_WORKING_DAYS = 3;

  /** MEE-PM 57: each extension of the decision deadline is 30 days (two at most). */
  static final int EXTENSION_DAYS = 30;
  /** ACEL 53: the head is warned this many days before the 3-month application period is lost. */
  static final int APPLICATION_WARNING_DAYS = 15;

  private final WorkingDayCalendar calendar;

  public EnforcementDeadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public LocalDate earliestHearingDate(LocalDate noticeDate) {
    return calendar.addWorkingDays(noticeDate, HEARING_NOTICE_WORKING_DAYS);
  }

  public void filing(LocalDate clueDate, Map<String, Object> out) {
    put(out, "filingDue", calendar.addCalendarDays(clueDate, FILING_DAYS));
  }

  public void decision(LocalDate filingDate, Map<String, Object> out) {
    put(out, "decisionDue", calendar.addCalendarDays(filingDate, DECISION_DAYS));
  }

  /** The decision deadline moved by days that do not count or by an approved extension. */
  public void moveDecision(LocalDate due, long days, Map<String, Object> out) {
    put(out, "decisionDue", calendar.addCalendarDays(due, (int) days));
  }

  public void transfer(LocalDate today, Map<String, Object> out) {
    put(out, "transferDue", calendar.addCalendarDays(today, TRANSFER_DAYS));
  }

  public void policeAnswer(LocalDate transferDate, Map<String, Object> out) {
    put(out, "policeAnswerDue", calendar.addCalendarDays(transferDate, POLICE_ANSWER_DAYS));
  }

  public void detentionTransfer(LocalDate decisionDate, Map<String, Object> out) {
    put(out, "detentionTransferDue", calendar.addWorkingDays(decisionDate, DETENTION_TRANSFER_WORKING_DAYS));
  }

  public void statement(LocalDate noticeDate, Map<String, Object> out) {
    put(out, "statementDue", calendar.addWorkingDays(noticeDate, STATEMENT_WORKING_DAYS));
  }

  public void service(LocalDate decisionDate, Map<String, Object> out) {
    put(out, "serviceDue", calendar.addWorkingDays(decisionDate, SERVICE_WORKING_DAYS));
  }

  /** Everything that runs from the day the decision is served. */
  public void afterService(LocalDate serviceDate, Map<String, Object> out) {
    put(out, "paymentDue", calendar.addCalendarDays(serviceDate, PAYMENT_DAYS));
    put(out, "reconsiderationDue", calendar.addCalendarDays(serviceDate, RECONSIDERATION_DAYS));
    LocalDate litigationDue = calendar.addMonths(serviceDate, LITIGATION_MONTHS);
    put(out, "litigationDue", litigationDue);
    LocalDate applicationDue = calendar.addMonths(litigationDue, APPLICATION_MONTHS);
    put(out, "applicationDue", applicationDue);
    put(out, "applicationWarn", applicationDue.minusDays(APPLICATION_WARNING_DAYS));
    put(out, "reinspectionDue", serviceDate.plusDays(REINSPECTION_DAYS));
  }

  /** ALL 45: after a reconsideration decision the party may sue within 15 days of its service. */
  static final int SUIT_AFTER_RECONSIDERATION_DAYS = 15;

  /**
   * After a reconsideration decision (upheld or changed) is served: the suit period is 15 days (ALL 45) and the
   * application to the court is due 3 months after it ends (ACEL 53).
   */
  public void afterReconsideration(LocalDate decisionServed, Map<String, Object> out) {
    LocalDate litigationDue = calendar.addCalendarDays(decisionServed, SUIT_AFTER_RECONSIDERATION_DAYS);
    put(out, "litigationDue", litigationDue);
    LocalDate applicationDue = calendar.addMonths(litigationDue, APPLICATION_MONTHS);
    put(out, "applicationDue", applicationDue);
    put(out, "applicationWarn", applicationDue.minusDays(APPLICATION_WARNING_DAYS));
  }

  /** The deadline printed on a reminder: 10 working days from its date (service on the day it is issued). */
  public LocalDate reminderDeadline(LocalDate reminderDate) {
    return calendar.addWorkingDays(reminderDate, REMINDER_WORKING_DAYS);
  }

  public void reminder(LocalDate reminderServedDate, Map<String, Object> out) {
    put(out, "reminderDue", calendar.addWorkingDays(reminderServedDate, REMINDER_WORKING_DAYS));
  }

  private static void put(Map<String, Object> out, String name, LocalDate due) {
    out.put(name, due.toString());
    out.put(name + "At", java.util.Date.from(due.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant()));
  }
}
