package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.Dates;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 司法确认申请书、公告、司法确认裁定书, filed under the originating case number. */
@Component
public class ConfirmationDocuments {

  private final DocumentService documents;

  public ConfirmationDocuments(DocumentService documents) {
    this.documents = documents;
  }

  public String generate(DelegateExecution execution, DocumentType type, Map<String, Object> extra) {
    Map<String, Object> data = new HashMap<>(execution.getVariables());
    data.replaceAll((k, v) -> v instanceof java.util.Date d ? Dates.toLocalDate(d) : v);
    for (String key : new String[] {"agreementDate", "filedDate", "noticeStart", "noticeEnd"}) {
      data.put(key, Dates.chinese(Dates.toLocalDate(execution.getVariable(key))));
    }
    boolean compensation = ConfirmationApplication.COMPENSATION.equals(execution.getVariable("agreementType"));
    data.put("agreementSource", compensation ? "生态环境损害赔偿磋商" : "人民法院委派诉前调解");
    data.put("legalBasis", compensation
        ? "《最高人民法院关于审理生态环境损害赔偿案件的若干规定（试行）》第二十条"
        : "《中华人民共和国民事诉讼法》第二百零五条、第二百零六条");
    data.putAll(extra);
    String caseNo = (String) execution.getVariable("caseNo");
    return String.valueOf(documents.generate(caseNo, type, data, "system").id());
  }
}
