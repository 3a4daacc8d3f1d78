package cn.ecolaw.platform.court;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The record of an executed enforcement ruling, by the court or by the agency: a past date, no more than was due;
 * the amount is kept as a Double whatever number type the client sent. The court's officer records
 * executionDate/amountCollected/executionRecord, the agency (裁执分离) its own agencyExecutionDate/... in the same
 * process, so that neither unit's form can overwrite the other's record.
 */
final class ExecutionRecords {

  private ExecutionRecords() {}

  /** The court's record (Task_ExecuteByCourt). */
  static final String COURT = "";
  /** The agency's record (Task_ExecuteByAgency). */
  static final String AGENCY = "agency";

  /** The variable of a record: executionDate, or agencyExecutionDate for the agency. */
  static String key(String record, String name) {
    return record.isEmpty() ? name : record + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static void check(DelegateTask task, String record) {
    LocalDate executed = Dates.toLocalDate(task.getVariable(key(record, "executionDate")));
    if (executed.isAfter(Dates.today())) {
      throw Refusals.refuse("COURT-008", "执行日期不能晚于今天");
    }
    double collected = ((Number) task.getVariable(key(record, "amountCollected"))).doubleValue();
    task.setVariable(key(record, "amountCollected"), collected);
    Object due = task.getVariable("amountDue");
    if (due instanceof Number n && collected > n.doubleValue() + 0.005) {
      throw Refusals.refuse("COURT-009", "执行到位金额不能超过申请执行金额（" + n + " 元）");
    }
  }
}
