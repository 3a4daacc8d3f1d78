package cn.ecolaw.platform.dispatch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 移送立案 (Task_OpenCase): a finding opens an enforcement case with the inspection's facts. */
@Component
public class InspectionCaseDelegate implements JavaDelegate {

  private final InspectionCases cases;

  public InspectionCaseDelegate(InspectionCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("enforcementCaseNo", cases.open(execution.getVariables()));
  }
}
