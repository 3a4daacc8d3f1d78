package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记申请 (Task_RegisterApplication): checks the application (a refusal rolls the start back), gives the instance
 * its docket number as business key unless it came with one, starts the 48-hour / 5-day clock, writes 禁止令申请书.
 */
@Component
public class RegisterInjunctionDelegate implements JavaDelegate {

  private final InjunctionService service;

  public RegisterInjunctionDelegate(InjunctionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String docketNo = execution.getProcessBusinessKey();
    if (docketNo == null || docketNo.isBlank()) {
      docketNo = service.nextDocketNo();
      execution.setProcessBusinessKey(docketNo);
    }
    service.claimCase(execution.getVariable("caseNo"), execution.getProcessInstanceId());
    execution.setVariables(service.register(execution.getVariables(), docketNo, ProcessUser.of(execution)));
  }
}
