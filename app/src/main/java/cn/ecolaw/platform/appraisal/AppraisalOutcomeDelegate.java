package cn.ecolaw.platform.appraisal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 鉴定结案：caseOutcome 取自输入参数 outcome（EXPERT_OPINION、OPINION_ADMITTED、OPINION_EXCLUDED）。 */
@Component
public class AppraisalOutcomeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("caseOutcome", execution.getVariableLocal("outcome"));
  }
}
