package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作现场检查笔录 (Task_IssueRecord): the record with the number of photos taken; the task is done. */
@Component
public class InspectionRecordDelegate implements JavaDelegate {

  private final InspectionService service;

  public InspectionRecordDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int photos = execution.getProcessEngineServices().getTaskService()
        .getProcessInstanceAttachments(execution.getProcessInstanceId()).size();
    execution.setVariables(service.record(execution.getVariables(), photos, ProcessUser.of(execution)));
  }
}
