package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 审查协议：违反强制性规定或损害公共利益的协议不得确认有效（生态环境损害赔偿规定第二十条）。 */
@Component
public class ConfirmationTaskRules implements TaskCompletionRule {

  @Override
  public String processKey() {
    return JudicialConfirmation.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ReviewAgreement");
  }

  @Override
  public void check(DelegateTask task) {
    boolean breached = Boolean.TRUE.equals(task.getVariable("mandatoryLawBreached"));
    boolean harmed = Boolean.TRUE.equals(task.getVariable("publicInterestHarmed"));
    if (Boolean.TRUE.equals(task.getVariable("confirmed")) && (breached || harmed)) {
      throw Refusals.refuse("CONF-010", "协议违反法律、行政法规强制性规定或者损害社会公共利益的，不得确认有效，应当驳回申请");
    }
    task.setVariable("judge", judgeName(task));
  }

  /** The judge's name as the ruling prints it (never a user id): the user's name, else blank for a signature. */
  private static String judgeName(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return "";
    }
    org.camunda.bpm.engine.identity.User user = task.getProcessEngineServices().getIdentityService()
        .createUserQuery().userId(assignee).singleResult();
    if (user == null) {
      return "";
    }
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    return first.isEmpty() || first.chars().anyMatch(c -> c < 0x80) ? "" : first;
  }
}
