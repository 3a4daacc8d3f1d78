package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作修复验收意见书 (Task_IssueAcceptance). */
@Component
public class RestorationAcceptanceDelegate implements JavaDelegate {

  private final RestorationService service;

  public RestorationAcceptanceDelegate(RestorationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.recordAcceptance(execution.getVariables(), ProcessUser.of(execution)));
  }
}
