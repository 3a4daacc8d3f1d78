package cn.ecolaw.platform.faults;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.faults.BadInputCorpus.Field;
import cn.ecolaw.platform.faults.BadInputCorpus.Mutation;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 3, "Bad input": every bad input of {@link BadInputCorpus} is sent to every write endpoint — {@code POST
 * /api/cases}, the Tasklist's start form ({@code /engine-rest/.../submit-form}) and, for every user task of
 * {@code enforcement-case} and {@code non-litigation-execution}, both {@code /engine-rest/task/{id}/submit-form} and
 * {@code /complete} — and each must be answered 4xx with its code and a Chinese message while nothing changes:
 * instance, execution, task, job, variable, case_file, case_document, discretion_record counts, the case numbers
 * drawn, the open tasks and the task's variables are compared before and after every single request.
 *
 * <p>The tasks are reached by working three cases with valid input (the serious case through hearing, correction,
 * reconsideration, reminder and court; a suspected crime; a minor violation) and firing every escalation timer once,
 * so that the supervision tasks are hit too; the serious case's re-inspection finds the violation continuing, which
 * opens the daily penalty (daily-penalty). The test fails if a user task of these processes was not reached.
 */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
    // every refusal is logged by the engine with a stack trace; thousands of them drown the test output
    "logging.level.org.camunda.bpm.engine.context=OFF",
    "logging.level.org.camunda.bpm.engine.rest.exception=OFF",
    "logging.level.org.camunda.bpm.engine.cmd=OFF"})
class BadInputCorpusTest {

  private static final String START_FORM = "/engine-rest/process-definition/key/enforcement-case/submit-form";
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final Map<String, AtomicInteger> BY_ENDPOINT = new LinkedHashMap<>();

  /** Escalation timers fired once while the task on the left is open, to reach the supervision tasks. */
  private static final Map<String, String> ESCALATE_AT = Map.ofEntries(
      Map.entry("Task_ApproveFiling", "Timer_FilingDeadline"),
      Map.entry("Task_Investigate", "Timer_DecisionDeadline"),
      Map.entry("Task_ApproveTransfer", "Timer_TransferDeadline"),
      Map.entry("Task_ServeDecision", "Timer_ServiceDeadline"),
      Map.entry("Task_ReviewApplication", "Timer_AcceptanceDeadline"),
      Map.entry("Task_DecideAppeal", "Timer_AppealDecisionDeadline"),
      Map.entry("Task_ReviewAndRule", "Timer_RulingDeadline"),
      Map.entry("Task_ServeRefusal", "Timer_RefusalServiceDeadline"),
      Map.entry("Task_DecideChallenge", "Timer_ChallengeDecisionDeadline"),
      Map.entry("Task_ExecuteByCourt", "Timer_CourtExecutionDeadline"),
      Map.entry("Task_ExecuteByAgency", "Timer_AgencyExecutionDeadline"),
      Map.entry("Task_ReviewTransfer", "Timer_AnswerDeadline"),
      Map.entry("Task_TransferForDetention", "Timer_DetentionTransferDeadline"),
      Map.entry("Task_ServeReminder", "Timer_ApplicationDeadline_ServeReminder"),
      Map.entry("Task_ServeDailyDecision", "Timer_DailyServiceDeadline"),
      Map.entry("Task_MonitorDailyPayment", "Timer_DailyPaymentDeadline"));

  /**
   * The court's other road: not accepted, appealed and ordered accepted by the higher court, heard, refused,
   * challenged and revoked, executed by the agency (裁执分离).
   */
  private static final Map<String, Map<String, Object>> COURT_OTHER_ROAD = Map.of(
      "Task_ReviewApplication", Map.of("courtAccepted", "false", "acceptanceNote", "申请材料不齐全。"),
      "Task_ChooseReviewMode", Map.of("reviewMode", "HEARING", "reviewModeNote", "处罚决定可能明显缺乏事实根据。"),
      "Task_ReviewAndRule", Map.of("enforcementGranted", "false", "refusalGround", "NO_FACTUAL_BASIS",
          "executedBy", "AGENCY"));

  /**
   * EPL 63: the decision is also transferred to the police for administrative detention; EPL 59: re-inspection finds
   * the violation continuing (some days later), and the daily penalty is decided (daily-penalty).
   */
  private static final Map<String, Map<String, Object>> EPL63_DETENTION = Map.of(
      "Task_ApproveDecision", Map.of("epl63Conduct", "EVADING_SUPERVISION"),
      "Task_ReInspect", Map.of("correctionRefused", "true"));

