package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.confirmation.ConfirmationApplication;
import cn.ecolaw.platform.confirmation.JudicialConfirmation;
import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 双方共同申请司法确认：启动 {@code judicial-confirmation}（调解协议）。 */
@Component
public class ApplyForConfirmationDelegate implements JavaDelegate {

  private final JudicialConfirmation confirmation;

  public ApplyForConfirmationDelegate(JudicialConfirmation confirmation) {
    this.confirmation = confirmation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String docketNo = confirmation.apply(new ConfirmationApplication(
        (String) execution.getVariable("caseNo"),
        ConfirmationApplication.MEDIATION,
        execution.getVariable("applicant") + "、" + execution.getVariable("respondent"),
        Dates.toLocalDate(execution.getVariable("agreementDate")),
        (String) execution.getVariable("agreementTerms"),
        execution.getProcessInstanceId()));
    execution.setVariable("confirmationDocketNo", docketNo);
    execution.setVariable("caseOutcome", "MEDIATED_CONFIRMATION_APPLIED");
  }
}
