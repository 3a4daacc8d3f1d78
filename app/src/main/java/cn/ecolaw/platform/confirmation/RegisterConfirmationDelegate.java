package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.documents.DocumentType;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记司法确认申请（Task_RegisterConfirmation）：校验、编民特案号、制作司法确认申请书。 */
@Component
public class RegisterConfirmationDelegate implements JavaDelegate {

  private final ConfirmationRegistration registration;
  private final ConfirmationDocuments documents;

  public RegisterConfirmationDelegate(ConfirmationRegistration registration, ConfirmationDocuments documents) {
    this.registration = registration;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String docketNo = execution.getProcessBusinessKey();
    if (docketNo == null || docketNo.isBlank()) {
      docketNo = registration.nextDocketNo();
      execution.setProcessBusinessKey(docketNo);
    }
    execution.setVariables(registration.register(docketNo, execution.getVariables()));
    execution.setVariable("applicationDocumentId",
        documents.generate(execution, DocumentType.CONFIRMATION_APPLICATION, Map.of()));
  }
}
