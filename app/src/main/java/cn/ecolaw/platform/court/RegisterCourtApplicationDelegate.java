package cn.ecolaw.platform.court;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记申请：受理审查期限五日（行政强制法第五十六条；十日以内期限按工作日计算，第六十九条）。 */
@Component
public class RegisterCourtApplicationDelegate implements JavaDelegate {

  /** ACEL 56: decide on acceptance within 5 days. */
  static final int ACCEPTANCE_WORKING_DAYS = 5;

  private final WorkingDayCalendar calendar;

  public RegisterCourtApplicationDelegate(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var received = Dates.today();
    execution.setVariable("receivedDate", received.toString());
    execution.setVariable("acceptanceDue", calendar.addWorkingDays(received, ACCEPTANCE_WORKING_DAYS).toString());
    execution.setVariable("acceptanceDueAt", calendar.dueAfterWorkingDays(received, ACCEPTANCE_WORKING_DAYS));
  }
}
