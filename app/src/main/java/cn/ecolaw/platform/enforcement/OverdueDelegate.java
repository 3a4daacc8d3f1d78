package cn.ecolaw.platform.enforcement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 缴款期限届满未缴：标记逾期，自次日起按日加处 3% 罚款（Task_MarkOverdue，行政处罚法第七十二条）。 */
@Component
public class OverdueDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("overdue", Boolean.TRUE);
  }
}
