package cn.ecolaw.platform.court;

import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 通知申请机关：记录法院审查结果（输入参数 courtResult），并送回原行政处罚案件（消息 CourtEnforcementResult）。
 */
@Component
public class CourtResultDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String result = (String) execution.getVariableLocal("courtResult");
    execution.setVariable("caseOutcome", result);
    execution.setVariable("courtResultDate", Dates.today().toString());
    Object origin = execution.getVariable("enforcementCaseInstanceId");
    if (origin == null) {
      return;
    }
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(NonLitigationExecution.RESULT_MESSAGE)
        .processInstanceId(origin.toString())
        .setVariable("courtResult", result)
        .setVariable("courtDocketNo", execution.getProcessBusinessKey())
        .setVariable("courtRulingReason", execution.getVariable("rulingReason"))
        .correlate();
  }
}
