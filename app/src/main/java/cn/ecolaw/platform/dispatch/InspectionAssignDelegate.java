package cn.ecolaw.platform.dispatch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 指派执法人员 (Task_AssignInspectors): the drawn pair or the nearest two officers, and the due time. */
@Component
public class InspectionAssignDelegate implements JavaDelegate {

  private final InspectionService service;

  public InspectionAssignDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.assign(execution.getVariables(), execution.getProcessInstanceId()));
  }
}
