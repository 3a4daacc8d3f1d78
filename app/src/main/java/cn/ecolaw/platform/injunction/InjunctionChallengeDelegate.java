package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作复议决定书 (Task_IssueChallengeDecision). */
@Component
public class InjunctionChallengeDelegate implements JavaDelegate {

  private final InjunctionService service;

  public InjunctionChallengeDelegate(InjunctionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issueChallengeDecision(execution.getVariables(), ProcessUser.of(execution)));
  }
}
