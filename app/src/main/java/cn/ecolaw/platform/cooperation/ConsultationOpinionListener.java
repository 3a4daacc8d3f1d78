package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.identity.Caller;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 提出会商意见 completed: the opinion is kept per unit (the form's variable is overwritten by the next unit's) and the
 * summary the convener reads is renewed.
 */
@Component
public class ConsultationOpinionListener implements TaskListener {

  private final Consultations consultations;

  public ConsultationOpinionListener(Consultations consultations) {
    this.consultations = consultations;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = Caller.userIdOf(task.getProcessEngineServices());
    String summary = consultations.opinionGiven(String.valueOf(task.getVariable("consultationNo")),
        String.valueOf(task.getVariable("participantUnit")), user == null ? "system" : user,
        task.getVariable("consultationOpinion"), null);
    task.getExecution().getProcessInstance().setVariable("opinionsSummary", summary);
  }
}
