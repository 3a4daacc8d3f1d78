package cn.ecolaw.platform.suggestion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期未回复 (Task_MarkOverdue): two months passed (法释〔2023〕11号 Art. 8), flagged before the judge follows up. */
@Component
public class SuggestionOverdueDelegate implements JavaDelegate {

  private final SuggestionService service;

  public SuggestionOverdueDelegate(SuggestionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.overdue());
  }
}
