package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 移送公安机关（Task_TransferToPolice）：records the transfer and the day by which the police are to answer (State
 * Council Decree 310 Art. 8); the case waits for the answer and comes back to the bureau if the police decline (Art. 11).
 */
@Component
public class PoliceTransferDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public PoliceTransferDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.transferToPolice(execution.getVariables()));
  }
}
