package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.documents.DocumentType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作司法确认裁定书：确认有效（CONFIRMED）或驳回申请（REJECTED，写明理由）。 */
@Component
public class ConfirmationRulingDelegate implements JavaDelegate {

  private final ConfirmationDocuments documents;

  public ConfirmationRulingDelegate(ConfirmationDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = (String) execution.getVariableLocal("outcome");
    boolean confirmed = "CONFIRMED".equals(outcome);
    boolean compensation = ConfirmationApplication.COMPENSATION.equals(execution.getVariable("agreementType"));
    Map<String, Object> extra = new HashMap<>();
    extra.put("noticeText", compensation ? "本院于" + documentsDate(execution) + "将协议内容公告，公告期满。" : "");
    extra.put("rulingText", confirmed
        ? "申请人于" + cn.ecolaw.platform.shared.Dates.chinese(cn.ecolaw.platform.shared.Dates.toLocalDate(
            execution.getVariable("agreementDate"))) + "达成的" + execution.getVariable("agreementTypeLabel") + "有效。"
        : "驳回申请人的司法确认申请。");
    extra.put("effectText", confirmed
        ? "一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。"
        : "申请人可以通过调解方式变更原协议或者达成新的协议，也可以向人民法院提起诉讼。");
    Object judge = execution.getVariable("judge");
    extra.put("judge", judge == null || judge.toString().isBlank() ? null : judge); // blank: signed by hand
    execution.setVariable("caseOutcome", outcome);
    execution.setVariable("confirmed", confirmed);
    execution.setVariable("rulingDocumentId", documents.generate(execution, DocumentType.CONFIRMATION_RULING, extra));
  }

  private static String documentsDate(DelegateExecution execution) {
    return cn.ecolaw.platform.shared.Dates.chinese(
        cn.ecolaw.platform.shared.Dates.toLocalDate(execution.getVariable("noticeStart")));
  }
}
