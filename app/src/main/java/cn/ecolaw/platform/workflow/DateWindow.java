package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.shared.Dates;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The plausible window of a date a user enters (issue 8): nothing the platform records happened before 2000, a date
 * of something that happened (a payment, a service, an inspection) is not after today (China time, the engine's
 * clock), and a date set for the future (a hearing, a restoration deadline) is at most ten years ahead. A date
 * outside the window is refused with DATE-001 and a Chinese message; 9999-12-31 never reaches a document or a
 * deadline. The outer bounds are checked before the task's own rules (which may count days from the date); "not after
 * today" after them, so that a rule with a more specific reason (ENF-008 for a service date) gives it.
 */
public final class DateWindow {

  public static final String CODE = "DATE-001";
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final int MAX_YEARS_AHEAD = 10;

  /** Form fields whose date lies ahead: the day of a hearing, the deadline of a restoration. */
  static final Set<String> FUTURE_DATES = Set.of("hearingDate", "restorationDeadline");

  private DateWindow() {}

  /** Before the task's rules: every date field of the form within 2000-01-01 .. ten years ahead. */
  public static void checkBounds(FormSchema schema, DelegateTask task) {
    each(schema, task, true);
  }

  /** After the task's rules: the dates of things that happened not after today. */
  public static void checkHappened(FormSchema schema, DelegateTask task) {
    each(schema, task, false);
  }

  private static void each(FormSchema schema, DelegateTask task, boolean bounds) {
    if (schema == null) {
      return;
    }
    for (FormSchema.Field f : schema.fields()) {
      if (!"datetime".equals(f.type())) {
        continue;
      }
      LocalDate date;
      try {
        date = Dates.toLocalDate(task.getVariable(f.key()));
      } catch (RuntimeException e) {
        continue; // not a date: the form guard's FORM-006
      }
      if (date == null) {
        continue;
      }
      if (bounds) {
        checkBounds(f.label(), date);
      } else if (!FUTURE_DATES.contains(f.key())) {
        checkHappened(f.label(), date);
      }
    }
  }

  /** Refuses a date before 2000 or more than ten years ahead. */
  public static void checkBounds(String label, LocalDate date) {
    if (date.isBefore(EARLIEST)) {
      throw Refusals.refuse(CODE, "“" + label + "”（" + date + "）早于2000年1月1日，请核对");
    }
    if (date.isAfter(Dates.today().plusYears(MAX_YEARS_AHEAD))) {
      throw Refusals.refuse(CODE, "“" + label + "”（" + date + "）晚于今后" + MAX_YEARS_AHEAD + "年，请核对");
    }
  }

  /** Refuses the date of something that happened when it is after today. */
  public static void checkHappened(String label, LocalDate date) {
    LocalDate today = Dates.today();
    if (date.isAfter(today)) {
      throw Refusals.refuse(CODE, "“" + label + "”（" + date + "）是已经发生的事项的日期，不能晚于今天（" + today + "）");
    }
  }
}
