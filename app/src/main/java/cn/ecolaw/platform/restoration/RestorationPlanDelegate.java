package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作生态修复方案审批表 (Task_RecordPlanApproval). */
@Component
public class RestorationPlanDelegate implements JavaDelegate {

  private final RestorationService service;

  public RestorationPlanDelegate(RestorationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.recordPlanApproval(execution.getVariables(), ProcessUser.of(execution)));
  }
}
