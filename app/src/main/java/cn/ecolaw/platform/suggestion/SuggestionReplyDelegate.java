package cn.ecolaw.platform.suggestion;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作回复函 (Task_IssueReply): the addressee's reply as 回复函, late or in time. */
@Component
public class SuggestionReplyDelegate implements JavaDelegate {

  private final SuggestionService service;

  public SuggestionReplyDelegate(SuggestionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.reply(execution.getVariables(), ProcessUser.of(execution)));
  }
}
