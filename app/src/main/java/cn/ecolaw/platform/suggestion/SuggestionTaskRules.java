package cn.ecolaw.platform.suggestion;

import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of the suggestion's tasks: a reply that adopts the suggestion (wholly or partly) states the measures
 * taken (SUG-101); one that does not adopt it states why in the reply (the form requires the reply text).
 */
@Component
public class SuggestionTaskRules implements TaskCompletionRule {

  @Override
  public String processKey() {
    return JudicialSuggestions.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ReplySuggestion");
  }

  @Override
  public void check(DelegateTask task) {
    Object adoption = task.getVariable("replyAdoption");
    Object measures = task.getVariable("measuresTaken");
    if (!"NOT_ADOPTED".equals(adoption) && (measures == null || measures.toString().isBlank())) {
      throw Refusals.refuse("SUG-101", "采纳司法建议的，应当写明“整改落实措施”");
    }
  }
}
