package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of the restoration tasks: dates of reports and checks are not in the future; the acceptance check is
 * done with experts (at least two named); every supervision report is counted.
 */
@Component
public class RestorationTaskRules implements TaskCompletionRule {

  static final int MIN_EXPERTS = 2;

  @Override
  public String processKey() {
    return Restorations.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_SuperviseExecution", "Task_SupervisionReport", "Task_AcceptanceCheck");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_SuperviseExecution" -> notInFuture(task, "completionDate", "报告完成日期");
      case "Task_SupervisionReport" -> {
        notInFuture(task, "supervisionDate", "检查日期");
        Object n = task.getVariable("supervisionCount");
        task.getExecution().getProcessInstance().setVariable("supervisionCount",
            (n instanceof Number c ? c.intValue() : 0) + 1);
      }
      default -> acceptance(task);
    }
  }

  private void acceptance(DelegateTask task) {
    notInFuture(task, "acceptanceDate", "验收日期");
    long experts = Arrays.stream(task.getVariable("experts").toString().split("[、,，;；\\s]+"))
        .filter(s -> !s.isBlank()).count();
    if (experts < MIN_EXPERTS) {
      throw Refusals.refuse("RES-102", "修复验收应有专家参加，请填写不少于两名专家（以顿号分隔）");
    }
  }

  private static void notInFuture(DelegateTask task, String key, String label) {
    LocalDate date = Dates.toLocalDate(task.getVariable(key));
    if (date.isAfter(Dates.today())) {
      throw Refusals.refuse("RES-101", "“" + label + "”不得晚于今天");
    }
  }
}
