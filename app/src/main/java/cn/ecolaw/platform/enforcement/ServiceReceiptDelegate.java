package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作送达回证，计算缴款、复议、诉讼和申请执行期限（Task_RecordServiceReceipt）。 */
@Component
public class ServiceReceiptDelegate implements JavaDelegate {

  private final EnforcementCaseService service;

  public ServiceReceiptDelegate(EnforcementCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.recordService(execution.getVariables(), ProcessUser.of(execution)));
  }
}
