package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The automatic steps of {@code consultation}: share the materials; make the 会商纪要 and take the shares back. */
@Component
public class ConsultationStepDelegate implements JavaDelegate {

  private final Consultations consultations;

  public ConsultationStepDelegate(Consultations consultations) {
    this.consultations = consultations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var v = execution.getVariables();
    String user = ProcessUser.of(execution);
    String step = execution.getCurrentActivityId();
    switch (step) {
      case "Task_ShareMaterials" -> execution.setVariables(
          consultations.share(v, execution.getProcessInstanceId(), user));
      case "Task_IssueMinutes" -> execution.setVariables(
          consultations.conclude(v, execution.getProcessInstanceId(), user));
      default -> throw new IllegalStateException("unknown consultation step " + step);
    }
  }
}
