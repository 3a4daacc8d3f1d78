package cn.ecolaw.platform.court;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bureau's tasks inside the court's {@code non-litigation-execution}: asking the higher court after a refusal to
 * accept (ACEL 56), challenging a refusal to enforce (ACEL 58), and executing a ruling handed back to it (裁执分离).
 */
@Component
public class AgencyRemedyRules implements TaskCompletionRule {

  private final CourtDeadlines deadlines;

  public AgencyRemedyRules(CourtDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public String processKey() {
    return NonLitigationExecution.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ConsiderAppeal", "Task_ConsiderChallenge", "Task_ExecuteByAgency");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ConsiderAppeal" -> appeal(task);
      case "Task_ConsiderChallenge" -> challenge(task);
      default -> ExecutionRecords.check(task, ExecutionRecords.AGENCY);
    }
  }

  private void appeal(DelegateTask task) {
    if (!CourtTaskRules.flag(task, "appealFiled")) {
      return;
    }
    if (CourtTaskRules.blank(task.getVariable("appealReason"))) {
      throw Refusals.refuse("COURT-007", "向上一级人民法院申请的，应当写明理由");
    }
    task.setVariables(deadlines.appealFiled(Dates.today()));
  }

  private void challenge(DelegateTask task) {
    if (!CourtTaskRules.flag(task, "challengeFiled")) {
      return;
    }
    if (CourtTaskRules.blank(task.getVariable("challengeReason"))) {
      throw Refusals.refuse("COURT-006", "申请复议的，应当写明复议理由");
    }
    task.setVariables(deadlines.challengeFiled(Dates.today()));
  }
}
