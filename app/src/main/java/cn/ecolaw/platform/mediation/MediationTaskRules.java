package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The rules of the mediator's tasks in {@code mediation-routing}. */
@Component
public class MediationTaskRules implements TaskCompletionRule {

  private final WorkingDayCalendar calendar;

  public MediationTaskRules(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public String processKey() {
    return MediationRouting.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_Mediate", "Task_RecordExtension");
  }

  @Override
  public void check(DelegateTask task) {
    if (task.getTaskDefinitionKey().equals("Task_Mediate")) {
      mediate(task);
    } else {
      extend(task);
    }
  }

  private void mediate(DelegateTask task) {
    boolean succeeded = Boolean.TRUE.equals(task.getVariable("mediationSucceeded"));
    if (succeeded && MediationRouting.blank(task.getVariable("agreementTerms"))) {
      throw Refusals.refuse("MED-010", "达成调解协议的，应当填写调解协议内容");
    }
    if (succeeded || task.getVariable("extensionAgreed") == null) {
      task.setVariable("extensionAgreed", false);
    }
  }

  /** The extension runs from the current due date, in calendar days (consent of both parties recorded). */
  private void extend(DelegateTask task) {
    int days = ((Number) task.getVariable("extensionDays")).intValue();
    var due = calendar.addCalendarDays(Dates.toLocalDate(task.getVariable("mediationDue")), days);
    task.setVariable("mediationDue", due.toString());
    task.setVariable("mediationDueAt", calendar.dueAfterCalendarDays(due, 0));
    task.setVariable("extensionAgreed", false);
    task.setVariable("mediationSucceeded", false);
  }
}
