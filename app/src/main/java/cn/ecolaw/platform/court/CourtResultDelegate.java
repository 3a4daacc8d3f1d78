package cn.ecolaw.platform.court;

import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 通知申请机关：记录法院审查的最终结果（输入参数 courtResult：GRANTED / REFUSED / NOT_ACCEPTED），并送回原行政处罚案件
 * （消息 CourtEnforcementResult）：结果、法院案号、裁定理由、执行方式（COURT / AGENCY）、执行到位金额与日期、法院文书编号。
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
    boolean granted = "GRANTED".equals(result);
    String record = "AGENCY".equals(execution.getVariable("executedBy")) ? ExecutionRecords.AGENCY
        : ExecutionRecords.COURT;
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(NonLitigationExecution.RESULT_MESSAGE)
        .processInstanceId(origin.toString())
        .setVariable("courtResult", result)
        .setVariable("courtDocketNo", execution.getProcessBusinessKey())
        .setVariable("courtRulingReason", reason(execution, result))
        .setVariable("courtExecutedBy", granted ? execution.getVariable("executedBy") : null)
        .setVariable("courtAmountCollected", granted ? execution.getVariable(ExecutionRecords.key(record, "amountCollected")) : null)
        .setVariable("courtExecutionDate", granted ? execution.getVariable(ExecutionRecords.key(record, "executionDate")) : null)
        .setVariable("courtDocumentIds", execution.getVariable("courtDocumentIds"))
        .correlate();
  }

  /** The reason of the decision that stands: the higher court's where it decided, else the court's. */
  private static Object reason(DelegateExecution execution, String result) {
    String[] keys = switch (result) {
      case "NOT_ACCEPTED" -> new String[] {"appealDecisionReason", "acceptanceNote"};
      default -> new String[] {"challengeDecisionReason", "rulingReason"};
    };
    for (String key : keys) {
      Object v = execution.getVariable(key);
      if (v != null && !v.toString().isBlank()) {
        return v;
      }
    }
    return null;
  }
}
