package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.documents.DocumentType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作鉴定意见质证笔录：异议、鉴定人出庭情况、补充或重新鉴定的处理。 */
@Component
public class CrossExaminationDelegate implements JavaDelegate {

  private final AppraisalDocuments documents;

  public CrossExaminationDelegate(AppraisalDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> extra = new HashMap<>();
    boolean objection = Boolean.TRUE.equals(execution.getVariable("objectionRaised"));
    extra.put("objectionText", objection ? "当事人提出异议：" + text(execution.getVariable("objectionSummary"))
        : "当事人对鉴定意见无异议。");
    boolean requested = Boolean.TRUE.equals(execution.getVariable("attendanceRequested"));
    boolean attended = Boolean.TRUE.equals(execution.getVariable("appraiserAttended"));
    extra.put("attendanceText", !requested ? "当事人未申请鉴定人出庭。"
        : attended ? "当事人申请鉴定人出庭，鉴定人已出庭作证并接受询问。"
        : "当事人申请鉴定人出庭，经通知鉴定人拒不出庭作证，依照《中华人民共和国民事诉讼法》第八十一条，"
            + "鉴定意见不得作为认定事实的根据。");
    extra.put("furtherAppraisalText", switch (String.valueOf(execution.getVariable("furtherAppraisal"))) {
      case "SUPPLEMENTARY" -> "决定：补充鉴定。";
      case "REAPPRAISAL" -> "决定：重新鉴定（" + AppraisalTaskRules.GROUNDS.get(
          String.valueOf(execution.getVariable("reappraisalGround"))) + "）。";
      default -> "决定：不再鉴定。";
    });
    execution.setVariable("crossExaminationDocumentId",
        documents.generate(execution, DocumentType.APPRAISAL_CROSS_EXAMINATION, extra));
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }
}
