package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作修复令 (Task_IssueOrder): checks the order (a refusal rolls the start back), docket number, 修复令. */
@Component
public class RestorationOrderDelegate implements JavaDelegate {

  private final RestorationService service;

  public RestorationOrderDelegate(RestorationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String docketNo = execution.getProcessBusinessKey();
    if (docketNo == null || docketNo.isBlank()) {
      docketNo = service.nextDocketNo();
      execution.setProcessBusinessKey(docketNo);
    }
    execution.setVariables(service.issueOrder(execution.getVariables(), docketNo, ProcessUser.of(execution)));
  }
}
