package cn.ecolaw.platform.court;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The record of an executed enforcement ruling, by the court or by the agency: a past date, no more than was due;
 * the amount is kept as a Double whatever number type the client sent.
 */
final class ExecutionRecords {

  private ExecutionRecords() {}

  static void check(DelegateTask task) {
    LocalDate executed = Dates.toLocalDate(task.getVariable("executionDate"));
    if (executed.isAfter(Dates.today())) {
      throw Refusals.refuse("COURT-008", "执行日期不能晚于今天");
    }
    double collected = ((Number) task.getVariable("amountCollected")).doubleValue();
    task.setVariable("amountCollected", collected);
    Object due = task.getVariable("amountDue");
    if (due instanceof Number n && collected > n.doubleValue() + 0.005) {
      throw Refusals.refuse("COURT-009", "执行到位金额不能超过申请执行金额（" + n + " 元）");
    }
  }
}
