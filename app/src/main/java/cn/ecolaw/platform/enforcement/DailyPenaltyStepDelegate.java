package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The automatic steps of {@code daily-penalty} (按日连续处罚), chosen by the input parameter {@code dailyStep}:
 * COMPUTE, NOTICE, NOTICE_SERVED, DECISION, SERVED, or CONCLUDE with {@code dailyOutcome}. A refusal of the
 * service becomes the engine's refusal in {@code engine.DelegateRefusalsPlugin}.
 */
@Component
public class DailyPenaltyStepDelegate implements JavaDelegate {

  private final DailyPenaltyService service;

  public DailyPenaltyStepDelegate(DailyPenaltyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var v = execution.getVariables();
    String user = ProcessUser.of(execution);
    String step = String.valueOf(execution.getVariableLocal("dailyStep"));
    execution.setVariables(switch (step) {
      case "COMPUTE" -> service.compute(v);
      case "NOTICE" -> service.issueNotice(v, user);
      case "NOTICE_SERVED" -> service.noticeServed(v);
      case "DECISION" -> service.issueDecision(v, user);
      case "SERVED" -> service.decisionServed(v, user);
      case "CONCLUDE" -> service.conclude(v, String.valueOf(execution.getVariableLocal("dailyOutcome")));
      default -> throw new IllegalStateException("unknown daily penalty step " + step);
    });
  }
}
