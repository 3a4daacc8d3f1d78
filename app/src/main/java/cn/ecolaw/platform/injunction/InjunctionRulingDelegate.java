package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作禁止令（裁定书） (Task_IssueRuling). */
@Component
public class InjunctionRulingDelegate implements JavaDelegate {

  private final InjunctionService service;

  public InjunctionRulingDelegate(InjunctionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.issueRuling(execution.getVariables(), ProcessUser.of(execution)));
  }
}
