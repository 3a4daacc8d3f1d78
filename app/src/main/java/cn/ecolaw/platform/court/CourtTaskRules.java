package cn.ecolaw.platform.court;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The rules of the court's tasks in {@code non-litigation-execution}. */
@Component
public class CourtTaskRules implements TaskCompletionRule {

  /** ACEL 57: written review and ruling within 7 days of acceptance (working days, ACEL 69). */
  static final int RULING_WORKING_DAYS = 7;

  private final WorkingDayCalendar calendar;

  public CourtTaskRules(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public String processKey() {
    return NonLitigationExecution.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ReviewApplication", "Task_ReviewAndRule");
  }

  @Override
  public void check(DelegateTask task) {
    if (task.getTaskDefinitionKey().equals("Task_ReviewApplication")) {
      acceptance(task);
    } else {
      ruling(task);
    }
  }

  private void acceptance(DelegateTask task) {
    boolean accepted = Boolean.TRUE.equals(task.getVariable("courtAccepted"));
    if (!accepted && blank(task.getVariable("acceptanceNote"))) {
      throw Refusals.refuse("COURT-001", "不予受理的，应当写明理由");
    }
    if (accepted) {
      var today = Dates.today();
      task.setVariable("acceptedDate", today.toString());
      task.setVariable("rulingDue", calendar.addWorkingDays(today, RULING_WORKING_DAYS).toString());
      task.setVariable("rulingDueAt", calendar.dueAfterWorkingDays(today, RULING_WORKING_DAYS));
    }
  }

  /** ACEL 58: a refusal names its ground. */
  private void ruling(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable("enforcementGranted")) && blank(task.getVariable("refusalGround"))) {
      throw Refusals.refuse("COURT-002", "裁定不准予执行的，应当选择行政强制法第五十八条规定的理由");
    }
  }

  private static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }
}
