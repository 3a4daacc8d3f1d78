package cn.ecolaw.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole {@code enforcement-case} on the real PostgreSQL server, one test per outcome: started through
 * {@code POST /api/cases} or {@link CaseLauncher}, moved along with {@link ProcessDriver} exactly as the Tasklist
 * completes tasks (same form guard, same rules), and checked in the application's tables and through
 * {@code GET /api/cases/{caseNo}} over real HTTP.
 *
 * <p>Timers: the context keeps the job executor of the IT profile running (the production setting, and the same
 * context as the other ITs). Every deadline of the flow lies days or months ahead, so the executor never acquires
 * one of these jobs; the tests fire the timers they need with {@link ProcessDriver#fireTimer}, synchronously and in
 * the test's order. The processes have no asynchronous continuations, so nothing else runs behind the test's back.
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EnforcementCaseFlowIT {

  private static final String DOCKET_PATTERN = "（%d）浙0502行审[1-9]\\d*号";

  @Autowired private CaseLauncher launcher;
  @Autowired private ProcessDriver driver;
  @Autowired private RuntimeService runtime;
  @Autowired private TaskService tasks;
  @Autowired private HistoryService history;
  @Autowired private RepositoryService repository;
  @Autowired private JdbcTemplate jdbc;
  @LocalServerPort private int port;

  private PlatformHttp http;

  @BeforeEach
  void connect() {
    http = new PlatformHttp(port);
  }

  @Test
  void aPaidCaseClosesWithItsDocumentsOnPostgres() throws Exception {
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = TestCases.enterpriseWater();
    body.put("caseNo", caseNo);
    PlatformHttp.Response created = http.post("/api/cases", body);
    assertThat(created.status()).as("POST /api/cases: %s", created.json()).isEqualTo(201);
    assertThat(created.text("caseNo")).isEqualTo(caseNo);
    assertThat(created.text("status")).isEqualTo("FILING");
    assertThat(created.json().get("currentTasks").get(0).get("key").asText()).isEqualTo("Task_ProposeFiling");
    String pid = driver.instanceOf(caseNo);

    double fine = decideAndServe(pid, false);
    driver.complete(pid, "Task_MonitorPayment", TestCases.of("paid", "true", "paidAmount", fine,
        "paidDate", Dates.today().toString(), "remedyFiled", "NONE"));

    assertClosed(caseNo, pid, "PAID");
    assertDiscretionRecorded(caseNo, pid, fine);
    assertThat(documentTypes(caseNo))
        .containsExactly("FILING_APPROVAL", "PRIOR_NOTICE", "PENALTY_DECISION", "SERVICE_RECEIPT");
    for (Map<String, Object> row : jdbc.queryForList(
        "select doc_type, docx, pdf, sha256 from case_document where case_no = ?", caseNo)) {
      assertThat((byte[]) row.get("docx")).as("DOCX of %s", row.get("doc_type")).startsWith('P', 'K', 3, 4);
      assertThat((byte[]) row.get("pdf")).as("PDF of %s", row.get("doc_type")).startsWith('%', 'P', 'D', 'F');
      assertThat((String) row.get("sha256")).hasSize(64);
    }
    String decisionText = pdfText(caseNo, "PENALTY_DECISION");
    assertThat(decisionText).contains("湖州测试印染有限公司").contains(caseNo);

    JsonNode view = getCase(caseNo);
    assertThat(view.get("party").get("name").asText()).isEqualTo("湖州测试印染有限公司");
    assertThat(view.get("penalty").get("paidAmount").asDouble()).isEqualTo(fine);
    assertThat(view.get("penalty").get("fineAmount").asDouble()).isEqualTo(fine);
    assertThat(view.get("deadlines").findValuesAsText("key")).contains("paymentDue", "litigationDue");

    PlatformHttp.Response documents = http.get("/api/cases/" + PlatformHttp.enc(caseNo) + "/documents");
    assertThat(documents.status()).isEqualTo(200);
    assertThat(documents.json().findValuesAsText("type"))
        .containsExactlyInAnyOrder("FILING_APPROVAL", "PRIOR_NOTICE", "PENALTY_DECISION", "SERVICE_RECEIPT");
  }

  @Test
  void anUnpaidCaseGoesToCourtAndTheRulingComesBack() {
    String caseNo = start(TestCases.enterpriseWater());
    String pid = driver.instanceOf(caseNo);
    double fine = decideAndServe(pid, false);

    driver.fireTimer(pid, "Timer_RemedyPeriodEnds");
    assertThat(status(caseNo)).isEqualTo("REMINDER");
    driver.complete(pid, "Task_ServeReminder", TestCases.of("reminderServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法人"));
    driver.fireTimer(pid, "Timer_ReminderPeriod");
    driver.complete(pid, "Task_PrepareCourtApplication", TestCases.of(
        "enforcementItems", "罚款" + (long) fine + "元及加处罚款", "headOpinion", "经催告仍未履行，同意申请人民法院强制执行。"));

    ProcessInstance court = runtime.createProcessInstanceQuery().processDefinitionKey("non-litigation-execution")
        .variableValueEquals("caseNo", caseNo).singleResult();
    assertThat(court).as("the court's instance for %s", caseNo).isNotNull();
    String docketNo = court.getBusinessKey();
    assertThat(docketNo).matches(String.format(DOCKET_PATTERN, Dates.today().getYear()));
    assertThat(runtime.getVariable(court.getId(), "courtDocketNo")).isEqualTo(docketNo);
    assertThat(runtime.getVariable(pid, "courtDocketNo")).isEqualTo(docketNo);
    assertThat(runtime.createExecutionQuery().processInstanceId(pid).activityId("Event_CourtResultReceived").count())
        .isEqualTo(1);
    assertThat(status(caseNo)).isEqualTo("AT_COURT");

    JsonNode atCourt = getCase(caseNo);
    assertThat(atCourt.get("status").asText()).isEqualTo("AT_COURT");
    JsonNode related = onlyRelated(atCourt);
    assertThat(related.get("processKey").asText()).isEqualTo("non-litigation-execution");
    assertThat(related.get("processInstanceId").asText()).isEqualTo(court.getId());
    assertThat(related.get("businessKey").asText()).isEqualTo(docketNo);
    assertThat(related.get("active").asBoolean()).isTrue();
    assertThat(related.get("currentTasks").findValuesAsText("key")).containsExactly("Task_ReviewApplication");

    driver.complete(court.getId(), "Task_ReviewApplication", TestCases.of("courtAccepted", "true",
        "acceptanceNote", "申请材料齐全，符合受理条件。"));
    driver.complete(court.getId(), "Task_ChooseReviewMode", TestCases.of("reviewMode", "WRITTEN"));
    driver.complete(court.getId(), "Task_ReviewAndRule", TestCases.of("enforcementGranted", "true",
        "rulingReason", "行政处罚决定认定事实清楚，适用法律正确，程序合法，准予强制执行。"));
    driver.complete(court.getId(), "Task_ExecuteByCourt", TestCases.of("executionDate", Dates.today().toString(),
        "amountCollected", fine, "executionRecord", "划拨被执行人银行存款，执行完毕。"));

    assertThat(ended(court.getId())).isTrue();
    assertClosed(caseNo, pid, "COURT_ENFORCEMENT");
    assertThat(historicValue(pid, "courtResult")).isEqualTo("GRANTED");
    assertThat(historicValue(pid, "courtDocketNo")).isEqualTo(docketNo);
    assertThat(historicValue(court.getId(), "caseNo")).isEqualTo(caseNo);
    assertDiscretionRecorded(caseNo, pid, fine);
    assertThat(documentTypes(caseNo)).containsExactly("FILING_APPROVAL", "PRIOR_NOTICE", "PENALTY_DECISION",
        "SERVICE_RECEIPT", "REMINDER", "ENFORCEMENT_APPLICATION", "ACCEPTANCE_NOTICE", "ENFORCEMENT_GRANTED_RULING");
    assertThat(pdfText(caseNo, "ENFORCEMENT_APPLICATION")).contains("湖州测试印染有限公司");

    JsonNode closed = getCase(caseNo);
    assertThat(closed.get("penalty").get("courtDocketNo").asText()).isEqualTo(docketNo);
    assertThat(closed.get("penalty").get("courtResult").asText()).isEqualTo("GRANTED");
    JsonNode relatedAfter = onlyRelated(closed);
    assertThat(relatedAfter.get("active").asBoolean()).isFalse();
    assertThat(relatedAfter.get("outcome").asText()).isEqualTo("GRANTED");
    assertThat(relatedAfter.get("currentTasks")).isEmpty();
  }

  @Test
  void aMinorFirstViolationEndsWithoutPenalty() {
    String caseNo = start(TestCases.minor());
    String pid = driver.instanceOf(caseNo);
    proposeAndApproveFiling(pid);
    investigate(pid, false);
    assertThat(runtime.getVariable(pid, "discretionOutcome")).isEqualTo("NO_PENALTY");
    driver.complete(pid, "Task_ApproveNoPenalty", TestCases.of("noPenaltyApproved", "true",
        "noPenaltyGround", "违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚。"));

    assertClosed(caseNo, pid, "NO_PENALTY");
    Map<String, Object> record = discretionRow(caseNo);
    assertThat(record.get("outcome")).isEqualTo("NO_PENALTY");
    assertDecisionVersion(record, pid);
    assertThat(getCase(caseNo).get("discretion").get("outcome").asText()).isEqualTo("NO_PENALTY");
    assertThat(documentTypes(caseNo)).containsExactly("FILING_APPROVAL", "NO_PENALTY_DECISION");
    assertThat(pdfText(caseNo, "NO_PENALTY_DECISION")).contains("湖州测试印染有限公司");
  }

  @Test
  void aCaseTheHeadDoesNotFileIsClosedAsNotFiled() {
    String caseNo = start(TestCases.enterpriseWater());
    String pid = driver.instanceOf(caseNo);
    driver.complete(pid, "Task_ProposeFiling", TestCases.of("filingReason", "群众举报，经初步核查线索不实。",
        "officerOpinion", "建议不予立案。"));
    driver.complete(pid, "Task_ApproveFiling", TestCases.of("filingApproved", "false",
        "headOpinion", "违法事实不能成立，不予立案。"));

    assertClosed(caseNo, pid, "NOT_FILED");
    assertThat(discretionCount(caseNo)).isZero();
    assertThat(documentTypes(caseNo)).isEmpty();
    assertThat(getCase(caseNo).get("discretion")).isEmpty();
  }

  @Test
  void aSuspectedCrimeIsTransferredToThePolice() {
    String caseNo = start(TestCases.enterpriseSerious());
    String pid = driver.instanceOf(caseNo);
    proposeAndApproveFiling(pid);
    investigate(pid, true);
    assertThat(runtime.getVariable(pid, "transferDue")).isNotNull();
    driver.complete(pid, "Task_ApproveTransfer", TestCases.of("transferApproved", "true",
        "transferNote", "涉嫌污染环境罪，依法移送公安机关。"));

    // the police answer in the called clue-transfer (issue 13)
    String transfer = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult().getId();
    driver.complete(transfer, "Task_ReviewTransfer", TestCases.of("transferAccepted", "true",
        "receiverOpinion", "公安机关决定立案侦查。"));
    assertClosed(caseNo, pid, "TRANSFERRED_TO_POLICE");
    assertThat(discretionCount(caseNo)).isZero();
    assertThat(documentTypes(caseNo)).containsExactlyInAnyOrder("FILING_APPROVAL", "TRANSFER_LETTER", "TRANSFER_RECEIPT");
  }

  @Test
  void aDecisionRevokedInLitigationClosesTheCase() {
    String caseNo = start(TestCases.enterpriseSerious());
    String pid = driver.instanceOf(caseNo);
    double fine = decideAndServe(pid, true);

    driver.complete(pid, "Task_MonitorPayment", TestCases.of("paid", "false", "remedyFiled", "LITIGATION",
        "remedyFiledDate", Dates.today().toString()));
    assertThat(status(caseNo)).isEqualTo("PAYMENT");
    driver.complete(pid, "Task_RecordRemedyResult", TestCases.of("remedyResult", "REVOKED",
        "remedyDecidedDate", Dates.today().toString(), "remedyNote", "人民法院判决撤销原行政处罚决定。"));

    assertClosed(caseNo, pid, "REVOKED");
    assertDiscretionRecorded(caseNo, pid, fine);
    JsonNode view = getCase(caseNo);
    assertThat(view.get("penalty").get("remedyResult").asText()).isEqualTo("REVOKED");
    assertThat(view.get("penalty").get("legalReviewRequired").asBoolean()).isTrue();
  }

  // --- the walk ---------------------------------------------------------------------------------------------

  private String start(Map<String, Object> variables) {
    String caseNo = TestCases.caseNo();
    assertThat(launcher.start(caseNo, variables)).isEqualTo(caseNo);
    return caseNo;
  }

  private void proposeAndApproveFiling(String pid) {
    driver.complete(pid, "Task_ProposeFiling", TestCases.of(
        "filingReason", "当事人涉嫌违反生态环境保护法律法规，依法应予立案调查。", "officerOpinion", "建议立案。"));
    driver.complete(pid, "Task_ApproveFiling", TestCases.of("filingApproved", "true", "headOpinion", "同意立案。"));
  }

  private void investigate(String pid, boolean crimeSuspected) {
    driver.complete(pid, "Task_Investigate", TestCases.of(
        "evidence", "现场检查（勘察）笔录\n调查询问笔录\n监测报告",
        "officers", "张三、李四",
        "crimeSuspected", String.valueOf(crimeSuspected),
        "measure", "NONE"));
  }

  /**
   * Filing to service of the penalty decision with the benchmark fine; returns the fine. A serious case needs the
   * legal review (hearing right) and, for its size, a collective discussion.
   */
  private double decideAndServe(String pid, boolean legalReviewExpected) {
    proposeAndApproveFiling(pid);
    investigate(pid, false);
    double fine = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    assertThat(fine).isPositive();
    driver.complete(pid, "Task_ProposePenalty", TestCases.of("proposedFine", fine,
        "penaltyReason", "违法事实清楚，证据确凿，按裁量基准处罚。"));
    assertThat(runtime.getVariable(pid, "legalReviewRequired")).isEqualTo(legalReviewExpected);
    driver.complete(pid, "Task_ServePriorNotice", java.util.Map.of("noticeServedDate", cn.ecolaw.platform.shared.Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    driver.complete(pid, "Task_RecordStatement", TestCases.of("statementSubmitted", "false"));
    driver.complete(pid, "Task_ReviewStatement", TestCases.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "当事人未提出陈述申辩意见。"));
    if (legalReviewExpected) {
      driver.complete(pid, "Task_LegalReview", TestCases.of("legalReviewPassed", "true",
          "legalReviewOpinion", "事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。"));
    }
    driver.complete(pid, "Task_ApproveDecision", TestCases.of("decisionApproved", "true",
        "collectiveDiscussionHeld", true, "headOpinion", "经集体讨论，同意。"));
    driver.complete(pid, "Task_ServeDecision", TestCases.of("serviceDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法人"));
    assertThat(openTaskKeys(pid)).containsExactly("Task_MonitorPayment");
    return fine;
  }

  // --- checks -------------------------------------------------------------------------------------------------

  private void assertClosed(String caseNo, String pid, String outcome) {
    assertThat(ended(pid)).as("process of %s ended", caseNo).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap(
        "select status, outcome, process_instance_id from case_file where case_no = ?", caseNo);
    assertThat(row.get("status")).isEqualTo("CLOSED");
    assertThat(row.get("outcome")).isEqualTo(outcome);
    assertThat(row.get("process_instance_id")).isEqualTo(pid);
    assertThat(historicValue(pid, "caseOutcome")).isEqualTo(outcome);

    JsonNode view = getCase(caseNo);
    assertThat(view.get("caseNo").asText()).isEqualTo(caseNo);
    assertThat(view.get("processInstanceId").asText()).isEqualTo(pid);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("statusLabel").asText()).isEqualTo("已结案");
    assertThat(view.get("active").asBoolean()).isFalse();
    assertThat(view.get("outcome").asText()).isEqualTo(outcome);
    assertThat(view.get("outcomeLabel").asText()).isNotBlank().isNotEqualTo(outcome);
    assertThat(view.get("currentTasks")).isEmpty();
  }

  private void assertDiscretionRecorded(String caseNo, String pid, double fine) {
    Map<String, Object> record = discretionRow(caseNo);
    assertThat(record.get("decision_key")).isEqualTo("penalty-discretion");
    assertThat((BigDecimal) record.get("fine_amount")).isEqualByComparingTo(BigDecimal.valueOf(fine));
    assertThat((BigDecimal) record.get("officer_fine")).isEqualByComparingTo(BigDecimal.valueOf(fine));
    assertThat((String) record.get("inputs_json")).contains("WATER_EXCEED");
    assertDecisionVersion(record, pid);

    JsonNode discretion = getCase(caseNo).get("discretion");
    assertThat(discretion.get("decisionKey").asText()).isEqualTo("penalty-discretion");
    assertThat(discretion.get("decisionVersion").asInt()).isEqualTo(record.get("decision_version"));
    assertThat(discretion.get("fineAmount").asDouble()).isEqualTo(fine);
    assertThat(discretion.get("officerFine").asDouble()).isEqualTo(fine);
  }

  /** The row names the deployed decision it was evaluated with, and the process saw the same version. */
  private void assertDecisionVersion(Map<String, Object> record, String pid) {
    DecisionDefinition definition = repository.getDecisionDefinition((String) record.get("decision_definition_id"));
    assertThat(definition.getKey()).isEqualTo("penalty-discretion");
    assertThat(record.get("decision_version")).isEqualTo(definition.getVersion());
    assertThat(historicValue(pid, "discretionDecisionVersion")).isEqualTo(definition.getVersion());
  }

  private Map<String, Object> discretionRow(String caseNo) {
    assertThat(discretionCount(caseNo)).as("discretion records of %s", caseNo).isEqualTo(1);
    return jdbc.queryForMap("select * from discretion_record where case_no = ?", caseNo);
  }

  private int discretionCount(String caseNo) {
    return jdbc.queryForObject("select count(*) from discretion_record where case_no = ?", Integer.class, caseNo);
  }

  private List<String> documentTypes(String caseNo) {
    return jdbc.queryForList("select doc_type from case_document where case_no = ? order by id", String.class,
        caseNo);
  }

  private String pdfText(String caseNo, String type) {
    byte[] pdf = jdbc.queryForObject(
        "select pdf from case_document where case_no = ? and doc_type = ? order by version desc limit 1",
        byte[].class, caseNo, type);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String status(String caseNo) {
    return jdbc.queryForObject("select status from case_file where case_no = ?", String.class, caseNo);
  }

  private JsonNode getCase(String caseNo) {
    PlatformHttp.Response response = http.get("/api/cases/" + PlatformHttp.enc(caseNo));
    assertThat(response.status()).as("GET case %s: %s", caseNo, response.json()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode onlyRelated(JsonNode view) {
    JsonNode related = view.get("relatedProcesses");
    assertThat(related).hasSize(1);
    return related.get(0);
  }

  private boolean ended(String pid) {
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    return pi != null && pi.getEndTime() != null;
  }

  private Object historicValue(String pid, String name) {
    var v = history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(name).list();
    assertThat(v).as("variable %s of %s", name, pid).hasSize(1);
    return v.get(0).getValue();
  }

  private List<String> openTaskKeys(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getTaskDefinitionKey).toList();
  }
}
