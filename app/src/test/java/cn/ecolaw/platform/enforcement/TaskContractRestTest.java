package cn.ecolaw.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.court.NonLitigationExecution;
import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8's holes in the engine doors, tried as an attacker would: the demo users, plain HTTP against
 * {@code /engine-rest} (what the Tasklist uses). A task completion accepts only its form's fields (the task's
 * contract), typed as the form declares; direct variable writes, messages, signals and jobs are the administrator's.
 * Every refusal answers 4xx with a code and a Chinese message, and nothing changes: the task stays open, the
 * variables keep their values.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskContractRestTest {

  private static final Map<String, String> TO_THE_COURT = Map.of(
      "Task_MonitorPayment", "Timer_RemedyPeriodEnds",
      "Task_AwaitReminderResponse", "Timer_ReminderPeriod");

  @LocalServerPort
  int port;

  @Autowired IdentityService identity;

  PlatformHttp http;
  TasklistDriver driver;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity);
    http = new PlatformHttp(port);
    driver = new TasklistDriver(http, TasklistRestTest.REQUIRED_ANSWERS);
  }

  // ---------------------------------------------------------------------------------------- completions

  @Test
  void statementRecordCannotSkipLegalReviewAndCollectiveDiscussion() {
    String pid = startAs("officer1", TestCases.enterpriseSerious());
    JsonNode task = advanceTo(pid, "Task_RecordStatement", Map.of(), Map.of());
    assertThat(value(pid, "legalReviewRequired").asBoolean()).isTrue();
    assertThat(value(pid, "collectiveDiscussionRequired").asBoolean()).isTrue();

    PlatformHttp.Response r = submitAs("officer1", task, Map.of(),
        Map.of("legalReviewRequired", false, "collectiveDiscussionRequired", false));

    assertRefused(r, 400, "FORM-020", "“collectiveDiscussionRequired”、“legalReviewRequired”");
    assertStillOpen(task);
    assertThat(value(pid, "legalReviewRequired").asBoolean()).isTrue();
    assertThat(value(pid, "collectiveDiscussionRequired").asBoolean()).isTrue();
  }

  @Test
  void statementReviewCannotResendProposedFine() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ReviewStatement", Map.of(), Map.of());
    double proposed = value(pid, "proposedFine").asDouble();

    PlatformHttp.Response r = submitAs("officer1", task, Map.of("reviewedFine", v -> proposed),
        Map.of("proposedFine", proposed * 2));

    assertRefused(r, 400, "FORM-020", "proposedFine");
    assertStillOpen(task);
    assertThat(value(pid, "proposedFine").asDouble()).isEqualTo(proposed);
  }

  @Test
  void paymentRecordCannotSetFineAmountOrOutcome() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_MonitorPayment", Map.of(), Map.of());
    double fine = value(pid, "fineAmount").asDouble();

    PlatformHttp.Response r = submitAs("officer1", task,
        Map.of("paidAmount", v -> 1, "paidDate", v -> Dates.today().toString()),
        Map.of("fineAmount", 1, "caseOutcome", "PAID"));

    assertRefused(r, 400, "FORM-020", "“caseOutcome”、“fineAmount”");
    assertStillOpen(task);
    assertThat(value(pid, "fineAmount").asDouble()).isEqualTo(fine);
    assertThat(variable(pid, "caseOutcome").status()).isEqualTo(404);
  }

  @Test
  void reminderServiceCannotSetCaseOutcome() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ServeReminder", TO_THE_COURT, Map.of());
    double fine = value(pid, "fineAmount").asDouble();

    PlatformHttp.Response r = submitAs("officer1", task, Map.of(), orderedMap("caseOutcome", "PAID", "fineAmount", 1));

    assertRefused(r, 400, "FORM-020", "“caseOutcome”、“fineAmount”");
    assertStillOpen(task);
    assertThat(variable(pid, "caseOutcome").status()).isEqualTo(404);
    assertThat(value(pid, "fineAmount").asDouble()).isEqualTo(fine);
  }

  @Test
  void completionCannotRetargetCaseNo() {
    String other = TestCases.caseNo();
    String pid = startAs("officer1", TestCases.enterpriseWater());
    String caseNo = value(pid, "caseNo").asText();
    JsonNode task = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of());

    PlatformHttp.Response r = submitAs("officer1", task, Map.of(), Map.of("caseNo", other));

    assertRefused(r, 400, "FORM-020", "caseNo");
    assertStillOpen(task);
    assertThat(value(pid, "caseNo").asText()).isEqualTo(caseNo);
  }

  @Test
  void courtEnforcementCannotRetargetEnforcementCaseInstance() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    String otherCase = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ExecuteByCourt", TO_THE_COURT, Map.of());
    String court = task.get("processInstanceId").asText();
    assertThat(value(court, "enforcementCaseInstanceId").asText()).isEqualTo(pid);

    PlatformHttp.Response r = submitAs("exec1", task, Map.of(), Map.of("enforcementCaseInstanceId", otherCase));

    assertRefused(r, 400, "FORM-020", "enforcementCaseInstanceId");
    assertStillOpen(task);
    assertThat(value(court, "enforcementCaseInstanceId").asText()).isEqualTo(pid);
  }

  @Test
  void bureauTaskCannotRewriteCourtReason() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    Map<String, Answer> refusing = Map.of("enforcementGranted", v -> "false",
        "refusalGround", v -> "NO_LEGAL_BASIS", "challengeFiled", v -> "true",
        "challengeReason", v -> "原裁定认定缺乏法律依据有误。");
    JsonNode task = advanceTo(pid, "Task_ConsiderChallenge", TO_THE_COURT, refusing);
    String court = task.get("processInstanceId").asText();
    String reason = value(court, "rulingReason").asText();

    PlatformHttp.Response r = submitAs("legal1", task, refusing, Map.of("rulingReason", "法院同意撤销原裁定。"));

    assertRefused(r, 400, "FORM-020", "rulingReason");
    assertStillOpen(task);
    assertThat(value(court, "rulingReason").asText()).isEqualTo(reason);
  }

  @Test
  void putTaskVariableIsRefused() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_MonitorPayment", Map.of(), Map.of());
    String taskId = task.get("id").asText();
    double fine = value(pid, "fineAmount").asDouble();
    PlatformHttp officer = http.as("officer1");

    PlatformHttp.Response put = officer.put("/engine-rest/task/" + taskId + "/variables/fineAmount",
        Map.of("value", 1, "type", "Double"));
    PlatformHttp.Response local = officer.put("/engine-rest/task/" + taskId + "/localVariables/fineAmount",
        Map.of("value", 1, "type", "Double"));
    PlatformHttp.Response modify = officer.post("/engine-rest/task/" + taskId + "/variables",
        Map.of("modifications", Map.of("caseOutcome", Map.of("value", "PAID"))));
    PlatformHttp.Response instance = officer.post("/engine-rest/process-instance/" + pid + "/variables",
        Map.of("modifications", Map.of("fineAmount", Map.of("value", 1))));

    for (PlatformHttp.Response r : List.of(put, local, modify, instance)) {
      assertThat(r.status()).as(r.text()).isEqualTo(403);
      assertThat(r.text("message")).startsWith("【DOOR-002】").containsPattern("[\\u4e00-\\u9fff]");
    }
    assertStillOpen(task);
    assertThat(value(pid, "fineAmount").asDouble()).isEqualTo(fine);
    assertThat(variable(pid, "caseOutcome").status()).isEqualTo(404);
  }

  @Test
  void nonNumberFineNeverStored() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ProposePenalty", Map.of(), Map.of());
    String taskId = task.get("id").asText();
    String caseNo = value(pid, "caseNo").asText();
    PlatformHttp.Response proposedBefore = variable(pid, "proposedFine");

    PlatformHttp.Response text = submitAs("officer1", task, Map.of("proposedFine", v -> "abc"), Map.of());
    PlatformHttp.Response object = submitAs("officer1", task, Map.of("proposedFine", v -> Map.of("元", 1)), Map.of());
    PlatformHttp.Response put = http.as("officer1").put("/engine-rest/task/" + taskId + "/variables/proposedFine",
        Map.of("value", "abc", "type", "String"));

    assertRefused(text, 400, "FORM-002", "");
    assertRefused(object, 400, "FORM-002", "");
    assertThat(put.status()).isEqualTo(403);
    assertStillOpen(task);
    assertThat(variable(pid, "proposedFine").text()).isEqualTo(proposedBefore.text());
    assertThat(http.as("officer1").get(TasklistDriver.caseUrl(caseNo)).status()).isEqualTo(200);

    // a number typed as text is parsed to a number before the engine stores it
    double benchmark = value(pid, "benchmarkFine").asDouble();
    PlatformHttp.Response ok = submitAs("officer1", task,
        Map.of("proposedFine", v -> String.valueOf((long) benchmark)), Map.of());
    assertThat(ok.status()).as(ok.text()).isEqualTo(204);
    JsonNode stored = http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=proposedFine").get(0);
    assertThat(stored.path("type").asText()).isEqualTo("Double");
    assertThat(stored.path("value").asDouble()).isEqualTo((double) (long) benchmark);
  }

  @Test
  void messageCorrelationRefusedToUsers() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of());
    String caseNo = value(pid, "caseNo").asText();

    for (String user : List.of("officer1", "head1", "judge1", "exec1")) {
      PlatformHttp.Response message = http.as(user).post("/engine-rest/message", Map.of(
          "messageName", NonLitigationExecution.RESULT_MESSAGE, "businessKey", caseNo,
          "processVariables", Map.of("courtResult", Map.of("value", "GRANTED"))));
      PlatformHttp.Response signal = http.as(user).post("/engine-rest/signal", Map.of("name", "anything"));
      assertThat(message.status()).as(message.text()).isEqualTo(403);
      assertThat(message.text("message")).startsWith("【DOOR-003】");
      assertThat(signal.status()).as(signal.text()).isEqualTo(403);
      assertThat(signal.text("message")).startsWith("【DOOR-003】");
    }
    assertStillOpen(task);
    assertThat(variable(pid, "courtResult").status()).isEqualTo(404);
  }

  @Test
  void usersCannotFireTimersOrModifyInstances() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_MonitorPayment", Map.of(), Map.of());
    JsonNode job = http.getOk("/engine-rest/job?processInstanceId=" + pid + "&activityId=Timer_RemedyPeriodEnds")
        .get(0);
    PlatformHttp officer = http.as("officer1");

    PlatformHttp.Response execute = officer.post("/engine-rest/job/" + job.get("id").asText() + "/execute", Map.of());
    PlatformHttp.Response modify = officer.post("/engine-rest/process-instance/" + pid + "/modification", Map.of(
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_PrepareCourtApplication"))));

    assertThat(execute.status()).as(execute.text()).isEqualTo(403);
    assertThat(execute.text("message")).startsWith("【DOOR-005】");
    assertThat(modify.status()).as(modify.text()).isEqualTo(403);
    assertThat(modify.text("message")).startsWith("【DOOR-004】");
    assertStillOpen(task);
    assertThat(http.getOk("/engine-rest/job/" + job.get("id").asText()).path("id").asText())
        .isEqualTo(job.get("id").asText());
    assertThat(http.getOk("/engine-rest/task?processInstanceId=" + pid)).hasSize(1);
  }

  @Test
  void tasklistWorkStillWorksForTheCandidate() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of());
    String taskId = task.get("id").asText();
    PlatformHttp officer = http.as("officer1");

    assertThat(officer.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "officer1")).status())
        .isEqualTo(204);
    assertThat(officer.post("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "已联系当事人。"))
        .status()).isEqualTo(200);
    assertThat(officer.post("/engine-rest/task/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(officer.getOk("/engine-rest/task/" + taskId + "/form-variables").has("caseNo")).isTrue();
    PlatformHttp.Response done = submitAs("officer1", task, Map.of(), Map.of());

    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(http.getOk("/engine-rest/task?processInstanceId=" + pid).get(0).path("taskDefinitionKey").asText())
        .isEqualTo("Task_ApproveFiling");
    assertThat(value(pid, "filingReason").asText()).isNotBlank();
  }

  @Test
  void candidateCannotHandTaskToAnotherUnit() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    String taskId = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of()).get("id").asText();
    PlatformHttp officer = http.as("officer1");

    PlatformHttp.Response toJudge = officer.post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "judge1"));
    PlatformHttp.Response claimForJudge = officer.post("/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", "judge1"));
    PlatformHttp.Response delegate = officer.post("/engine-rest/task/" + taskId + "/delegate",
        Map.of("userId", "judge1"));
    PlatformHttp.Response addGroup = officer.post("/engine-rest/task/" + taskId + "/identity-links",
        Map.of("groupId", "court-judge", "type", "candidate"));

    assertRefused(toJudge, 403, "DOOR-006", "judge1");
    assertRefused(claimForJudge, 403, "DOOR-006", "judge1");
    assertRefused(delegate, 403, "DOOR-006", "judge1");
    assertRefused(addGroup, 403, "DOOR-006", "候选岗位");
    JsonNode task = http.getOk("/engine-rest/task/" + taskId);
    assertThat(task.path("assignee").isNull()).as(task.toString()).isTrue();
    assertThat(http.getOk("/engine-rest/task/" + taskId + "/identity-links").toString()).doesNotContain("court-judge");
    assertThat(http.as("judge1").get("/engine-rest/task/" + taskId).status()).isIn(403, 404);
  }

  @Test
  void candidateMayHandTaskToAColleagueOfTheSameGroup() {
    identity.saveUser(colleague());
    identity.createMembership("officer-colleague", "eco-officer");
    try {
      String pid = startAs("officer1", TestCases.enterpriseWater());
      String taskId = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of()).get("id").asText();

      PlatformHttp.Response r = http.as("officer1").post("/engine-rest/task/" + taskId + "/assignee",
          Map.of("userId", "officer-colleague"));

      assertThat(r.status()).as(r.text()).isEqualTo(204);
      assertThat(http.getOk("/engine-rest/task/" + taskId).path("assignee").asText()).isEqualTo("officer-colleague");
    } finally {
      identity.deleteUser("officer-colleague");
    }
  }

  private org.camunda.bpm.engine.identity.User colleague() {
    org.camunda.bpm.engine.identity.User user = identity.newUser("officer-colleague");
    user.setFirstName("同事");
    user.setLastName("执法");
    user.setPassword("officer-colleague");
    return user;
  }

  @Test
  void candidateCannotMoveTheStatutoryDueDate() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    String taskId = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of()).get("id").asText();
    JsonNode before = http.getOk("/engine-rest/task/" + taskId);
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState", "due",
        "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
      body.put(field, json(before.path(field)));
    }
    body.put("due", "2099-12-31T00:00:00.000+0800");

    PlatformHttp.Response r = http.as("officer1").put("/engine-rest/task/" + taskId, body);

    assertRefused(r, 403, "DOOR-006", "到期日");
    assertThat(http.getOk("/engine-rest/task/" + taskId).path("due").asText()).isEqualTo(before.path("due").asText());
  }

  private static Object json(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.isNumber() ? node.numberValue() : node.isBoolean() ? node.asBoolean()
        : node.isTextual() ? node.asText() : node.toString();
  }

  @Test
  void completionCannotAskForTheInstancesVariables() {
    String pid = startAs("officer1", TestCases.enterpriseWater());
    JsonNode task = advanceTo(pid, "Task_ProposeFiling", Map.of(), Map.of());

    PlatformHttp.Response r = http.as("officer1").post("/engine-rest/task/" + task.get("id").asText() + "/complete",
        Map.of("variables", Map.of(), "withVariablesInReturn", true));

    assertRefused(r, 400, "DOOR-007", "withVariablesInReturn");
    assertStillOpen(task);
  }

  // ---------------------------------------------------------------------------------------- starts

  @Test
  void startFormAcceptsOnlyItsOwnFields() {
    Map<String, Object> values = new LinkedHashMap<>(driver.startFormValues(TestCases.enterpriseWater()));
    values.put("fineAmount", 1);
    String caseNo = TestCases.caseNo();

    PlatformHttp.Response r = new TasklistDriver(http.as("officer1"), TasklistRestTest.REQUIRED_ANSWERS)
        .submitStart(caseNo, values);

    assertRefused(r, 400, "FORM-022", "fineAmount");
    assertThat(driver.activeInstancesOf(caseNo)).isEmpty();
  }

  @Test
  void restStartIsHeldToTheStartFormAndParsedToItsTypes() {
    Map<String, Object> values = new LinkedHashMap<>(driver.startFormValues(TestCases.enterpriseWater()));
    values.put("exceedRatio", "0.3");
    values.put("durationDays", 3);
    String caseNo = TestCases.caseNo();
    String forged = TestCases.caseNo();
    Map<String, Object> forgedValues = new LinkedHashMap<>(values);
    forgedValues.put("caseOutcome", "PAID");
    PlatformHttp officer = http.as("officer1");

    PlatformHttp.Response refused = officer.post("/engine-rest/process-definition/key/" + CaseLauncher.PROCESS_KEY
        + "/start", Map.of("businessKey", forged, "variables", dtos(forgedValues)));
    PlatformHttp.Response started = officer.post("/engine-rest/process-definition/key/" + CaseLauncher.PROCESS_KEY
        + "/start", Map.of("businessKey", caseNo, "variables", dtos(values)));

    assertRefused(refused, 400, "FORM-022", "“caseOutcome”");
    assertThat(driver.activeInstancesOf(forged)).isEmpty();
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    assertThat(variable(pid, "exceedRatio").json().path("type").asText()).isEqualTo("Double");
    assertThat(variable(pid, "durationDays").json().path("type").asText()).isEqualTo("Double");
    assertThat(value(pid, "exceedRatio").asDouble()).isEqualTo(0.3);
  }

  private static Map<String, Object> dtos(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Map<String, Object> dto = new java.util.HashMap<>();
      dto.put("value", v);
      out.put(k, dto);
    });
    return out;
  }

  @Test
  void processWithoutStartFormIsStartedByThePlatformOnly() {
    long before = http.getOk("/engine-rest/process-instance/count?processDefinitionKey="
        + NonLitigationExecution.PROCESS_KEY).path("count").asLong();

    PlatformHttp.Response r = http.as("judge1").post("/engine-rest/process-definition/key/"
        + NonLitigationExecution.PROCESS_KEY + "/start", Map.of("businessKey", "（2026）浙0502行审9999号",
        "variables", Map.of("caseNo", Map.of("value", TestCases.caseNo()))));

    assertRefused(r, 403, "DOOR-001", "");
    assertThat(http.getOk("/engine-rest/process-instance/count?processDefinitionKey="
        + NonLitigationExecution.PROCESS_KEY).path("count").asLong()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------- helpers

  private String startAs(String user, Map<String, Object> input) {
    PlatformHttp.Response r = new TasklistDriver(http.as(user), TasklistRestTest.REQUIRED_ANSWERS)
        .submitStart(TestCases.caseNo(), driver.startFormValues(input));
    assertThat(r.status()).as("start: %s", r.text()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  /** Works the case as its users would (every task through its form) until a task with this key is open. */
  private JsonNode advanceTo(String pid, String target, Map<String, String> timers, Map<String, Answer> answers) {
    String caseNo = value(pid, "caseNo").asText();
    for (int step = 0; step < 40; step++) {
      List<String> instances = driver.activeInstancesOf(caseNo);
      JsonNode tasks = http.getOk("/engine-rest/task?sortBy=created&sortOrder=asc&processInstanceIdIn="
          + String.join(",", instances));
      for (JsonNode t : tasks) {
        if (t.get("taskDefinitionKey").asText().equals(target)) {
          return t;
        }
      }
      assertThat(tasks).as("open tasks before %s", target).isNotEmpty();
      JsonNode task = tasks.get(0);
      String key = task.get("taskDefinitionKey").asText();
      if (timers.containsKey(key)) {
        driver.fireTimer(task.get("processInstanceId").asText(), timers.get(key));
        continue;
      }
      String id = task.get("id").asText();
      PlatformHttp.Response r = driver.submitTask(id, driver.taskFormValues(id, answers));
      assertThat(r.status()).as("%s: %s", key, r.text()).isEqualTo(204);
    }
    throw new AssertionError(target + " not reached");
  }

  /** The user submits the task's form as the Tasklist would, plus the extra variables. */
  private PlatformHttp.Response submitAs(String user, JsonNode task, Map<String, Answer> answers,
      Map<String, Object> extra) {
    String id = task.get("id").asText();
    Map<String, Object> values = new LinkedHashMap<>(driver.taskFormValues(id, answers));
    values.putAll(extra);
    return new TasklistDriver(http.as(user), TasklistRestTest.REQUIRED_ANSWERS).submitTask(id, values);
  }

  private static Map<String, Object> orderedMap(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private PlatformHttp.Response variable(String pid, String name) {
    return http.get("/engine-rest/process-instance/" + pid + "/variables/" + name);
  }

  private JsonNode value(String pid, String name) {
    PlatformHttp.Response r = variable(pid, name);
    assertThat(r.status()).as("variable %s: %s", name, r.text()).isEqualTo(200);
    return r.json().path("value");
  }

  private void assertStillOpen(JsonNode task) {
    assertThat(http.get("/engine-rest/task/" + task.get("id").asText()).status()).as("task still open").isEqualTo(200);
  }

  static void assertRefused(PlatformHttp.Response r, int status, String code, String names) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.text("message")).startsWith("【" + code + "】").contains(names)
        .containsPattern("[\\u4e00-\\u9fff]");
  }
}
