package cn.ecolaw.platform.suggestion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 督促回复 (Task_RemindAddressee): half a month before the two months end, the reply is flagged as reminded. */
@Component
public class SuggestionReminderDelegate implements JavaDelegate {

  private final SuggestionService service;

  public SuggestionReminderDelegate(SuggestionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.remind());
  }
}
