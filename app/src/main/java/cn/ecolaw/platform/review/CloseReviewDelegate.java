package cn.ecolaw.platform.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 评查结束 (input parameter reviewOutcome: NO_PROBLEMS or RECTIFIED): caseOutcome set, problems marked corrected. */
@Component
public class CloseReviewDelegate implements JavaDelegate {

  private final ReviewService service;

  public CloseReviewDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = (String) execution.getVariableLocal("reviewOutcome");
    service.close(execution.getProcessInstanceId(), outcome);
    execution.setVariable("caseOutcome", outcome);
  }
}
