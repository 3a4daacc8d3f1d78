package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 鉴定委托书、鉴定意见质证笔录, filed under the case number. */
@Component
public class AppraisalDocuments {

  private final DocumentService documents;
  private final AgencyProperties agency;

  public AppraisalDocuments(DocumentService documents, AgencyProperties agency) {
    this.documents = documents;
    this.agency = agency;
  }

  public String generate(DelegateExecution execution, DocumentType type, Map<String, Object> extra) {
    Map<String, Object> data = new HashMap<>(execution.getVariables());
    data.replaceAll((k, v) -> v instanceof java.util.Date d ? Dates.toLocalDate(d) : v);
    data.remove("estimatedAmount");
    data.put("commissioner", Appraisals.COURT.equals(execution.getVariable("requestedBy")) ? agency.court() : agency.name());
    data.put("certificateExpiry", Dates.chinese(Dates.toLocalDate(execution.getVariable("certificateExpiry"))));
    // CPL 79/81 govern a court's commission only; an agency commissions under its own procedure
    boolean court = Appraisals.COURT.equals(execution.getVariable("requestedBy"));
    data.put("commissionBasisText", court
        ? "现依照《中华人民共和国民事诉讼法》第七十九条的规定，委托你单位进行鉴定。"
        : "现委托你单位进行鉴定。");
    data.put("testimonyText", court
        ? "鉴定人应当依法出具鉴定意见，并按本院通知出庭作证；经通知拒不出庭作证的，鉴定意见不得作为认定事实的根据"
            + "（《中华人民共和国民事诉讼法》第八十一条）。"
        : "鉴定人应当依法出具鉴定意见，对鉴定意见负责，并按本机关通知就鉴定意见作出说明、接受询问。");
    data.putAll(extra);
    return String.valueOf(documents.generate((String) execution.getVariable("caseNo"), type, data, "system").id());
  }
}
