package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules of the on-site inspection: the inspection happened between the dispatch and today (INS-101); a finding
 * names the suspected violation and its facts, which go into the case (INS-102).
 */
@Component
public class InspectionTaskRules implements TaskCompletionRule {

  @Override
  public String processKey() {
    return Inspections.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(InspectionPhotos.TASK);
  }

  @Override
  public void check(DelegateTask task) {
    LocalDate date = Dates.toLocalDate(task.getVariable("inspectionDate"));
    LocalDate dispatched = Dates.toLocalDate(task.getVariable("dispatchDate"));
    if (date.isAfter(Dates.today()) || (dispatched != null && date.isBefore(dispatched))) {
      throw Refusals.refuse("INS-101", "“检查日期”应在任务指派之日至今天之间");
    }
    Object found = task.getVariable("violationFound");
    if (Boolean.TRUE.equals(found) || "true".equals(String.valueOf(found))) {
      if (blank(task.getVariable("findingViolationType")) || blank(task.getVariable("findingFacts"))) {
        throw Refusals.refuse("INS-102", "发现涉嫌违法行为的，应当选择“涉嫌违法行为类型”并写明“涉嫌违法事实”");
      }
    }
  }

  private static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }
}
