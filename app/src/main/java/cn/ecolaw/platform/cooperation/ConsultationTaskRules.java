package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 提出会商意见 (Task_GiveOpinion) completing, after its form's checks: the opinion is kept per unit (the form's
 * variable is overwritten by the next unit's) and the summary the convener reads is renewed.
 */
@Component
public class ConsultationTaskRules implements TaskCompletionRule {

  private final Consultations consultations;

  public ConsultationTaskRules(Consultations consultations) {
    this.consultations = consultations;
  }

  @Override
  public String processKey() {
    return Consultations.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_GiveOpinion");
  }

  @Override
  public void check(DelegateTask task) {
    String user = Caller.userIdOf(task.getProcessEngineServices());
    String summary = consultations.opinionGiven(String.valueOf(task.getVariable("consultationNo")),
        String.valueOf(task.getVariable("participantUnit")), user == null ? "system" : user,
        task.getVariable("consultationOpinion"), null);
    task.getExecution().getProcessInstance().setVariable("opinionsSummary", summary);
  }
}
