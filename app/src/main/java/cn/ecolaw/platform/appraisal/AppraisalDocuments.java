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
    data.putAll(extra);
    return String.valueOf(documents.generate((String) execution.getVariable("caseNo"), type, data, "system").id());
  }
}
