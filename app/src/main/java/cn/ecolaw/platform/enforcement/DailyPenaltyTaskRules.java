package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The legal rules of the tasks of {@code daily-penalty} (按日连续处罚) that a form cannot check. */
@Component
public class DailyPenaltyTaskRules implements TaskCompletionRule {

  @Override
  public String processKey() {
    return DailyPenaltyService.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ServeDailyNotice", "Task_RecordDailyStatement", "Task_HoldDailyHearing",
        "Task_ServeDailyDecision", "Task_MonitorDailyPayment");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ServeDailyNotice" -> between(task, "dailyNoticeServedDate", "dailyNoticeDate", "DAY-001",
          "按日连续处罚事先告知书的送达日期应在告知书制作之日");
      case "Task_HoldDailyHearing" -> between(task, "dailyHearingDate", "dailyNoticeServedDate", "DAY-002",
          "听证日期应在事先告知书送达之日");
      case "Task_ServeDailyDecision" -> between(task, "dailyServiceDate", "dailyDecisionDate", "DAY-003",
          "按日连续处罚决定书的送达日期应在决定作出之日");
      case "Task_RecordDailyStatement" -> {
        Object text = task.getVariable("dailyStatementText");
        if (Boolean.TRUE.equals(task.getVariable("dailyStatementSubmitted"))
            && (text == null || text.toString().isBlank())) {
          throw Refusals.refuse("DAY-004", "当事人提出了陈述、申辩的，应当登记其意见摘要（《行政处罚法》第四十五条）");
        }
      }
      case "Task_MonitorDailyPayment" -> {
        if ("PAID".equals(task.getVariable("dailyPaymentOutcome"))) {
          if (task.getVariable("dailyPaidDate") == null) {
            throw Refusals.refuse("DAY-005", "登记已缴纳的，应当填写缴款日期");
          }
          between(task, "dailyPaidDate", "dailyServiceDate", "DAY-005", "缴款日期应在按日连续处罚决定书送达之日");
        }
      }
      default -> { }
    }
  }

  /** The date in {@code field} lies between the date in {@code from} and today. */
  private static void between(DelegateTask task, String field, String from, String code, String what) {
    LocalDate day = Dates.toLocalDate(task.getVariable(field));
    LocalDate start = Dates.toLocalDate(task.getVariable(from));
    LocalDate today = Dates.today();
    if (day == null) {
      return;
    }
    if ((start != null && day.isBefore(start)) || day.isAfter(today)) {
      throw Refusals.refuse(code, what + (start == null ? "" : "（" + Dates.chinese(start) + "）") + "至今日（"
          + Dates.chinese(today) + "）之间");
    }
  }
}