  /** Days between service of the correction order and a re-inspection that finds the violation continuing. */
  private static final int DAYS_TO_REINSPECTION = 3;

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  /** Decree 310 Art. 11: the police decline, the penalty goes on; the party sues and the judgment is enforced. */
  private static final Map<String, Map<String, Object>> POLICE_DECLINE_THEN_JUDGMENT = Map.of(
      "Task_ReviewTransfer", Map.of("transferAccepted", "false"),
      "Task_MonitorPayment", Map.of("remedyFiled", "LITIGATION"));

  /** ARL 78: a decision changed on reconsideration is handed to the reconsideration body. */
  private static final Map<String, Map<String, Object>> CHANGED_ON_RECONSIDERATION = Map.of(
      "Task_RecordRemedyResult", Map.of("remedyResult", "CHANGED", "changedFine", 100000));

  @Autowired private JdbcTemplate jdbc;
  @Autowired private RuntimeService runtime;
  @Autowired private TaskService tasks;
  @Autowired private ManagementService management;
  @Autowired private RepositoryService repository;
  @Autowired private org.camunda.bpm.engine.IdentityService identity;
  @LocalServerPort private int port;

  private PlatformHttp http;

  @BeforeEach
  void connect() {
    http = new PlatformHttp(port);
  }

  @AfterAll
  static void report() {
    System.out.println("[bad-input corpus] bad inputs tried: " + TRIED.get() + " " + BY_ENDPOINT);
  }

  // ------------------------------------------------------------------------------------------------ starting

  @Test
  void everyBadStartIsRefusedByTheCaseApiAndTheStartFormAndLeavesNothing() {
    List<Mutation> corpus = BadInputCorpus.startMutations();
    for (Mutation m : corpus) {
      Map<String, Object> body = TestCases.enterpriseWater();
      String caseNo = TestCases.caseNo();
      body.put("caseNo", caseNo);
      body.put("partyAddress", "浙江省湖州市吴兴区织里镇工业园区1号");
      body.put("legalRepresentative", "沈建国");
      apply(body, m);
      String sentNo = String.valueOf(body.get("caseNo"));

      Map<String, Object> before = snapshot(null);
      PlatformHttp.Response api = http.post("/api/cases", body);
      count("POST /api/cases");
      assertRefused(api, m, "POST /api/cases", api.text("code"), api.text("message"));
      assertThat(snapshot(null)).as("POST /api/cases %s %s changed something", m.key(), m.what()).isEqualTo(before);
      assertThat(caseFileRows(sentNo)).isZero();

      Map<String, Object> form = new LinkedHashMap<>();
      form.put("businessKey", body.remove("caseNo"));
      form.put("variables", dtos(body, m));
      PlatformHttp.Response start = http.post(START_FORM, form);
      count("start form submit");
      String[] parts = split(start.text("message"));
      assertRefused(start, m, "start form", parts[0], parts[1]);
      assertThat(snapshot(null)).as("start form %s %s changed something", m.key(), m.what()).isEqualTo(before);
      assertThat(caseFileRows(sentNo)).isZero();
    }
  }

  @Test
  void aDuplicateCaseNumberIsAConflictOnBothStartEndpoints() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = TestCases.enterpriseWater();
    body.put("caseNo", caseNo);
    assertThat(http.post("/api/cases", body).status()).isEqualTo(201);
    Map<String, Object> before = snapshot(null);

    body.put("partyName", "另一家公司");
    PlatformHttp.Response api = http.post("/api/cases", body);
    count("POST /api/cases");
    assertThat(api.status()).isEqualTo(409);
    assertThat(api.text("code")).isEqualTo("CASE-007");
    assertThat(api.text("message")).isEqualTo("案号" + caseNo + "已存在");

    body.remove("caseNo");
    PlatformHttp.Response form = http.post(START_FORM, Map.of("businessKey", caseNo, "variables", dtos(body, null)));
    count("start form submit");
    assertThat(form.status()).isBetween(400, 499);
    assertThat(form.text("message")).startsWith("【CASE-007】案号" + caseNo + "已存在");
    assertThat(snapshot(null)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select party_name from case_file where case_no = ?", String.class, caseNo))
        .isEqualTo("湖州测试印染有限公司");
  }

  /**
   * Issue 8: text the database cannot hold (Camunda's string column: 4,000 characters) in the appraisal and injunction
   * fields is refused with a Chinese message at {@code /api} and at the injunction's start form; nothing is created.
   */
  @Test
  void textOver4000CharactersInAppraisalAndInjunctionFieldsIsRefusedAndChangesNothing() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> start = TestCases.enterpriseWater();
    start.put("caseNo", caseNo);
    assertThat(http.post("/api/cases", start).status()).isEqualTo(201);
    Map<String, Object> before = snapshot(null);

