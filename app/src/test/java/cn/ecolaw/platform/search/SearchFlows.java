package cn.ecolaw.platform.search;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;

/** Cases worked through their forms for the search tests, and searches made as a given user. */
final class SearchFlows {

  private final CaseLauncher launcher;
  private final ProcessDriver driver;
  private final RuntimeService runtime;
  private final IdentityService identity;

  SearchFlows(CaseLauncher launcher, ProcessDriver driver, RuntimeService runtime, IdentityService identity) {
    this.launcher = launcher;
    this.driver = driver;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Starts an enforcement case for a party with these facts; returns the case number. */
  String start(String partyName, String facts) {
    Map<String, Object> v = TestCases.enterpriseWater();
    v.put("partyName", partyName);
    v.put("facts", facts);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, v);
    return caseNo;
  }

  String instanceOf(String caseNo) {
    return driver.instanceOf(caseNo);
  }

  void file(String pid) {
    driver.complete(pid, "Task_ProposeFiling", TestCases.of(
        "filingReason", "当事人涉嫌违反生态环境保护法律法规，依法应予立案调查。", "officerOpinion", "建议立案。"));
    driver.complete(pid, "Task_ApproveFiling", TestCases.of("filingApproved", "true", "headOpinion", "同意立案。"));
  }

  /** Filing to the court's acceptance task: the case is handed to the court. Returns the fine. */
  double toCourt(String pid) {
    file(pid);
    driver.complete(pid, "Task_Investigate", TestCases.of("evidence", "现场检查（勘察）笔录\n监测报告",
        "officers", "张三、李四", "crimeSuspected", "false", "measure", "NONE"));
    double fine = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    driver.complete(pid, "Task_ProposePenalty", TestCases.of("proposedFine", fine,
        "penaltyReason", "违法事实清楚，证据确凿，按裁量基准处罚。"));
    driver.complete(pid, "Task_ServePriorNotice", Map.of("noticeServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    driver.complete(pid, "Task_RecordStatement", TestCases.of("statementSubmitted", "false"));
    driver.complete(pid, "Task_ReviewStatement", TestCases.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "当事人未提出陈述申辩意见。"));
    driver.complete(pid, "Task_ApproveDecision", TestCases.of("decisionApproved", "true",
        "collectiveDiscussionHeld", true, "headOpinion", "经集体讨论，同意。"));
    driver.complete(pid, "Task_ServeDecision", TestCases.of("serviceDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法人"));
    driver.fireTimer(pid, "Timer_RemedyPeriodEnds");
    driver.complete(pid, "Task_ServeReminder", TestCases.of("reminderServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法人"));
    driver.fireTimer(pid, "Timer_ReminderPeriod");
    driver.complete(pid, "Task_PrepareCourtApplication", TestCases.of(
        "enforcementItems", "罚款" + (long) fine + "元及加处罚款", "headOpinion", "经催告仍未履行，同意申请人民法院强制执行。"));
    return fine;
  }

  /** Runs a call as a user of these groups (the engine's current authentication, as the /api filter sets it). */
  <T> T as(String user, List<String> groups, Supplier<T> call) {
    identity.setAuthentication(user, groups);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
