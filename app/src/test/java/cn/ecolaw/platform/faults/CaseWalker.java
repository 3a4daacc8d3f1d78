package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Works enforcement cases with valid input through the engine's Java API, one step at a time: completes the oldest
 * open task of the case (its own instance and the court's) or, where the case waits for time to pass, fires the timer
 * (hearing day; end of the remedy period at the second payment check; end of the reminder period). The path: filing,
 * investigation, penalty, statement, (hearing,) review, decision, service, a reconsideration that upholds the
 * decision, reminder, court application, court acceptance and ruling → COURT_ENFORCEMENT.
 */
final class CaseWalker {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  CaseWalker(TaskService tasks, RuntimeService runtime, ManagementService management) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  /** The open tasks of the case, oldest first. */
  List<Task> openTasks(String caseNo) {
    List<String> instances = instances(caseNo);
    if (instances.isEmpty()) {
      return List.of();
    }
    return tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByTaskCreateTime().asc()
        .orderByTaskId().asc().list();
  }

  List<String> instances(String caseNo) {
    return runtime.createProcessInstanceQuery().variableValueEquals("caseNo", caseNo).active().list().stream()
        .map(ProcessInstance::getId).toList();
  }

  /** Works the case until a task with this key is open; returns it. */
  Task walkTo(String caseNo, String taskKey) {
    for (int i = 0; i < 60; i++) {
      Task open = openTasks(caseNo).stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst()
          .orElse(null);
      if (open != null) {
        return open;
      }
      if (step(caseNo) == null) {
        throw new AssertionError("case " + caseNo + " ended before " + taskKey);
      }
    }
    throw new AssertionError("case " + caseNo + " never reached " + taskKey);
  }

  /**
   * One step: returns what was done ("Task_X" completed, or "timer:Timer_X" fired), or null when the case has ended.
   */
  String step(String caseNo) {
    List<String> instances = instances(caseNo);
    if (instances.isEmpty()) {
      return null;
    }
    List<Task> open = openTasks(caseNo);
    if (open.isEmpty()) {
      return fire(instances, "Event_HearingDay");
    }
    Task task = open.get(0);
    String key = task.getTaskDefinitionKey();
    Map<String, Object> vars = tasks.getVariables(task.getId());
    if (key.equals("Task_AwaitReminderResponse")) {
      return fire(List.of(task.getProcessInstanceId()), "Timer_ReminderPeriod");
    }
    if (key.equals("Task_MonitorPayment") && "UPHELD".equals(vars.get("remedyResult"))) {
      return fire(List.of(task.getProcessInstanceId()), "Timer_RemedyPeriodEnds");
    }
    tasks.complete(task.getId(), validAnswers(key, vars));
    return key;
  }

  private String fire(List<String> instances, String activityId) {
    for (String pid : instances) {
      Job job = management.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
      if (job != null) {
        management.executeJob(job.getId());
        return "timer:" + activityId;
      }
    }
    throw new AssertionError("no job " + activityId + " in " + instances);
  }

  /** What a careful clerk enters at each task (the Tasklist sends yes/no as "true"/"false"). */
  static Map<String, Object> validAnswers(String taskKey, Map<String, Object> v) {
    String today = Dates.today().toString();
    Map<String, Object> a = switch (taskKey) {
      case "Task_ProposeFiling" -> TestCases.of("filingReason", "当事人涉嫌超标排放水污染物，依法应予立案调查。",
          "officerOpinion", "建议立案。");
      case "Task_ApproveFiling" -> TestCases.of("filingApproved", "true", "headOpinion", "同意立案。");
      case "Task_Investigate" -> TestCases.of("facts", v.get("facts"), "evidence", "现场检查（勘察）笔录\n监测报告",
          "officers", "张三、李四", "violationType", v.get("violationType"), "violationsIn2Years",
          v.get("violationsIn2Years"), "measure", "NONE", "crimeSuspected", "false");
      case "Task_ApproveTransfer" -> TestCases.of("transferApproved", "true", "transferNote", "涉嫌污染环境罪，同意移送。");
      case "Task_RecordJudgmentPerformance" -> TestCases.of("paid", "false", "performanceNote", "判决生效后仍未缴纳。");
      case "Task_ApplyJudgmentEnforcement" -> TestCases.of("judgmentNo", "（2026）浙0502行初1号", "enforcementItems",
          "罚款及加处罚款", "headOpinion", "同意申请执行生效判决。");
      case "Task_HandOverToReconsiderationBody" -> TestCases.of("handoverNote", "复议变更决定及案卷已移交复议机关。");
      // clue-transfer (线索移送; the police answer the bureau's transfer of a suspected crime) and consultation (会商)
      case "Task_ApproveSending" -> TestCases.of("transferApprovalGranted", "true", "approvalNote", "同意移送。");
      case "Task_ReviewTransfer" -> TestCases.of("transferAccepted", "true", "receiverOpinion", "决定接收，依法办理。");
      case "Task_SuperviseAnswer" -> TestCases.of("transferSupervisionNote", "请接收单位抓紧答复。");
      case "Task_GiveOpinion" -> TestCases.of("consultationOpinion", "属于通过暗管逃避监管的方式排放污染物。");
      case "Task_RecordConclusion" -> TestCases.of("consultationConclusion", "构成逃避监管，依法从重处罚。");
      case "Task_TransferForDetention" -> TestCases.of("detentionTransferDate", today, "detentionTransferNote",
          "案件材料已移送公安机关。");
      case "Task_ApproveNoPenalty" -> TestCases.of("noPenaltyApproved", "true", "noPenaltyGround",
          "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）。");
      case "Task_ProposePenalty" -> TestCases.of("proposedFine", number(v, "benchmarkFine"), "penaltyReason",
          "违法事实清楚，证据确凿；依据《中华人民共和国水污染防治法》第八十三条。");
      case "Task_ServePriorNotice" -> TestCases.of("noticeServedDate", today, "serviceMethod", "DIRECT",
          "recipient", "沈建国");
      case "Task_RecordStatement" -> TestCases.of("statementSubmitted", "true", "statementSummary",
          "当事人称“已于当日停产整改”，请求从轻处罚。", "hearingRequested", Boolean.TRUE.equals(v.get("hearingRight")));
      case "Task_ScheduleHearing" -> TestCases.of("hearingDate",
          LocalDate.parse(v.get("earliestHearingDate").toString()).plusDays(3).toString(),
          "hearingPlace", "湖州市生态环境局听证室", "hearingOfficer", "王主持");
      case "Task_HoldHearing" -> TestCases.of("hearingSummary", "当事人到场陈述，对违法事实无异议。",
          "hearingRecommendation", "维持拟处罚意见。");
      case "Task_ReviewStatement" -> TestCases.of("statementAdopted", "REJECTED", "reviewedFine",
          number(v, "proposedFine"), "reviewNote", "理由不成立，维持拟处罚意见。");
      case "Task_LegalReview" -> TestCases.of("legalReviewPassed", "true", "legalReviewOpinion",
          "事实清楚，证据确凿，程序合法，适用法律正确。");
      case "Task_ApproveDecision" -> TestCases.of("decisionApproved", "true", "collectiveDiscussionHeld", true,
          "headOpinion", "同意。");
      case "Task_ServeDecision" -> TestCases.of("serviceDate", today, "serviceMethod", "DIRECT", "recipient", "沈建国");
      case "Task_ReInspect" -> TestCases.of("reinspectionDate", today, "correctionRefused", "false",
          "reinspectionNote", "已改正。");
      case "Task_MonitorPayment" -> TestCases.of("paid", "false", "remedyFiled", "RECONSIDERATION",
          "remedyFiledDate", today);
      case "Task_RecordRemedyResult" -> TestCases.of("remedyResult", "UPHELD", "remedyDecidedDate", today,
          "remedyNote", "复议决定维持原处罚决定。");
      case "Task_ServeReminder" -> TestCases.of("reminderServedDate", today, "serviceMethod", "DIRECT",
          "recipient", "沈建国");
      case "Task_AwaitReminderResponse" -> TestCases.of("paid", "true", "paidAmount", 1e9, "paidDate", today,
          "partyOpinion", "当事人表示将尽快缴纳。");
      case "Task_PrepareCourtApplication" -> TestCases.of("enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请。");
      case "Task_ReviewApplication" -> TestCases.of("courtAccepted", "true", "acceptanceNote", "符合受理条件。");
      case "Task_ReviewAndRule" -> TestCases.of("enforcementGranted", "true", "rulingReason",
          "行政处罚决定事实清楚，适用法律正确，程序合法，准予强制执行。");
      case "Task_ChooseReviewMode" -> TestCases.of("reviewMode", "WRITTEN");
      case "Task_HearBothSides" -> TestCases.of("hearingDate", today, "hearingRecord",
          "被执行人称已停产整治，申请机关坚持原处罚决定。");
      case "Task_ServeRefusal" -> TestCases.of("serviceDate", today, "serviceMethod", "DIRECT", "recipient", "李娜");
      case "Task_ConsiderAppeal" -> TestCases.of("appealFiled", "true", "appealReason", "申请符合受理条件，请求上一级法院复议。");
      case "Task_DecideAppeal" -> TestCases.of("acceptanceOrdered", "true", "appealDecisionReason", "申请符合法定受理条件，应予受理。");
      case "Task_ConsiderChallenge" -> TestCases.of("challengeFiled", "true", "challengeReason", "原裁定认定事实有误。");
      case "Task_DecideChallenge" -> TestCases.of("refusalRevoked", "true", "challengeDecisionReason", "原裁定认定事实有误，予以撤销。");
      case "Task_ExecuteByCourt" -> TestCases.of("executionDate", today, "amountCollected",
          number(v, "amountDue"), "executionRecord", "冻结并划拨被执行人银行存款，执行完毕。");
      case "Task_ExecuteByAgency" -> TestCases.of("agencyExecutionDate", today, "agencyAmountCollected",
          number(v, "amountDue"), "agencyExecutionRecord", "组织实施，罚款全额收缴。");
      case "Task_SuperviseAgencyExecution" -> TestCases.of("agencySupervisionNote", "请抓紧组织实施。");
      // daily-penalty (按日连续处罚): with a hearing, a reconsideration that upholds it, unpaid at the end
      case "Task_ServeDailyNotice" -> TestCases.of("dailyNoticeServedDate", today, "dailyNoticeRecipient", "沈建国");
      case "Task_RecordDailyStatement" -> TestCases.of("dailyStatementSubmitted", "true", "dailyHearingRequested",
          "true", "dailyStatementText", "当事人称“正在整改”，请求不予按日连续处罚。");
      case "Task_HoldDailyHearing" -> TestCases.of("dailyHearingDate", today, "dailyHearingRecord",
          "当事人到场陈述，承认复查时仍在超标排放。");
      case "Task_DailyLegalReview" -> TestCases.of("dailyLegalReviewPassed", "true", "dailyLegalReviewOpinion",
          "事实清楚，证据确凿，程序合法，适用法律正确。");
      case "Task_ApproveDailyPenalty" -> TestCases.of("dailyPenaltyApproved", "true", "dailyHeadOpinion", "同意。");
      case "Task_ServeDailyDecision" -> TestCases.of("dailyServiceDate", today, "dailyServiceMethod", "DIRECT",
          "dailyRecipient", "沈建国");
      case "Task_MonitorDailyPayment" -> TestCases.of("dailyPaymentOutcome", "REMEDY_FILED", "dailyPaymentNote",
          "当事人申请行政复议。");
      case "Task_RecordDailyRemedyResult" -> TestCases.of("dailyRemedyResult", "UPHELD", "dailyRemedyNote",
          "复议决定维持按日连续处罚决定。");
      case "Task_SuperviseDailyService", "Task_SuperviseDailyPayment" ->
          TestCases.of("dailySupervisionNote", "请抓紧办理。");
      // judicial-suggestion (司法建议): the addressee's reply; the judge's follow-up of an overdue one
      case "Task_ReplySuggestion" -> TestCases.of("replyAdoption", "ADOPTED", "replyContent", "我局已全面采纳贵院建议。",
          "measuresTaken", "开展在线监测设备专项核查，建立月度通报制度。");
      case "Task_FollowUpOverdue" -> TestCases.of("followUpAction", "URGE", "followUpNote", "已电话督促被建议单位回复。");
      // inspection-dispatch (执法任务指派): an inspection without a finding
      case "Task_Inspect" -> TestCases.of("inspectionDate", today, "sitePerson", "沈建国（厂长）",
          "inspectionSituation", "治污设施正常运行，未见偷排痕迹。", "violationFound", "false");
      default -> TestCases.of("supervisionNote", "请抓紧办理。");
    };
    return a;
  }

  private static double number(Map<String, Object> v, String key) {
    return ((Number) v.get(key)).doubleValue();
  }
}
