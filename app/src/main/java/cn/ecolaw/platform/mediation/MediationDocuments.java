package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.Dates;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 调解告知书、调解协议：filled from the variables of the dispute. */
@Component
public class MediationDocuments {

  static final String SYSTEM_USER = "system";

  private final DocumentService documents;

  public MediationDocuments(DocumentService documents) {
    this.documents = documents;
  }

  public String generate(DelegateExecution execution, DocumentType type) {
    Map<String, Object> data = new HashMap<>(execution.getVariables());
    data.replaceAll((k, v) -> v instanceof java.util.Date d ? Dates.toLocalDate(d) : v);
    data.remove("claimAmount");
    data.put("mediationStart", Dates.chinese(Dates.toLocalDate(execution.getVariable("mediationStart"))));
    data.put("mediationDue", Dates.chinese(Dates.toLocalDate(execution.getVariable("mediationDue"))));
    data.put("agreementDate", Dates.chinese(Dates.toLocalDate(execution.getVariable("agreementDate"))));
    String caseNo = (String) execution.getVariable("caseNo");
    return String.valueOf(documents.generate(caseNo, type, data, SYSTEM_USER).id());
  }
}
