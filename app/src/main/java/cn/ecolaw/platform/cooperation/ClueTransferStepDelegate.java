package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The automatic steps of {@code clue-transfer}, by activity: register, send (移送函), close unsent, record the
 * answer (回执), open the case in the receiving unit. Refusals of the service become the engine's refusals in
 * {@code engine.DelegateRefusalsPlugin}.
 */
@Component
public class ClueTransferStepDelegate implements JavaDelegate {

  private final ClueTransfers transfers;

  public ClueTransferStepDelegate(ClueTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var v = execution.getVariables();
    String user = ProcessUser.of(execution);
    String step = execution.getCurrentActivityId();
    switch (step) {
      case "Task_RegisterTransfer" -> {
        var out = transfers.register(v, execution.getProcessInstanceId(), execution.getProcessBusinessKey(), user);
        if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
          execution.setProcessBusinessKey((String) out.get("transferNo"));
        }
        execution.setVariables(out);
      }
      case "Task_SendTransfer" -> execution.setVariables(transfers.send(v, execution.getProcessInstanceId(), user));
      case "Task_CloseNotSent" -> execution.setVariables(transfers.notSent(v));
      case "Task_RecordAnswer" -> execution.setVariables(transfers.answer(v, user));
      case "Task_OpenCase" -> execution.setVariables(transfers.openCase(v));
      default -> throw new IllegalStateException("unknown clue-transfer step " + step);
    }
  }
}
