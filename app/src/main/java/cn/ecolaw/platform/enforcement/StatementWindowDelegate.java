package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 计算陈述申辩期限（Task_StartStatementWindow）：the 5 working days to state, defend and ask for a hearing run from the
 * service of the prior notice (APL 44, 64), not from its drafting; the days of service do not count towards the
 * decision deadline.
 */
@Component
public class StatementWindowDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public StatementWindowDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.startStatementWindow(execution.getVariables()));
  }
}
