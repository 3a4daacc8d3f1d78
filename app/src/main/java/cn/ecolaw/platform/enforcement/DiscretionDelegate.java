package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 自由裁量：按 penalty-discretion 决策计算并留存裁量结果（Task_EvaluateDiscretion）。 */
@Component
public class DiscretionDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public DiscretionDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.evaluateDiscretion(execution.getVariables()));
  }
}
