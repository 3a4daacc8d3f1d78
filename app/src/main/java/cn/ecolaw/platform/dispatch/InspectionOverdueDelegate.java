package cn.ecolaw.platform.dispatch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 检查逾期 (Task_FlagOverdue): the due time passed with the inspection open; the supervisors see it. */
@Component
public class InspectionOverdueDelegate implements JavaDelegate {

  private final InspectionService service;

  public InspectionOverdueDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.overdue());
  }
}