    Map<String, Object> appraisal = new LinkedHashMap<>(Map.of("requestedBy", "BUREAU", "category", "POLLUTANT",
        "matter", "字".repeat(4001), "parties", "湖州测试印染有限公司", "estimatedAmount", 100000));
    PlatformHttp.Response r = http.post("/api/cases/" + enc(caseNo) + "/appraisals", appraisal);
    count("POST /api/cases/{caseNo}/appraisals");
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.text("code")).isEqualTo("APR-007");
    assertThat(r.text("message")).isEqualTo("“鉴定事项”不得超过4000个字");
    appraisal.put("matter", "土壤污染损害鉴定");
    appraisal.put("estimatedAmount", new java.math.BigDecimal("1e400"));
    r = http.post("/api/cases/" + enc(caseNo) + "/appraisals", appraisal);
    count("POST /api/cases/{caseNo}/appraisals");
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.text("code")).isEqualTo("APR-006");

    for (String key : List.of("facts", "harmEvidence")) {
      Map<String, Object> injunction = new LinkedHashMap<>(Map.of("applicant", "湖州市南太湖环保公益协会",
          "applicantType", "PRESCRIBED_ORGANISATION", "respondent", "湖州测试化工有限公司", "respondentType", "ENTERPRISE",
          "preSuit", "false", "urgent", "true", "facts", "被申请人持续排放含铬废水。", "harmEvidence", "监测报告。",
          "requestedMeasures", "停止排放含铬废水", "securityProvided", "false"));
      injunction.put(key, "字".repeat(4001));
      PlatformHttp.Response form = http.post("/engine-rest/process-definition/key/injunction/submit-form",
          Map.of("variables", dtos(injunction, null)));
      count("injunction start form");
      assertThat(form.status()).as(form.text()).isEqualTo(400);
      assertThat(form.text("message")).startsWith("【INJ-001】").endsWith("不得超过4000个字");
    }
    Map<String, Object> after = snapshot(null);
    // the court's docket sequence row of the year may have been created (in its own transaction, no number drawn)
    before.remove("case numbers drawn");
    after.remove("case numbers drawn");
    assertThat(after).isEqualTo(before);
  }

  /** Forged case numbers on the read side: well-formed but unknown → 404, malformed → 400, nothing created. */
  @Test
  void forgedCaseNumbersAreNotFoundOrRefused() {
    Map<String, Object> before = snapshot(null);
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("湖环罚〔2026〕999999号", 404);
    expected.put("杭环罚〔2026〕12号", 404);
    expected.put("湖环罚〔2019〕1号", 404);
    expected.put("湖环罚2026-12号", 400);
    expected.put("湖环罚〔2026〕12号' OR '1'='1", 400);
    expected.put("<script>alert(1)<script>", 400);
    expected.put("1 UNION SELECT 1", 400);
    expected.forEach((caseNo, status) -> {
      PlatformHttp.Response r = http.get("/api/cases/" + enc(caseNo));
      count("GET /api/cases/{caseNo}");
      assertThat(r.status()).as("GET %s: %s", caseNo, r.text()).isEqualTo(status);
      assertThat(r.text("code")).as("GET %s", caseNo).isEqualTo(status == 404 ? "CASE-404" : "CASE-001");
      assertThat(r.text("message")).containsPattern("\\p{IsHan}");
    });
    // an encoded "/" in the path ("</script>") is refused by Tomcat itself (400, empty body) before the application
    assertThat(http.get("/api/cases/" + enc("<script>alert(1)</script>")).status()).isEqualTo(400);
    count("GET /api/cases/{caseNo}");
    assertThat(snapshot(null)).isEqualTo(before);
  }

  /**
   * Another unit's case number: a bureau case the court received no application for. The court's users get 403 on
   * the case, its documents and its trail, cannot see or complete its task, and nothing changes.
   */
  @Test
  void anotherUnitsCaseNumberIsRefusedAndChangesNothing() {
    cn.ecolaw.platform.support.Logins.ensureDemoUsers(identity);
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    assertThat(http.as("officer1").post("/api/cases", body).status()).isEqualTo(201);
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    Map<String, Object> before = snapshot(null);
    for (String user : new String[] {"filing1", "judge1", "mediator1", "reviewer1"}) {
      PlatformHttp other = http.as(user);
      for (String path : new String[] {"", "/documents", "/trail"}) {
        PlatformHttp.Response r = other.get("/api/cases/" + enc(caseNo) + path);
        count("another unit's case: GET /api/cases/{caseNo}" + path);
        assertThat(r.status()).as("%s GET %s", user, path).isEqualTo(403);
        assertThat(r.text("message")).containsPattern("\\p{IsHan}");
      }
      assertThat(other.get("/engine-rest/task?processInstanceBusinessKey=" + enc(caseNo)).json()).isEmpty();
      PlatformHttp.Response complete = other.post("/engine-rest/task/" + taskId + "/submit-form",
          Map.of("variables", Map.of("filingReason", Map.of("value", "伪造"), "officerOpinion", Map.of("value", "伪造"))));
      count("another unit's case: task submit-form");
      assertThat(complete.status()).as("%s completes another unit's task", user).isBetween(400, 499);
    }
    assertThat(snapshot(null)).isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  // ------------------------------------------------------------------------------------------------ tasks

  @Test
  void everyUserTaskRefusesEveryBadInputAndChangesNothing() {
    Set<String> reached = new TreeSet<>();
    Map<String, Object> serious = TestCases.enterpriseSerious();
    work(serious, Map.of("correctionOrdered", true), reached, EPL63_DETENTION);
    work(TestCases.enterpriseWater(), Map.of("crimeSuspected", "true"), reached, POLICE_DECLINE_THEN_JUDGMENT);
    work(TestCases.enterpriseWater(), Map.of(), reached, CHANGED_ON_RECONSIDERATION);
    work(TestCases.minor(), Map.of(), reached, Map.of(), this::transferAndConsult);
    work(TestCases.enterpriseSerious(), Map.of(), reached, COURT_OTHER_ROAD);

    Set<String> all = new TreeSet<>();
    for (String key : List.of("enforcement-case", "non-litigation-execution", "daily-penalty", "clue-transfer",
        "consultation")) {
      String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult().getId();
      repository.getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)
          .forEach(t -> all.add(t.getId()));
    }
    assertThat(reached).as("user tasks sent the corpus").isEqualTo(all);
  }

  @Autowired private cn.ecolaw.platform.suggestion.JudicialSuggestions suggestions;
  @Autowired private cn.ecolaw.platform.dispatch.Inspections inspections;
  @Autowired private cn.ecolaw.platform.dispatch.DispatchRoster roster;

  /**
   * Issue 13: every user task of judicial-suggestion (the reply, and the judge's follow-up once the two months have
   * passed) and of inspection-dispatch (the on-site inspection) gets the whole corpus, then is completed validly.
   */
  @Test
  void everyUserTaskOfSuggestionsAndInspectionsRefusesEveryBadInputAndChangesNothing() {
    cn.ecolaw.platform.support.Logins.ensureDemoUsers(identity);
    String caseNo = TestCases.caseNo();
    Map<String, Object> start = TestCases.enterpriseWater();
    start.put("caseNo", caseNo);
    assertThat(http.post("/api/cases", start).status()).isEqualTo(201);
    String suggestion = suggestions.draft(TestCases.of("caseNo", caseNo, "addresseeUnit", "unit-bureau",
        "suggestionSubject", "在线监测监管", "problemsFound", "在线监测设备长期故障未被发现。",
        "suggestionContent", "建立在线监测设备定期核查制度。")).getId();
    fire(List.of(suggestion), "Timer_ReplyOverdue");
    cn.ecolaw.platform.dispatch.DispatchFixture.officers(roster);
    String inspection = inspections.complaint(Map.of("sourceId",
        cn.ecolaw.platform.dispatch.DispatchFixture.nearWuxing(roster, "吴兴区").sourceId(),
        "complaintContent", "夜间偷排，河水发黑。")).processInstanceId();

    Set<String> reached = new TreeSet<>();
    for (int step = 0; step < 10; step++) {
      List<Task> open = tasks.createTaskQuery().processInstanceIdIn(suggestion, inspection).orderByTaskCreateTime()
          .asc().list();
      if (open.isEmpty()) {
        break;
      }
      Task task = open.get(0);
      Map<String, Object> valid = CaseWalker.validAnswers(task.getTaskDefinitionKey(), tasks.getVariables(task.getId()));
      if (reached.add(task.getTaskDefinitionKey())) {
        sendCorpus(task, valid);
      }
      PlatformHttp.Response done = http.post("/engine-rest/task/" + task.getId() + "/complete",
          Map.of("variables", dtos(valid, null)));
      assertThat(done.status()).as("%s with valid input: %s", task.getTaskDefinitionKey(), done.text()).isEqualTo(204);
    }
    Set<String> all = new TreeSet<>();
    for (String key : List.of("judicial-suggestion", "inspection-dispatch")) {
      String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult().getId();
      repository.getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)
          .forEach(t -> all.add(t.getId()));
    }
    assertThat(reached).as("user tasks sent the corpus").isEqualTo(all);
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(Set.of(suggestion, inspection)).count()).isZero();
  }

  /** Works one case to its end; every task it meets gets the whole corpus before it is completed validly. */
  private void work(Map<String, Object> start, Map<String, Object> investigation, Set<String> reached) {
    work(start, investigation, reached, Map.of());
  }

  private void work(Map<String, Object> start, Map<String, Object> investigation, Set<String> reached,
      Map<String, Map<String, Object>> overrides) {
    work(start, investigation, reached, overrides, caseNo -> { });
  }

  /**
   * Issue 13: the case's materials transferred to the natural resources bureau (移送审批, 接收审查) and a consultation
   * in the case with the police and an expert (提出会商意见 per unit, 形成会商结论): their tasks are the case's too.
   */
  private void transferAndConsult(String caseNo) {
    PlatformHttp.Response t = http.post("/api/clues", TestCases.of("senderUnit", "unit-bureau",
        "receiverUnit", "unit-natural-resources", "kind", "JURISDICTION", "caseNo", caseNo, "subject", "湖州测试印染有限公司",
        "facts", "厂区占用基本农田堆放污泥。"));
    assertThat(t.status()).as(t.text()).isEqualTo(201);
    PlatformHttp.Response c = http.post("/api/cases/" + enc(caseNo) + "/consultations", TestCases.of("convenerUnit",
        "unit-bureau", "question", "暗管排放是否构成逃避监管？", "participants", List.of("unit-police", "unit-expert")));
    assertThat(c.status()).as(c.text()).isEqualTo(201);
  }

  private void work(Map<String, Object> start, Map<String, Object> investigation, Set<String> reached,
      Map<String, Map<String, Object>> overrides, java.util.function.Consumer<String> alsoStart) {
    String caseNo = TestCases.caseNo();
    start.put("caseNo", caseNo);
    assertThat(http.post("/api/cases", start).status()).isEqualTo(201);
    alsoStart.accept(caseNo);
    Set<String> fired = new LinkedHashSet<>();
    Map<String, Integer> visits = new HashMap<>();
    for (int step = 0; step < 80; step++) {
      List<String> instances = runtime.createProcessInstanceQuery().variableValueEquals("caseNo", caseNo).active()
          .list().stream().map(ProcessInstance::getId).toList();
      if (instances.isEmpty()) {
        return;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
          .orderByTaskCreateTime().asc().list();
      if (open.isEmpty()) {
        fire(instances, "Event_HearingDay");
        continue;
      }
      Task escalate = open.stream().filter(t -> ESCALATE_AT.containsKey(t.getTaskDefinitionKey())
          && !fired.contains(ESCALATE_AT.get(t.getTaskDefinitionKey()))).findFirst().orElse(null);
      if (escalate != null) {
        String timer = ESCALATE_AT.get(escalate.getTaskDefinitionKey());
        fired.add(timer);
        fire(List.of(escalate.getProcessInstanceId()), timer);
        continue;
      }
      Task task = open.get(0);
      String key = task.getTaskDefinitionKey();
      int visit = visits.merge(key, 1, Integer::sum);
      if (key.equals("Task_ReInspect") && "true".equals(overrides.getOrDefault(key, Map.of()).get("correctionRefused"))
          && visit == 1) {
        // MEP Order 28 Art. 17: the days count from the day after service up to the re-inspection
        // (a running clock moved forward, so that tasks keep their order of creation)
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(DAYS_TO_REINSPECTION * 86_400_000L);
      }
      Map<String, Object> valid = validAnswers(task, investigation, visit);
      valid.putAll(overrides.getOrDefault(key, Map.of()));
      if (reached.add(key)) {
        sendCorpus(task, valid);
      }
      if (key.equals("Task_AwaitReminderResponse")) {
        fire(List.of(task.getProcessInstanceId()), "Timer_ReminderPeriod");
      } else if (key.equals("Task_MonitorPayment") && visit > 1) {
        fire(List.of(task.getProcessInstanceId()), "Timer_RemedyPeriodEnds");
      } else if (key.equals("Task_MonitorDailyPayment") && visit > 1) {
        fire(List.of(task.getProcessInstanceId()), "Timer_DailyRemedyPeriodEnds");
      } else {
        PlatformHttp.Response done = http.post("/engine-rest/task/" + task.getId() + "/complete",
            Map.of("variables", dtos(valid, null)));
        assertThat(done.status()).as("%s with valid input: %s", key, done.text()).isEqualTo(204);
      }
    }
    throw new AssertionError("case " + caseNo + " did not end");
  }

  private void fire(List<String> instances, String activityId) {
    for (String pid : instances) {
      Job job = management.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
      if (job != null) {
        management.executeJob(job.getId());
        return;
      }
    }
    if (!activityId.startsWith("Timer_") || activityId.equals("Timer_ReminderPeriod")
        || activityId.equals("Timer_RemedyPeriodEnds") || activityId.equals("Timer_DailyRemedyPeriodEnds")) {
      throw new AssertionError("no job " + activityId + " in " + instances);
    }
  }

  /** The generic corpus of each form field, then the task's own out-of-order dates and legal refusals. */
  private void sendCorpus(Task task, Map<String, Object> valid) {
    JsonNode form = http.getOk("/engine-rest/task/" + task.getId() + "/deployed-form");
    Map<String, Object> present = tasks.getVariables(task.getId());
    List<Mutation> corpus = new ArrayList<>();
    Map<String, String> labels = new HashMap<>();
    for (Field f : fields(form)) {
      labels.put(f.key(), f.label());
      corpus.addAll(BadInputCorpus.fieldMutations(f, present.get(f.key()) != null));
    }
    List<Map.Entry<Map<String, Object>, String>> specific = taskSpecific(task, valid);
    for (Mutation m : corpus) {
      Map<String, Object> values = BadInputCorpus.copy(valid);
      if (!values.containsKey(m.key()) && !m.absent()) {
        values.put(m.key(), null);
      }
      attempt(task, dtos(values, m), m.code(), labels.get(m.key()), m.key() + " " + m.what());
    }
    for (var s : specific) {
      Map<String, Object> values = BadInputCorpus.copy(valid);
      values.putAll(s.getKey());
      attempt(task, dtos(values, null), s.getValue(), null, s.getValue() + " " + s.getKey());
    }
  }

  private void attempt(Task task, Map<String, Object> variables, String code, String label, String what) {
    for (String action : List.of("submit-form", "complete")) {
      Map<String, Object> before = snapshot(task);
      PlatformHttp.Response r = http.post("/engine-rest/task/" + task.getId() + "/" + action,
          Map.of("variables", variables));
      count("task " + action);
      String[] parts = split(r.text("message"));
      String where = task.getTaskDefinitionKey() + " " + action + " " + what;
      assertThat(r.status()).as("%s: %s", where, r.text()).isEqualTo(400);
      assertThat(parts[0]).as("%s: %s", where, r.text()).isEqualTo(code);
      assertThat(parts[1]).as(where).containsPattern("\\p{IsHan}");
      if (label != null && code.startsWith("FORM-")) {
        assertThat(parts[1]).as(where).contains("“" + label + "”");
      }
      assertThat(snapshot(task)).as("%s changed something", where).isEqualTo(before);
    }
  }

  /** Dates out of order and the legal rules of each task: override of the valid values → expected code. */
  private List<Map.Entry<Map<String, Object>, String>> taskSpecific(Task task, Map<String, Object> valid) {
    Map<String, Object> v = tasks.getVariables(task.getId());
    LocalDate today = Dates.today();
    List<Map.Entry<Map<String, Object>, String>> out = new ArrayList<>();
    Function<Object[], Map<String, Object>> of = pairs -> TestCases.of(pairs);
    switch (task.getTaskDefinitionKey()) {
      case "Task_Investigate" -> {
        out.add(Map.entry(of.apply(new Object[] {"officers", "张三"}), "ENF-001"));
        out.add(Map.entry(of.apply(new Object[] {"violationsIn2Years", 0}), "FORM-003"));
      }
      case "Task_ProposePenalty" -> {
        double benchmark = number(v, "benchmarkFine");
        double min = number(v, "fineMin");
        double away = benchmark > min ? (benchmark + min) / 2 : Math.min(benchmark + 1000, number(v, "fineMax"));
        out.add(Map.entry(of.apply(new Object[] {"proposedFine", away, "deviationReason", ""}), "DISC-010"));
        out.add(Map.entry(of.apply(new Object[] {"proposedFine", number(v, "fineMax") + 1,
            "deviationReason", "情节严重"}), "DISC-011"));
      }
      case "Task_RecordStatement" -> {
        if (!Boolean.TRUE.equals(v.get("hearingRight"))) {
          out.add(Map.entry(of.apply(new Object[] {"hearingRequested", true}), "ENF-002"));
        }
      }
      case "Task_ScheduleHearing" -> {
        out.add(Map.entry(of.apply(new Object[] {"hearingDate", today.plusDays(1).toString()}), "ENF-003"));
        out.add(Map.entry(of.apply(new Object[] {"hearingDate", today.minusDays(10).toString()}), "ENF-003"));
      }
      case "Task_ReviewStatement" ->
          out.add(Map.entry(of.apply(new Object[] {"reviewedFine", number(v, "proposedFine") + 1}), "ENF-004"));
      case "Task_ApproveDecision" -> {
        if (Boolean.TRUE.equals(v.get("collectiveDiscussionRequired"))) {
          out.add(Map.entry(of.apply(new Object[] {"collectiveDiscussionHeld", false}), "ENF-006"));
        }
      }
      case "Task_ServeDecision" -> {
        LocalDate decided = LocalDate.parse(v.get("decisionDate").toString());
        out.add(Map.entry(of.apply(new Object[] {"serviceDate", decided.minusDays(1).toString()}), "ENF-007"));
        out.add(Map.entry(of.apply(new Object[] {"serviceDate", today.plusDays(1).toString()}), "ENF-008"));
      }
      case "Task_ReInspect" -> {
        LocalDate served = Dates.toLocalDate(v.get("serviceDate"));
        out.add(Map.entry(of.apply(new Object[] {"reinspectionDate", served.plusDays(31).toString()}), "ENF-009"));
        out.add(Map.entry(of.apply(new Object[] {"reinspectionDate", served.minusDays(1).toString()}), "ENF-009"));
      }
      case "Task_MonitorPayment" -> {
        out.add(Map.entry(of.apply(new Object[] {"paid", "false", "remedyFiled", "NONE"}), "ENF-010"));
        out.add(Map.entry(of.apply(new Object[] {"paid", "true", "remedyFiled", "NONE", "paidAmount", 1e9,
            "paidDate", null}), "ENF-011"));
        out.add(Map.entry(of.apply(new Object[] {"paid", "true", "remedyFiled", "NONE", "paidAmount", 1,
            "paidDate", today.toString()}), "ENF-012"));
      }
      case "Task_RecordRemedyResult" -> {
        out.add(Map.entry(of.apply(new Object[] {"remedyResult", "CHANGED", "changedFine", null}), "ENF-014"));
        out.add(Map.entry(of.apply(new Object[] {"remedyDecidedDate", today.plusDays(1).toString()}), "ENF-030"));
      }
      case "Task_ServePriorNotice" ->
          out.add(Map.entry(of.apply(new Object[] {"noticeServedDate", today.plusDays(1).toString()}), "ENF-035"));
      case "Task_ReviewTransfer" ->
          out.add(Map.entry(of.apply(new Object[] {"transferAccepted", "false", "receiverOpinion", "否"}), "CLUE-020"));
      case "Task_TransferForDetention" ->
          out.add(Map.entry(of.apply(new Object[] {"detentionTransferDate", today.plusDays(1).toString()}), "ENF-032"));
      case "Task_ServeReminder" -> {
        LocalDate issued = LocalDate.parse(v.get("reminderDate").toString());
        out.add(Map.entry(of.apply(new Object[] {"reminderServedDate", issued.minusDays(1).toString()}), "ENF-015"));
        out.add(Map.entry(of.apply(new Object[] {"reminderServedDate", today.plusDays(1).toString()}), "ENF-008"));
      }
      case "Task_AwaitReminderResponse" ->
          out.add(Map.entry(of.apply(new Object[] {"paid", "false", "paidAmount", null, "paidDate", null}), "ENF-016"));
      case "Task_ServeDailyNotice" -> out.add(Map.entry(
          of.apply(new Object[] {"dailyNoticeServedDate", today.plusDays(1).toString()}), "DAY-001"));
      case "Task_RecordDailyStatement" -> out.add(Map.entry(
          of.apply(new Object[] {"dailyStatementSubmitted", "true", "dailyStatementText", null}), "DAY-004"));
      case "Task_HoldDailyHearing" -> out.add(Map.entry(
          of.apply(new Object[] {"dailyHearingDate", today.plusDays(1).toString()}), "DAY-002"));
      case "Task_ServeDailyDecision" -> {
        LocalDate decided = LocalDate.parse(v.get("dailyDecisionDate").toString());
        out.add(Map.entry(of.apply(new Object[] {"dailyServiceDate", decided.minusDays(1).toString()}), "DAY-003"));
        out.add(Map.entry(of.apply(new Object[] {"dailyServiceDate", today.plusDays(1).toString()}), "DAY-003"));
      }
      case "Task_MonitorDailyPayment" -> out.add(Map.entry(
          of.apply(new Object[] {"dailyPaymentOutcome", "PAID", "dailyPaidDate", null}), "DAY-005"));
      case "Task_ReviewApplication" ->
          out.add(Map.entry(of.apply(new Object[] {"courtAccepted", "false", "acceptanceNote", ""}), "COURT-001"));
      case "Task_ReviewAndRule" ->
          out.add(Map.entry(of.apply(new Object[] {"enforcementGranted", "false"}), "COURT-002"));
      case "Task_ReplySuggestion" -> out.add(Map.entry(of.apply(new Object[] {"measuresTaken", ""}), "SUG-101"));
      case "Task_Inspect" -> {
        out.add(Map.entry(of.apply(new Object[] {"inspectionDate", today.plusDays(1).toString()}), "INS-101"));
        out.add(Map.entry(of.apply(new Object[] {"inspectionDate", today.minusDays(1).toString()}), "INS-101"));
        out.add(Map.entry(of.apply(new Object[] {"violationFound", "true"}), "INS-102"));
      }
      default -> { }
    }
    return out;
  }

  private Map<String, Object> validAnswers(Task task, Map<String, Object> investigation, int visit) {
    Map<String, Object> a = CaseWalker.validAnswers(task.getTaskDefinitionKey(), tasks.getVariables(task.getId()));
    if (task.getTaskDefinitionKey().equals("Task_Investigate")) {
      a.putAll(investigation);
    }
    return a;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static void apply(Map<String, Object> body, Mutation m) {
    if (m.absent()) {
      body.remove(m.key());
    } else {
      body.put(m.key(), m.value());
    }
  }

  /** Values as the REST API takes them: {"value": v}, or typed when the mutation names a type. */
  private static Map<String, Object> dtos(Map<String, Object> values, Mutation m) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Map<String, Object> dto = new HashMap<>();
      dto.put("value", v);
      out.put(k, dto);
    });
    if (m != null) {
      if (m.absent()) {
        out.remove(m.key());
      } else {
        Map<String, Object> dto = new HashMap<>();
        dto.put("value", m.type() != null && m.type().equals("Json") ? json(m.value()) : m.value());
        if (m.type() != null) {
          dto.put("type", m.type());
        }
        out.put(m.key(), dto);
      }
    }
    return out;
  }

  private static String json(Object value) {
    try {
      return PlatformHttp.json().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(PlatformHttp.Response r, Mutation m, String where, String code, String message) {
    String what = where + " " + m.key() + " " + m.what();
    assertThat(r.status()).as("%s: %s", what, r.text()).isBetween(400, 499);
    assertThat(code).as("%s: %s", what, r.text()).isEqualTo(m.code());
    assertThat(message).as(what).containsPattern("\\p{IsHan}");
  }

  private static String[] split(String message) {
    if (message != null && message.startsWith("【") && message.indexOf('】') > 0) {
      return new String[] {message.substring(1, message.indexOf('】')), message.substring(message.indexOf('】') + 1)};
    }
    return new String[] {null, message};
  }

  private static void count(String endpoint) {
    TRIED.incrementAndGet();
    synchronized (BY_ENDPOINT) {
      BY_ENDPOINT.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static List<Field> fields(JsonNode form) {
    List<Field> out = new ArrayList<>();
    collect(form.path("components"), out);
    return out;
  }

  private static void collect(JsonNode components, List<Field> out) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        JsonNode v = c.path("validate");
        List<String> values = new ArrayList<>();
        c.path("values").forEach(x -> values.add(x.path("value").asText()));
        out.add(new Field(c.get("key").asText(), c.path("label").asText(c.path("dateLabel").asText()),
            c.path("type").asText(), v.path("required").asBoolean(false),
            v.has("maxLength") ? v.get("maxLength").asInt() : null, v.has("min") ? v.get("min").asDouble() : null,
            v.has("max") ? v.get("max").asDouble() : null, values));
      }
      if (c.has("components")) {
        collect(c.get("components"), out);
      }
    }
  }

  private static double number(Map<String, Object> v, String key) {
    return ((Number) v.get(key)).doubleValue();
  }

  private long caseFileRows(String caseNo) {
    return jdbc.queryForObject("select count(*) from case_file where case_no = ?", Long.class, caseNo);
  }

  /** Everything a request could have changed: table counts, open tasks, and the task's variables. */
  private Map<String, Object> snapshot(Task task) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (String[] q : new String[][] {
        {"process instances", "select count(*) from act_hi_procinst"},
        {"executions", "select count(*) from act_ru_execution"},
        {"tasks", "select count(*) from act_ru_task"},
        {"historic tasks", "select count(*) from act_hi_taskinst"},
        {"jobs", "select count(*) from act_ru_job"},
        {"variables", "select count(*) from act_ru_variable"},
        {"historic variable updates", "select count(*) from act_hi_detail"},
        {"case_file", "select count(*) from case_file"},
        {"case_file updates", "select coalesce(sum(length(status) + length(coalesce(outcome, ''))), 0) from case_file"},
        {"case_document", "select count(*) from case_document"},
        {"discretion_record", "select count(*) from discretion_record"},
        {"case numbers drawn", "select coalesce(sum(next_value), 0) from case_number_sequence"}}) {
      s.put(q[0], jdbc.queryForObject(q[1], Long.class));
    }
    s.put("open tasks", jdbc.queryForList("select id_ from act_ru_task order by id_", String.class));
    if (task != null) {
      s.put("task variables", new HashMap<>(tasks.getVariables(task.getId())));
    }
    return s;
  }
}
