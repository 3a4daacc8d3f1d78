package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The appraisal period: 30 working days from the commission, +30 when complex; the days spent waiting for
 * material are not counted, so the due date moves by the working days of each pause.
 */
@Component
public class AppraisalDeadlines {

  static final int WORKING_DAYS = 30;
  static final int COMPLEX_EXTRA_WORKING_DAYS = 30;

  private final WorkingDayCalendar calendar;

  public AppraisalDeadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Sets appraisalDue/appraisalDueAt from today. */
  public void start(VariableScope scope, boolean complex) {
    int days = WORKING_DAYS + (complex ? COMPLEX_EXTRA_WORKING_DAYS : 0);
    LocalDate due = calendar.addWorkingDays(Dates.today(), days);
    set(scope, due);
    scope.setVariable("appraisalWorkingDays", days);
    scope.setVariable("deadlineText", days + "个工作日（" + (complex ? "案情复杂，延长三十个工作日，" : "")
        + "至" + Dates.chinese(due) + "）");
  }

  /** The pause begins: the institution asks for material. */
  public void pause(VariableScope scope) {
    scope.setVariable("pausedSince", Dates.today().toString());
  }

  /** The material arrived: the due date moves by the working days of the pause. Returns those days. */
  public int resume(VariableScope scope) {
    LocalDate since = Dates.toLocalDate(scope.getVariable("pausedSince"));
    int paused = workingDaysBetween(since, Dates.today());
    LocalDate due = calendar.addWorkingDays(Dates.toLocalDate(scope.getVariable("appraisalDue")), paused);
    set(scope, due);
    Object total = scope.getVariable("pausedWorkingDays");
    scope.setVariable("pausedWorkingDays", (total == null ? 0 : ((Number) total).intValue()) + paused);
    scope.removeVariable("pausedSince");
    return paused;
  }

  /** Working days after {@code from} up to and including {@code to}. */
  int workingDaysBetween(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  private void set(VariableScope scope, LocalDate due) {
    scope.setVariable("appraisalDue", due.toString());
    scope.setVariable("appraisalDueAt", calendar.dueAfterWorkingDays(due, 0));
  }
}
