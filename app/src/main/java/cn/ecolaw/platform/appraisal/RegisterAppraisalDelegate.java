package cn.ecolaw.platform.appraisal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记鉴定需求（Task_RegisterAppraisal）：校验、编鉴定委托编号、确定承办组。 */
@Component
public class RegisterAppraisalDelegate implements JavaDelegate {

  private final Appraisals appraisals;

  public RegisterAppraisalDelegate(Appraisals appraisals) {
    this.appraisals = appraisals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(appraisals.register(execution.getVariables()));
    String no = execution.getProcessBusinessKey();
    if (no == null || no.isBlank()) {
      no = appraisals.nextNo();
      execution.setProcessBusinessKey(no);
    }
    execution.setVariable("appraisalNo", no);
  }
}
