package cn.ecolaw.platform.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 调解结案：caseOutcome 取自输入参数 outcome。 */
@Component
public class MediationOutcomeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("caseOutcome", execution.getVariableLocal("outcome"));
  }
}
