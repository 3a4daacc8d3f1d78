package cn.ecolaw.platform.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记评查案卷：the current scoring sheet version, the case summary and the links to the case file. */
@Component
public class PrepareReviewDelegate implements JavaDelegate {

  private final ReviewService service;

  public PrepareReviewDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object sampleId = execution.getVariable("sampleId");
    execution.setVariables(service.prepare(execution.getProcessInstanceId(),
        (String) execution.getVariable("caseNo"), (String) execution.getVariable("reviewedUnit"),
        sampleId == null ? null : ((Number) sampleId).longValue()));
  }
}
