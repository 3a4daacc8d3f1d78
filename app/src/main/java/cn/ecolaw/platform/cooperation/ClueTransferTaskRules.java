package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of {@code clue-transfer}'s tasks beyond their forms: the time of the sending decision is kept (a crime is
 * transferred within 24 hours of it); a unit that returns a transfer gives its reasons (Decree 310 Art. 8, 11).
 */
@Component
public class ClueTransferTaskRules implements TaskCompletionRule {

  /** Reasons for a return: at least this many characters. */
  static final int MIN_RETURN_REASON = 4;

  private final ClueTransfers transfers;

  public ClueTransferTaskRules(ClueTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public String processKey() {
    return ClueTransfers.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ApproveSending", "Task_ReviewTransfer");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveSending" -> task.setVariables(transfers.approved(task.getVariables()));
      case "Task_ReviewTransfer" -> {
        boolean accepted = Boolean.parseBoolean(String.valueOf(task.getVariable("transferAccepted")));
        Object reason = task.getVariable("receiverOpinion");
        if (!accepted && (reason == null || reason.toString().strip().length() < MIN_RETURN_REASON)) {
          throw Refusals.refuse("CLUE-020", "退回移送须写明不予接收的理由（不少于" + MIN_RETURN_REASON + "字）"
              + "（《行政执法机关移送涉嫌犯罪案件的规定》第八条）");
        }
      }
      default -> { }
    }
  }
}
