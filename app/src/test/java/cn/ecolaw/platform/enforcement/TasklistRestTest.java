package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.enforcement.TasklistDriver.caseUrl;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.enforcement.TasklistDriver.Scenario;
import cn.ecolaw.platform.enforcement.TasklistDriver.Visit;
import cn.ecolaw.platform.enforcement.TasklistDriver.Walk;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The enforcement case worked through {@code /engine-rest} exactly as the Camunda Tasklist does: start form, then
 * each open task's deployed Camunda Form with only its required fields filled (DESIGN.md: "Completing a task through
 * REST with its required fields must work exactly as through the Tasklist"), timers fired where the case waits.
 * And the refusals: bad input answers 400 with a Chinese message and changes nothing.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistRestTest {

  private static final String CJK = "[\\u4e00-\\u9fff]";

  /** What the users type into the required fields, keyed by form field key. */
  static final Map<String, Answer> REQUIRED_ANSWERS = Map.ofEntries(
      Map.entry("filingReason", v -> "当事人涉嫌超标排放水污染物，依法应予立案调查。"),
      Map.entry("officerOpinion", v -> "建议立案。"),
      Map.entry("filingApproved", v -> "true"),
      Map.entry("headOpinion", v -> "同意。"),
      Map.entry("evidence", v -> "现场检查（勘察）笔录\n调查询问笔录\n监测报告"),
      Map.entry("officers", v -> "张三、李四"),
      Map.entry("crimeSuspected", v -> "false"),
      Map.entry("transferApproved", v -> "true"),
      Map.entry("transferNote", v -> "涉嫌污染环境罪，同意移送公安机关。"),
      // clue-transfer and consultation (issue 13)
      Map.entry("transferApprovalGranted", v -> "true"),
      Map.entry("approvalNote", v -> "同意移送。"),
      Map.entry("transferAccepted", v -> "true"),
      Map.entry("receiverOpinion", v -> "公安机关决定立案侦查。"),
      Map.entry("transferSupervisionNote", v -> "请接收单位抓紧答复。"),
      Map.entry("consultationOpinion", v -> "属于通过暗管逃避监管的方式排放污染物。"),
      Map.entry("consultationConclusion", v -> "构成逃避监管，依法从重处罚。"),
      Map.entry("performanceNote", v -> "当事人已按判决履行。"),
      Map.entry("judgmentNo", v -> "（2026）浙0502行初1号"),
      Map.entry("enforcementItems", v -> "罚款及加处罚款"),
      Map.entry("handoverNote", v -> "复议决定及案卷已移交复议机关。"),
      Map.entry("detentionTransferDate", v -> Dates.today().toString()),
      Map.entry("detentionTransferNote", v -> "案件材料已移送公安机关。"),
      Map.entry("noPenaltyApproved", v -> "true"),
      Map.entry("noPenaltyGround", v -> "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）。"),
      Map.entry("proposedFine", v -> v.number("benchmarkFine")),
      Map.entry("penaltyReason", v -> "违法事实清楚，证据确凿。"),
      Map.entry("statementSubmitted", v -> "false"),
      Map.entry("hearingDate", v -> LocalDate.parse(v.text("earliestHearingDate")).plusDays(3).toString()),
      Map.entry("hearingPlace", v -> "湖州市生态环境局听证室"),
      Map.entry("hearingOfficer", v -> "王主持"),
      Map.entry("hearingSummary", v -> "当事人到场陈述，对违法事实无异议，请求从轻处罚。"),
      Map.entry("hearingRecommendation", v -> "维持拟处罚意见。"),
      Map.entry("statementAdopted", v -> "NONE"),
      Map.entry("reviewedFine", v -> v.number("proposedFine")),
      Map.entry("reviewNote", v -> "复核后维持拟处罚意见。"),
      Map.entry("legalReviewPassed", v -> "true"),
      Map.entry("legalReviewOpinion", v -> "事实清楚，证据确凿，程序合法，适用法律正确。"),
      Map.entry("decisionApproved", v -> "true"),
      Map.entry("serviceDate", v -> Dates.today().toString()),
      Map.entry("serviceMethod", v -> "DIRECT"),
      Map.entry("recipient", v -> "沈建国"),
      Map.entry("reinspectionDate", v -> Dates.today().toString()),
      Map.entry("correctionRefused", v -> "false"),
      Map.entry("reinspectionNote", v -> "已改正。"),
      Map.entry("paid", v -> "true"),
      Map.entry("remedyFiled", v -> "NONE"),
      Map.entry("remedyResult", v -> "UPHELD"),
      Map.entry("noticeServedDate", v -> Dates.today().toString()),
      Map.entry("remedyDecidedDate", v -> Dates.today().toString()),
      Map.entry("remedyNote", v -> "复议决定维持。"),
      Map.entry("reminderServedDate", v -> Dates.today().toString()),
      Map.entry("courtAccepted", v -> "true"),
      Map.entry("enforcementGranted", v -> "true"),
      Map.entry("rulingReason", v -> "行政处罚决定事实清楚，适用法律正确，程序合法，准予强制执行。"),
      Map.entry("appealFiled", v -> "false"),
      Map.entry("acceptanceOrdered", v -> "true"),
      Map.entry("appealDecisionReason", v -> "申请符合法定受理条件，应予受理。"),
      Map.entry("reviewMode", v -> "WRITTEN"),
      Map.entry("hearingRecord", v -> "被执行人称已停产整治，申请机关坚持原处罚决定。"),
      Map.entry("challengeFiled", v -> "false"),
      Map.entry("refusalRevoked", v -> "true"),
      Map.entry("challengeDecisionReason", v -> "原裁定认定事实有误，予以撤销。"),
      Map.entry("executionDate", v -> Dates.today().toString()),
      Map.entry("amountCollected", v -> v.number("amountDue")),
      Map.entry("executionRecord", v -> "冻结并划拨被执行人银行存款，执行完毕。"),
      Map.entry("supervisionNote", v -> "请抓紧办理。"),
      Map.entry("agencyExecutionDate", v -> Dates.today().toString()),
      Map.entry("agencyAmountCollected", v -> v.number("amountDue")),
      Map.entry("agencyExecutionRecord", v -> "组织实施，罚款全额收缴。"),
      Map.entry("agencySupervisionNote", v -> "请抓紧组织实施。"),
      // daily-penalty (按日连续处罚)
      Map.entry("dailyNoticeServedDate", v -> Dates.today().toString()),
      Map.entry("dailyNoticeRecipient", v -> "沈建国"),
      Map.entry("dailyStatementSubmitted", v -> "false"),
      Map.entry("dailyHearingRequested", v -> "false"),
      Map.entry("dailyHearingDate", v -> Dates.today().toString()),
      Map.entry("dailyHearingRecord", v -> "当事人到场陈述，承认复查时仍在超标排放。"),
      Map.entry("dailyLegalReviewPassed", v -> "true"),
      Map.entry("dailyLegalReviewOpinion", v -> "事实清楚，证据确凿，程序合法，适用法律正确。"),
      Map.entry("dailyPenaltyApproved", v -> "true"),
      Map.entry("dailyHeadOpinion", v -> "同意。"),
      Map.entry("dailyServiceDate", v -> Dates.today().toString()),
      Map.entry("dailyServiceMethod", v -> "DIRECT"),
      Map.entry("dailyRecipient", v -> "沈建国"),
      Map.entry("dailyPaymentOutcome", v -> "PAID"),
      Map.entry("dailyPaidDate", v -> Dates.today().toString()),
      Map.entry("dailyRemedyResult", v -> "UPHELD"),
      Map.entry("dailyRemedyNote", v -> "复议决定维持。"),
      Map.entry("dailySupervisionNote", v -> "请抓紧办理。"));

  /** The officer records a payment: paid amount and date are optional on the form but needed once paid. */
  private static final Map<String, Answer> PAYING = Map.of(
      "paidAmount", v -> v.number("fineAmount"),
      "paidDate", v -> Dates.today().toString());

  @LocalServerPort
  int port;

  PlatformHttp http;
  TasklistDriver driver;

  @BeforeEach
  void setUp() {
    http = new PlatformHttp(port);
    driver = new TasklistDriver(http, REQUIRED_ANSWERS);
  }

  // ------------------------------------------------------------------------------------------------- paths

  @Test
  void paidCaseWorkedThroughTheFormsEndsPaid() {
    String caseNo = TestCases.caseNo();
    String pid = driver.start(caseNo, TestCases.enterpriseWater());

    Walk walk = driver.walk(pid, Scenario.of(PAYING));

    assertThat(walk.taskKeys()).containsSubsequence("Task_ProposeFiling", "Task_ApproveFiling", "Task_Investigate",
        "Task_ProposePenalty", "Task_RecordStatement", "Task_ReviewStatement", "Task_ApproveDecision",
        "Task_ServeDecision", "Task_MonitorPayment");
    assertEnded(walk, "PAID");
    assertThat(historicVariable(pid, "filingApproved").path("type").asText()).isEqualTo("Boolean");
    assertThat(historicVariable(pid, "paid").path("value").asBoolean()).isTrue();
  }

  /**
   * EPL 59: a refused correction of covered conduct is decided as a daily continuous penalty of its own, worked
   * through its forms (notice served, statement, legal review, approval, service, payment) before the fine's payment.
   */
  @Test
  void dailyPenaltyWorkedThroughTheFormsBeforeThePayment() {
    String pid = driver.start(TestCases.caseNo(), TestCases.enterpriseWater());
    Map<String, Answer> answers = new HashMap<>(PAYING);
    answers.put("correctionOrdered", v -> true);
    answers.put("correctionRefused", v -> "true");
    answers.put("dailyPaidDate", v -> Dates.today().toString());
    answers.put("reinspectionDate", v -> {
      // MEP Order 28 Art. 17: re-inspection some days after the correction order was served
      org.camunda.bpm.engine.impl.util.ClockUtil.offset(3 * 86_400_000L);
      return Dates.today().toString();
    });
    try {
      Walk walk = driver.walk(pid, Scenario.of(answers));

      assertThat(walk.taskKeys()).containsSubsequence("Task_ServeDecision", "Task_ReInspect", "Task_ServeDailyNotice",
          "Task_RecordDailyStatement", "Task_DailyLegalReview", "Task_ApproveDailyPenalty", "Task_ServeDailyDecision",
          "Task_MonitorDailyPayment", "Task_MonitorPayment");
      assertEnded(walk, "PAID");
      assertThat(historicVariable(pid, "dailyPenaltyOutcome").path("value").asText()).isEqualTo("PAID");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void typedValuesAsAnotherRestClientSendsThemWorkTheSame() {
    TasklistDriver typed = driver.typed();
    String pid = typed.start(TestCases.caseNo(), TestCases.enterpriseWater());

    Walk walk = typed.walk(pid, Scenario.of(PAYING));

    assertThat(walk.taskKeys()).contains("Task_ProposePenalty", "Task_MonitorPayment");
    assertEnded(walk, "PAID");
  }

  @Test
  void otherRestErrorsAreAnsweredAsTheRestApiDoes() {
    PlatformHttp.Response missing = http.get("/engine-rest/task/no-such-task");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("type").asText()).isEqualTo("InvalidRequestException");

    // issue 8: no 5xx and no English for a task that does not exist
    PlatformHttp.Response badSubmit = driver.submitTask("no-such-task", Map.of("x", "y"));
    assertThat(badSubmit.status()).as(badSubmit.text()).isEqualTo(404);
    assertThat(badSubmit.json().path("message").asText()).isEqualTo("【REQ-404】请求的地址或对象不存在");
  }

  @Test
  void filingRefusedEndsNotFiled() {
    String pid = driver.start(TestCases.caseNo(), TestCases.enterpriseWater());

    Walk walk = driver.walk(pid, Scenario.of(Map.of("filingApproved", v -> "false")));

    assertThat(walk.taskKeys()).containsExactly("Task_ProposeFiling", "Task_ApproveFiling");
    assertEnded(walk, "NOT_FILED");
  }

  @Test
  void suspectedCrimeEndsTransferredToPolice() {
    String pid = driver.start(TestCases.caseNo(), TestCases.enterpriseWater());

    Walk walk = driver.walk(pid, Scenario.of(Map.of("crimeSuspected", v -> "true")));

    assertThat(walk.taskKeys()).containsExactly("Task_ProposeFiling", "Task_ApproveFiling", "Task_Investigate",
        "Task_ApproveTransfer", "Task_ReviewTransfer");
    assertEnded(walk, "TRANSFERRED_TO_POLICE");
  }

  @Test
  void minorCaseEndsWithoutPenalty() {
    String pid = driver.start(TestCases.caseNo(), TestCases.minor());

    Walk walk = driver.walk(pid, Scenario.of(Map.of()));

    assertThat(walk.taskKeys()).containsExactly("Task_ProposeFiling", "Task_ApproveFiling", "Task_Investigate",
        "Task_ApproveNoPenalty");
    assertEnded(walk, "NO_PENALTY");
  }

  @Test
  void unpaidCaseGoesThroughReminderToTheCourtAndEndsInCourtEnforcement() {
    String caseNo = TestCases.caseNo();
    String pid = driver.start(caseNo, TestCases.enterpriseWater());

    Walk walk = driver.walk(pid, Scenario.of(Map.of())
        .firing("Task_MonitorPayment", "Timer_RemedyPeriodEnds")
        .firing("Task_AwaitReminderResponse", "Timer_ReminderPeriod"));

    assertThat(walk.taskKeys()).containsSubsequence("Task_ServeDecision", "Task_ServeReminder",
        "Task_PrepareCourtApplication", "Task_ReviewApplication", "Task_ChooseReviewMode", "Task_ReviewAndRule",
        "Task_ExecuteByCourt");
    assertThat(walk.taskKeys()).doesNotContain("Task_MonitorPayment", "Task_AwaitReminderResponse");
    List<Visit> court = walk.visits().stream().filter(v -> v.processDefinitionKey().equals("non-litigation-execution"))
        .toList();
    assertThat(court).extracting(Visit::taskKey).containsExactly("Task_ReviewApplication", "Task_ChooseReviewMode",
        "Task_ReviewAndRule", "Task_ExecuteByCourt");
    assertThat(court).extracting(Visit::candidateGroup)
        .containsExactly("court-filing", "court-judge", "court-judge", "court-enforcement");
    assertEnded(walk, "COURT_ENFORCEMENT");

    JsonNode courtInstances = http.getOk("/engine-rest/history/process-instance?processDefinitionKey="
        + "non-litigation-execution&variables=" + PlatformHttp.enc("caseNo_eq_" + caseNo));
    assertThat(courtInstances).hasSize(1);
    assertThat(courtInstances.get(0).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(courtInstances.get(0).path("businessKey").asText()).matches("（\\d{4}）.+行审\\d+号");
  }

  @Test
  void hearingRequestedLeadsToHearingDayAndLegalReview() {
    String pid = driver.start(TestCases.caseNo(), TestCases.enterpriseSerious());
    Map<String, Answer> answers = new HashMap<>(PAYING);
    answers.put("hearingRequested", v -> Boolean.TRUE);
    answers.put("collectiveDiscussionHeld", v -> v.flag("collectiveDiscussionRequired"));

    Walk walk = driver.walk(pid, Scenario.of(answers));

    assertThat(walk.taskKeys()).containsSubsequence("Task_RecordStatement", "Task_ScheduleHearing",
        "Task_HoldHearing", "Task_ReviewStatement", "Task_LegalReview", "Task_ApproveDecision",
        "Task_ServeDecision", "Task_MonitorPayment");
    assertEnded(walk, "PAID");
    assertThat(historicVariable(pid, "hearingRequested").path("value").asBoolean()).isTrue();
  }

  @Test
  void startFormWithoutBusinessKeyGetsAGeneratedCaseNumber() {
    String pid = driver.start(null, TestCases.enterpriseWater());

    JsonNode instance = http.getOk("/engine-rest/process-instance/" + pid);
    String caseNo = http.getOk("/engine-rest/process-instance/" + pid + "/variables/caseNo").path("value").asText();
    assertThat(caseNo).isNotBlank();
    assertThat(instance.path("businessKey").asText()).isEqualTo(caseNo);
    assertThat(http.getOk(caseUrl(caseNo)).path("processInstanceId").asText()).isEqualTo(pid);
  }

  // ------------------------------------------------------------------------------------------------- task refusals

  @Test
  void taskRefusalsAnswer400InChineseAndChangeNothing() {
    String pid = driver.start(TestCases.caseNo(), TestCases.enterpriseWater());

    JsonNode proposeFiling = driver.openTask(pid, "Task_ProposeFiling");
    refused(pid, proposeFiling, values -> values.put("filingReason", ""), "FORM-001", "立案理由");
    refused(pid, proposeFiling, values -> values.remove("officerOpinion"), "FORM-001", "承办人意见");
    refused(pid, proposeFiling, values -> values.put("filingReason", "理".repeat(2001)), "FORM-008", "立案理由");
    driver.complete(pid, "Task_ProposeFiling", Map.of());
    driver.complete(pid, "Task_ApproveFiling", Map.of());

    JsonNode investigate = driver.openTask(pid, "Task_Investigate");
    refused(pid, investigate, values -> values.put("measure", "BURN_DOWN"), "FORM-004", "拟采取的其他措施");
    refused(pid, investigate, values -> values.put("crimeSuspected", "maybe"), "FORM-004", "是否涉嫌犯罪");
    refused(pid, investigate, values -> values.put("officers", "张三、李四、" + "王".repeat(200)), "FORM-008",
        "执法人员");
    refused(pid, investigate, values -> values.put("officers", "张三"), "ENF-001", "不得少于两人");
    driver.complete(pid, "Task_Investigate", Map.of());
    driver.complete(pid, "Task_ProposePenalty", Map.of());
    driver.complete(pid, "Task_ServePriorNotice", Map.of());
    driver.complete(pid, "Task_RecordStatement", Map.of());

    JsonNode review = driver.openTask(pid, "Task_ReviewStatement");
    refused(pid, review, values -> values.put("reviewedFine", ((Number) values.get("reviewedFine")).doubleValue() + 1),
        "ENF-004", "不得因当事人陈述、申辩而给予更重的处罚");
    refused(pid, review, values -> values.put("statementAdopted", "MAYBE"), "FORM-004", "复核结论");
  }

  /** Submits the task's form as the Tasklist would, changed by {@code change}: 400, Chinese, nothing changed. */
  private void refused(String pid, JsonNode task, Consumer<Map<String, Object>> change, String code, String text) {
    String taskId = task.get("id").asText();
    Map<String, Object> values = driver.taskFormValues(taskId, Map.of());
    change.accept(values);
    JsonNode before = variables(pid);

    PlatformHttp.Response r = driver.submitTask(taskId, values);

    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("【" + code + "】").contains(text).containsPattern(CJK);
    assertThat(http.getOk("/engine-rest/task/" + taskId).path("id").asText()).isEqualTo(taskId);
    assertThat(variables(pid)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------------------------- start refusals

  @Test
  void badStartsThroughTheStartFormAnswer400AndLeaveNothing() {
    for (BadStart bad : badStarts()) {
      Map<String, Object> input = TestCases.enterpriseWater();
      Map<String, Object> values = driver.startFormValues(input);
      bad.change().accept(values);
      long instances = instanceCount();
      long history = historicInstanceCount();
      int cases = caseCount();

      PlatformHttp.Response r = driver.submitStart(bad.caseNo(), values);

      assertThat(r.status()).as("%s: %s", bad.name(), r.text()).isEqualTo(400);
      assertThat(r.json().path("message").asText()).as(bad.name()).contains(bad.text()).containsPattern(CJK);
      assertThat(instanceCount()).as(bad.name()).isEqualTo(instances);
      assertThat(historicInstanceCount()).as(bad.name()).isEqualTo(history);
      assertThat(caseCount()).as(bad.name()).isEqualTo(cases);
    }
  }

  @Test
  void badStartsThroughTheCaseApiAnswer4xxWithCodeAndLeaveNothing() {
    for (BadStart bad : badStarts()) {
      Map<String, Object> body = TestCases.enterpriseWater();
      bad.change().accept(body);
      body.put("caseNo", bad.caseNo());
      long instances = instanceCount();
      int cases = caseCount();

      PlatformHttp.Response r = http.post("/api/cases", body);

      assertThat(r.status()).as("%s: %s", bad.name(), r.text()).isBetween(400, 499);
      assertThat(r.json().path("code").asText()).as(bad.name()).isNotBlank();
      assertThat(r.json().path("message").asText()).as(bad.name()).contains(bad.text()).containsPattern(CJK);
      assertThat(instanceCount()).as(bad.name()).isEqualTo(instances);
      assertThat(caseCount()).as(bad.name()).isEqualTo(cases);
    }
  }

  private record BadStart(String name, String caseNo, Consumer<Map<String, Object>> change, String text) {}

  private static List<BadStart> badStarts() {
    String uscc = TestCases.uscc();
    String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
    return List.of(
        new BadStart("unknown violationType", TestCases.caseNo(), v -> v.put("violationType", "NOISE_AT_NIGHT"),
            "NOISE_AT_NIGHT"),
        new BadStart("negative exceedRatio", TestCases.caseNo(), v -> v.put("exceedRatio", -0.5), "超标"),
        new BadStart("missing partyName", TestCases.caseNo(), v -> v.remove("partyName"), "当事人名称"),
        new BadStart("blank partyName", TestCases.caseNo(), v -> v.put("partyName", ""), "当事人名称"),
        new BadStart("malformed business key", "ABC-1", v -> { }, "案号"),
        new BadStart("wrong check digit", TestCases.caseNo(), v -> v.put("partyId", wrongCheck), "校验不通过"));
  }

  // ------------------------------------------------------------------------------------------------- helpers

  private void assertEnded(Walk walk, String outcome) {
    JsonNode historic = http.getOk("/engine-rest/history/process-instance/" + walk.processInstanceId());
    assertThat(historic.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(historicVariable(walk.processInstanceId(), "caseOutcome").path("value").asText()).isEqualTo(outcome);
    JsonNode view = http.getOk(caseUrl(walk.caseNo()));
    assertThat(view.path("outcome").asText()).isEqualTo(outcome);
    assertThat(view.path("active").asBoolean()).isFalse();
    assertThat(view.path("currentTasks")).isEmpty();
  }

  private JsonNode historicVariable(String pid, String name) {
    JsonNode list = http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=" + name);
    assertThat(list).as("historic variable %s", name).hasSize(1);
    return list.get(0);
  }

  private JsonNode variables(String pid) {
    return http.getOk("/engine-rest/process-instance/" + pid + "/variables?deserializeValues=false");
  }

  private long instanceCount() {
    return http.getOk("/engine-rest/process-instance/count?processDefinitionKey=" + CaseLauncher.PROCESS_KEY)
        .path("count").asLong();
  }

  private long historicInstanceCount() {
    return http.getOk("/engine-rest/history/process-instance/count?processDefinitionKey="
        + CaseLauncher.PROCESS_KEY).path("count").asLong();
  }

  private int caseCount() {
    return http.getOk("/api/cases?limit=100000").size();
  }
}
