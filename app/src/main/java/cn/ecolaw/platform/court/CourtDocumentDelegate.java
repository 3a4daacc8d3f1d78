package cn.ecolaw.platform.court;

import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 制作法院文书：按输入参数 documentType 制作文书（归入行政处罚案号），文书编号累加到 courtDocumentIds。
 */
@Component
public class CourtDocumentDelegate implements JavaDelegate {

  private final CourtDocuments documents;

  public CourtDocumentDelegate(CourtDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentType type = DocumentType.valueOf((String) execution.getVariableLocal("documentType"));
    GeneratedDocument document = documents.issue(type, execution.getVariables(), ProcessUser.of(execution));
    Object ids = execution.getVariable("courtDocumentIds");
    String id = String.valueOf(document.id());
    execution.setVariable("courtDocumentIds", ids == null || ids.toString().isBlank() ? id : ids + "," + id);
  }
}
