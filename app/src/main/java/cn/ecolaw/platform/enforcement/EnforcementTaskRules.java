package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The legal rules a task of {@code enforcement-case} must satisfy before it completes: what the form cannot know
 * (two officers, no heavier penalty after a defence, hearing notice 7 working days ahead, the 10 working days after
 * a reminder...). A refusal changes nothing: the engine rolls the completion back.
 */
@Component
public class EnforcementTaskRules implements TaskCompletionRule {

  private final PenaltyDiscretionService discretion;
  private final EnforcementDeadlines deadlines;
  private final EnforcementCaseService service;

  public EnforcementTaskRules(PenaltyDiscretionService discretion, EnforcementDeadlines deadlines,
      EnforcementCaseService service) {
    this.discretion = discretion;
    this.deadlines = deadlines;
    this.service = service;
  }

  @Override
  public String processKey() {
    return "enforcement-case";
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_Investigate", "Task_ProposePenalty", "Task_RecordStatement", "Task_ScheduleHearing",
        "Task_ReviewStatement", "Task_ApproveDecision", "Task_ServeDecision", "Task_ReInspect", "Task_MonitorPayment",
        "Task_RecordRemedyResult", "Task_RecordJudgmentPerformance", "Task_ServeReminder",
        "Task_AwaitReminderResponse", "Task_ApproveTransfer", "Task_ApproveNoPenalty",
        "Task_TransferForDetention", "Task_SuperviseDecisionDeadline", "Task_ServePriorNotice");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_Investigate" -> investigate(task);
      case "Task_ApproveTransfer" -> task.setVariables(service.crimeSuspected(task.getVariables()));
      case "Task_ProposePenalty" -> proposePenalty(task);
      case "Task_RecordStatement" -> recordStatement(task);
      case "Task_ScheduleHearing" -> scheduleHearing(task);
      case "Task_ReviewStatement" -> reviewStatement(task);
      case "Task_ApproveDecision" -> approveDecision(task);
      case "Task_ServeDecision" -> serveDecision(task);
      case "Task_ReInspect" -> reInspect(task);
      case "Task_MonitorPayment" -> monitorPayment(task);
      case "Task_RecordRemedyResult" -> remedyResult(task);
      case "Task_RecordJudgmentPerformance" -> judgmentPerformance(task);
      case "Task_SuperviseDecisionDeadline" -> decisionExtension(task);
      case "Task_ServePriorNotice" -> dateBetween(task, "noticeServedDate", "noticeDate", "ENF-035",
          "事先告知书的送达日期应在告知书制作之日");
      case "Task_TransferForDetention" -> dateBetween(task, "detentionTransferDate", "decisionDate", "ENF-032",
          "移送行政拘留的日期应在处罚决定作出之日");
      case "Task_ServeReminder" -> serveReminder(task);
      case "Task_AwaitReminderResponse" -> awaitReminder(task);
      case "Task_ApproveNoPenalty" -> approveNoPenalty(task);
      default -> { }
    }
  }

  /** APL 55: at least two officers investigate. */
  private void investigate(DelegateTask task) {
    String officers = text(task, "officers");
    long count = officers.isBlank() ? 0 : java.util.Arrays.stream(officers.split("[、,，;；\\s]+"))
        .filter(s -> !s.isBlank()).count();
    if (count < 2) {
      throw Refusals.refuse("ENF-001", "调查取证时执法人员不得少于两人（行政处罚法第五十五条），请填写至少两名执法人员");
    }
    discretion.check(cn.ecolaw.platform.discretion.DiscretionInput.fromVariables(task.getVariables()));
    if (Boolean.TRUE.equals(task.getVariable("crimeSuspected"))) {
      task.setVariables(service.crimeSuspected(task.getVariables()));
    }
  }

  private void proposePenalty(DelegateTask task) {
    double fine = number(task, "proposedFine");
    discretion.recordOfficerFine(caseNo(task), BigDecimal.valueOf(fine), text(task, "deviationReason"));
    task.setVariable("fineAmount", fine);
    task.setVariable("reviewedFine", fine);
  }

  private void recordStatement(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("hearingRequested"))
        && !Boolean.TRUE.equals(task.getVariable("hearingRight"))) {
      throw Refusals.refuse("ENF-002", "本案拟作出的处罚不属于听证范围（行政处罚法第六十三条），不能登记听证申请");
    }
  }

  /** APL 64: the hearing notice is served at least 7 working days before the hearing. */
  private void scheduleHearing(DelegateTask task) {
    LocalDate hearing = Dates.toLocalDate(task.getVariable("hearingDate"));
    LocalDate earliest = deadlines.earliestHearingDate(Dates.today());
    if (hearing.isBefore(earliest)) {
      throw Refusals.refuse("ENF-003", "听证日期应在通知送达后七个工作日之后，最早为" + Dates.chinese(earliest)
          + "（行政处罚法第六十四条）");
    }
    task.setVariable("hearingStartsAt", Dates.startOfDay(hearing));
  }

  /** APL 45: the penalty may not rise because the party stated or defended itself. */
  private void reviewStatement(DelegateTask task) {
    double reviewed = number(task, "reviewedFine");
    double proposed = number(task, "proposedFine");
    if (reviewed > proposed) {
      throw Refusals.refuse("ENF-004", "不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）：复核金额不得高于拟处罚金额"
          + (long) proposed + "元");
    }
    if (reviewed < 0) {
      throw Refusals.refuse("ENF-005", "罚款金额不能为负数");
    }
    withinStatutoryRange(task, reviewed);
    task.setVariable("fineAmount", reviewed);
  }

  /**
   * The fine after the statement review stays inside the statutory range (DOMAIN.md §3); only a discretion that
   * found an APL 32 ground (减轻处罚) may go below the minimum, and nothing goes above the maximum.
   */
  private static void withinStatutoryRange(DelegateTask task, double fine) {
    Object min = task.getVariable("fineMin");
    Object max = task.getVariable("fineMax");
    boolean mitigated = "MITIGATED".equals(task.getVariable("discretionOutcome"));
    if (max instanceof Number m && fine > m.doubleValue()) {
      throw Refusals.refuse("ENF-017", "复核后罚款金额" + (long) fine + "元超出法定罚款幅度的上限" + m.longValue() + "元");
    }
    if (!mitigated && min instanceof Number m && fine < m.doubleValue()) {
      throw Refusals.refuse("ENF-017", "复核后罚款金额" + (long) fine + "元低于法定最低罚款" + m.longValue()
          + "元：只有具有行政处罚法第三十二条规定的减轻处罚情节时才能低于法定最低额；陈述申辩中查明此类情节的，"
          + "请退回调查取证重新裁量");
    }
  }

  /** APL 59 (一): a decision names the party and its address. */
  private static void requireAddress(DelegateTask task) {
    Object address = task.getVariable("partyAddress");
    if (address == null || address.toString().isBlank()) {
      throw Refusals.refuse("ENF-018", "决定书应当载明当事人的姓名或者名称、地址（行政处罚法第五十九条第一款第（一）项），"
          + "请在调查取证中补充当事人地址后再作出决定");
    }
  }

  private void approveNoPenalty(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("noPenaltyApproved"))) {
      requireAddress(task);
    }
  }

  /**
   * APL 38 and 63: a decision made without notifying a hearing right the final penalty carries is procedurally
   * defective; the hearing right is judged again on the penalty about to be decided (MEE-PM 89 thresholds).
   */
  private void hearingRightWasNotified(DelegateTask task) {
    Object fine = task.getVariable("fineAmount");
    Object measure = task.getVariable("measure");
    var required = discretion.requirements((String) task.getVariable("partyType"),
        BigDecimal.valueOf(fine instanceof Number n ? n.doubleValue() : 0d),
        measure == null ? "NONE" : measure.toString(),
        Boolean.TRUE.equals(task.getVariable("complexCase")), Boolean.TRUE.equals(task.getVariable("majorPublicInterest")));
    Object notified = task.getVariable("hearingRightNotified");
    boolean told = notified != null ? Boolean.TRUE.equals(notified) : Boolean.TRUE.equals(task.getVariable("hearingRight"));
    if (required.hearingRight() && !told) {
      throw Refusals.refuse("ENF-019", "拟作出的处罚属于听证范围，但事先告知书未告知当事人要求听证的权利（行政处罚法第六十三条、"
          + "生态环境行政处罚办法第四十六条）；违反法定程序的处罚无效或者应予撤销（行政处罚法第三十八条），请重新告知后再作决定");
    }
  }

  /** APL 57: complex or major cases are decided after a collective discussion. */
  private void approveDecision(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("decisionApproved"))) {
      requireAddress(task);
      hearingRightWasNotified(task);
    }
    if (Boolean.TRUE.equals(task.getVariable("decisionApproved"))
        && Boolean.TRUE.equals(task.getVariable("collectiveDiscussionRequired"))
        && !Boolean.TRUE.equals(task.getVariable("collectiveDiscussionHeld"))) {
      throw Refusals.refuse("ENF-006", "本案须经行政机关负责人集体讨论后作出决定（行政处罚法第五十七条），请先组织集体讨论");
    }
  }

  private void serveDecision(DelegateTask task) {
    LocalDate served = Dates.toLocalDate(task.getVariable("serviceDate"));
    LocalDate decided = Dates.toLocalDate(task.getVariable("decisionDate"));
    if (decided != null && served.isBefore(decided)) {
      throw Refusals.refuse("ENF-007", "送达日期不能早于决定日期" + Dates.chinese(decided));
    }
    if (served.isAfter(Dates.today())) {
      throw Refusals.refuse("ENF-008", "送达日期不能晚于今天");
    }
  }

  /** MEP Order 28: re-inspection within 30 days of service, never before it. */
  private void reInspect(DelegateTask task) {
    LocalDate served = Dates.toLocalDate(task.getVariable("serviceDate"));
    LocalDate re = Dates.toLocalDate(task.getVariable("reinspectionDate"));
    if (re.isBefore(served) || re.isAfter(served.plusDays(EnforcementDeadlines.REINSPECTION_DAYS))) {
      throw Refusals.refuse("ENF-009", "复查应在责令改正决定送达之日起三十日内进行（" + Dates.chinese(served) + "至"
          + Dates.chinese(served.plusDays(EnforcementDeadlines.REINSPECTION_DAYS)) + "）");
    }
  }

  private void monitorPayment(DelegateTask task) {
    boolean paid = Boolean.TRUE.equals(task.getVariable("paid"));
    String remedy = String.valueOf(task.getVariable("remedyFiled"));
    if (!paid && "NONE".equals(remedy)) {
      throw Refusals.refuse("ENF-010", "请登记当事人缴款或申请行政复议、提起行政诉讼的情况；期限届满未缴纳的，系统将自动进入催告程序");
    }
    if (paid) {
      checkPaidInFull(task);
      return;
    }
    if ("RECONSIDERATION".equals(remedy) && task.getVariable("reconsiderationResult") != null) {
      throw Refusals.refuse("ENF-027", "当事人已就本决定申请过行政复议并已作出复议决定；对复议决定不服的，可以在收到复议决定书之日起"
          + "十五日内提起行政诉讼（行政诉讼法第四十五条）");
    }
    LocalDate filed = Dates.toLocalDate(task.getVariable("remedyFiledDate"));
    if (filed == null) {
      throw Refusals.refuse("ENF-028", "请填写当事人申请行政复议或者提起行政诉讼的日期：复议、诉讼期间不计加处罚款（行政处罚法第七十三条）");
    }
    LocalDate served = Dates.toLocalDate(task.getVariable("serviceDate"));
    if (filed.isAfter(Dates.today()) || served != null && filed.isBefore(served)) {
      throw Refusals.refuse("ENF-029", "申请复议或者起诉的日期应在决定送达之日" + (served == null ? "" : Dates.chinese(served))
          + "之后、今天之前");
    }
    LocalDate limit = Dates.toLocalDate(task.getVariable(
        "RECONSIDERATION".equals(remedy) ? "reconsiderationDue" : "litigationDue"));
    if (limit != null && filed.isAfter(limit)) {
      throw Refusals.refuse("ENF-013", ("RECONSIDERATION".equals(remedy) ? "申请行政复议" : "提起行政诉讼")
          + "的期限已于" + Dates.chinese(limit) + "届满");
    }
  }

  /** The paid amount covers the fine and the surcharge as of the day of payment (APL 72, 73). */
  private void checkPaidInFull(DelegateTask task) {
    LocalDate paidDate = Dates.toLocalDate(task.getVariable("paidDate"));
    if (paidDate == null) {
      throw Refusals.refuse("ENF-011", "请填写缴款日期");
    }
    double due = number(task, "fineAmount") + service.surchargeAsOf(task.getVariables(), paidDate).doubleValue()
        + EnforcementCaseService.dailyPenaltyUnpaid(task.getVariables()).doubleValue();
    Object amount = task.getVariable("paidAmount");
    if (amount == null || ((Number) amount).doubleValue() + 0.005 < due) {
      throw Refusals.refuse("ENF-012", "缴款金额不足：截至" + Dates.chinese(paidDate) + "应缴罚款及加处罚款共"
          + String.format("%.2f", due) + "元");
    }
  }

  /** The result of the reconsideration or suit and the day it was served on the party (APL 73, ALL 45). */
  private void remedyResult(DelegateTask task) {
    String result = String.valueOf(task.getVariable("remedyResult"));
    if ("CHANGED".equals(result) && task.getVariable("changedFine") == null) {
      throw Refusals.refuse("ENF-014", "原决定被变更的，请填写变更后的罚款金额");
    }
    LocalDate decided = Dates.toLocalDate(task.getVariable("remedyDecidedDate"));
    LocalDate filed = Dates.toLocalDate(task.getVariable(
        "RECONSIDERATION".equals(task.getVariable("pendingRemedy")) ? "reconsiderationFiledDate" : "litigationFiledDate"));
    if (decided == null || decided.isAfter(Dates.today()) || filed != null && decided.isBefore(filed)) {
      throw Refusals.refuse("ENF-030", "复议决定书或判决书的送达日期应在申请复议、起诉之日"
          + (filed == null ? "" : Dates.chinese(filed)) + "之后、今天之前");
    }
  }

  /** A judgment that upholds (or changes) the decision is performed or enforced as a judgment (ALL 95). */
  private void judgmentPerformance(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("paid"))) {
      checkPaidInFull(task);
    }
  }

  private void serveReminder(DelegateTask task) {
    LocalDate served = Dates.toLocalDate(task.getVariable("reminderServedDate"));
    LocalDate issued = Dates.toLocalDate(task.getVariable("reminderDate"));
    if (issued != null && served.isBefore(issued)) {
      throw Refusals.refuse("ENF-015", "催告书送达日期不能早于催告书制作日期" + Dates.chinese(issued));
    }
    if (served.isAfter(Dates.today())) {
      throw Refusals.refuse("ENF-008", "送达日期不能晚于今天");
    }
    task.setVariables(service.reminderServed(task.getVariables()));
  }

  /** ACEL 54, 69: the court may be asked only after 10 working days from the reminder's service. */
  private void awaitReminder(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("paid"))) {
      return;
    }
    LocalDate due = Dates.toLocalDate(task.getVariable("reminderDue"));
    if (due != null && !Dates.today().isAfter(due)) {
      throw Refusals.refuse("ENF-016", "催告书送达后十个工作日内（至" + Dates.chinese(due)
          + "）不得申请人民法院强制执行（行政强制法第五十四条）；当事人未缴纳的，期满后系统自动转入申请程序");
    }
  }

  /** MEE-PM 57: first +30 days with the head's approval, then +30 after a collective discussion, no third. */
  private void decisionExtension(DelegateTask task) {
    String extension = String.valueOf(task.getVariable("decisionExtension"));
    long count = task.getVariable("decisionExtensions") instanceof Number n ? n.longValue() : 0;
    if ("HEAD_APPROVED".equals(extension) && count != 0 || "COLLECTIVE_DISCUSSION".equals(extension) && count != 1) {
      throw Refusals.refuse("ENF-033", count >= 2
          ? "办案期限已延长两次，不得再延长（生态环境行政处罚办法第五十七条）"
          : count == 0 ? "第一次延长办案期限须经负责人批准（生态环境行政处罚办法第五十七条）"
              : "办案期限已经负责人批准延长一次，再次延长须经集体讨论决定（生态环境行政处罚办法第五十七条）");
    }
  }

  /** A recorded date lies between an earlier step of the case and today. */
  private static void dateBetween(DelegateTask task, String key, String fromKey, String code, String message) {
    LocalDate day = Dates.toLocalDate(task.getVariable(key));
    LocalDate from = Dates.toLocalDate(task.getVariable(fromKey));
    if (day == null || day.isAfter(Dates.today()) || from != null && day.isBefore(from)) {
      throw Refusals.refuse(code, message + (from == null ? "" : Dates.chinese(from)) + "之后、今天之前");
    }
  }

  private static String caseNo(DelegateTask task) {
    return String.valueOf(task.getVariable("caseNo"));
  }

  private static String text(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    return v == null ? "" : v.toString();
  }

  private static double number(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    if (v == null) {
      return 0;
    }
    return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
  }
}
