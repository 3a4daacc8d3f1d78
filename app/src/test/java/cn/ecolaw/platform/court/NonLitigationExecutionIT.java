package cn.ecolaw.platform.court;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the real PostgreSQL server: an unpaid fine goes from the bureau's {@code enforcement-case} to the court's
 * {@code non-litigation-execution} and the result comes back to the bureau's case. The judge reads the bureau's file
 * (the case and the documents named in {@code documentIds}) over HTTP; the bureau reads the court's rulings among its
 * case's documents. Two paths: granted and executed by the court's enforcement officer; refused, challenged by the
 * bureau, revoked by the higher court and executed by the bureau (裁执分离).
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NonLitigationExecutionIT {

  @Autowired private CaseLauncher launcher;
  @Autowired private ProcessDriver driver;
  @Autowired private RuntimeService runtime;
  @Autowired private HistoryService history;
  @Autowired private JdbcTemplate jdbc;
  @LocalServerPort private int port;

  private PlatformHttp http;

  @BeforeEach
  void connect() {
    http = new PlatformHttp(port);
  }

  @Test
  void anUnpaidFineIsGrantedExecutedByTheCourtAndTheResultClosesTheBureausCase() throws Exception {
    String caseNo = TestCases.caseNo();
    String pid = toCourt(caseNo);
    ProcessInstance court = courtOf(caseNo);
    String docketNo = court.getBusinessKey();
    assertThat(docketNo).matches("（" + Dates.today().getYear() + "）浙0502行审[1-9]\\d*号");

    // the judge sees the bureau's file: the case and every document the application names
    JsonNode file = getOk("/api/cases/" + PlatformHttp.enc(caseNo));
    assertThat(file.get("status").asText()).isEqualTo("AT_COURT");
    assertThat(file.get("relatedProcesses").get(0).get("businessKey").asText()).isEqualTo(docketNo);
    List<String> applied = List.of(((String) runtime.getVariable(court.getId(), "documentIds")).split(","));
    assertThat(documentIds(caseNo)).containsAll(applied);
    assertThat(titles(caseNo)).contains("行政处罚决定书", "催告书", "强制执行申请书");

    driver.complete(court.getId(), "Task_ReviewApplication", TestCases.of("courtAccepted", "true",
        "acceptanceNote", "申请材料齐全，符合受理条件。"));
    driver.complete(court.getId(), "Task_ChooseReviewMode", TestCases.of("reviewMode", "WRITTEN"));
    driver.complete(court.getId(), "Task_ReviewAndRule", TestCases.of("enforcementGranted", "true",
        "rulingReason", "行政处罚决定认定事实清楚，适用法律正确，程序合法。"));
    assertThat(openTasks(court.getId())).containsExactly("Task_ExecuteByCourt");
    double due = ((Number) runtime.getVariable(court.getId(), "amountDue")).doubleValue();
    driver.complete(court.getId(), "Task_ExecuteByCourt", TestCases.of("executionDate", Dates.today().toString(),
        "amountCollected", due, "executionRecord", "冻结并划拨被执行人银行存款，执行完毕。"));

    assertClosedWith(caseNo, pid, "GRANTED");
    assertThat(historicValue(pid, "courtExecutedBy")).isEqualTo("COURT");
    assertThat(historicValue(pid, "courtAmountCollected")).isEqualTo(due);
    assertThat(historicValue(court.getId(), "caseOutcome")).isEqualTo("GRANTED");
    // the bureau sees the court's documents under its own case number
    assertThat(titles(caseNo)).contains("强制执行申请受理通知书", "准予强制执行裁定书");
    assertThat(pdfText(caseNo, "ENFORCEMENT_GRANTED_RULING")).contains(docketNo, caseNo, "准予强制执行", "湖州测试印染有限公司");
    JsonNode closed = getOk("/api/cases/" + PlatformHttp.enc(caseNo));
    assertThat(closed.get("outcome").asText()).isEqualTo("COURT_ENFORCEMENT");
    assertThat(closed.get("penalty").get("courtResult").asText()).isEqualTo("GRANTED");
  }

  @Test
  void aRefusalChallengedByTheBureauIsRevokedAndTheBureauExecutesTheRuling() throws Exception {
    String caseNo = TestCases.caseNo();
    String pid = toCourt(caseNo);
    String courtId = courtOf(caseNo).getId();

    driver.complete(courtId, "Task_ReviewApplication", TestCases.of("courtAccepted", "true"));
    driver.complete(courtId, "Task_ChooseReviewMode", TestCases.of("reviewMode", "HEARING",
        "reviewModeNote", "被执行人主张监测数据有误。"));
    driver.complete(courtId, "Task_HearBothSides", TestCases.of("hearingDate", Dates.today().toString(),
        "hearingRecord", "双方陈述意见。"));
    driver.complete(courtId, "Task_ReviewAndRule", TestCases.of("enforcementGranted", "false",
        "refusalGround", "NO_FACTUAL_BASIS", "rulingReason", "认定的超标倍数缺乏监测报告支持。"));
    driver.complete(courtId, "Task_ServeRefusal", TestCases.of("serviceDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法制"));
    assertThat(titles(caseNo)).contains("不准予强制执行裁定书");
    assertThat(status(caseNo)).as("the bureau's case waits for the final result").isEqualTo("AT_COURT");
    driver.complete(courtId, "Task_ConsiderChallenge", TestCases.of("challengeFiled", "true",
        "challengeReason", "监测报告已随申请提交，原裁定认定有误。"));
    driver.complete(courtId, "Task_DecideChallenge", TestCases.of("refusalRevoked", "true", "executedBy", "AGENCY",
        "challengeDecisionReason", "监测报告足以证明超标事实，原裁定予以撤销。"));
    driver.complete(courtId, "Task_ExecuteByAgency", TestCases.of("agencyExecutionDate", Dates.today().toString(),
        "agencyAmountCollected", 100000, "agencyExecutionRecord", "组织实施，收缴罚款100000元。"));

    assertClosedWith(caseNo, pid, "GRANTED");
    assertThat(historicValue(pid, "courtExecutedBy")).isEqualTo("AGENCY");
    assertThat(historicValue(pid, "courtRulingReason")).isEqualTo("监测报告足以证明超标事实，原裁定予以撤销。");
    assertThat(titles(caseNo)).contains("强制执行申请受理通知书", "不准予强制执行裁定书", "不准予强制执行裁定复议决定书");
    assertThat(pdfText(caseNo, "CHALLENGE_DECISION")).contains("湖州市中级人民法院", "撤销原不准予强制执行裁定");
  }

  // --- the bureau's side up to the court ----------------------------------------------------------------------

  private String toCourt(String caseNo) {
    launcher.start(caseNo, TestCases.enterpriseWater());
    String pid = driver.instanceOf(caseNo);
    driver.complete(pid, "Task_ProposeFiling", TestCases.of(
        "filingReason", "当事人涉嫌违反生态环境保护法律法规，依法应予立案调查。", "officerOpinion", "建议立案。"));
    driver.complete(pid, "Task_ApproveFiling", TestCases.of("filingApproved", "true", "headOpinion", "同意立案。"));
    driver.complete(pid, "Task_Investigate", TestCases.of("evidence", "现场检查（勘察）笔录\n调查询问笔录\n监测报告",
        "officers", "张三、李四", "crimeSuspected", "false", "measure", "NONE"));
    double fine = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    driver.complete(pid, "Task_ProposePenalty", TestCases.of("proposedFine", fine, "penaltyReason", "违法事实清楚。"));
    driver.complete(pid, "Task_ServePriorNotice", java.util.Map.of("noticeServedDate", cn.ecolaw.platform.shared.Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    driver.complete(pid, "Task_RecordStatement", TestCases.of("statementSubmitted", "false"));
    driver.complete(pid, "Task_ReviewStatement", TestCases.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "当事人未提出陈述申辩意见。"));
    driver.complete(pid, "Task_ApproveDecision", TestCases.of("decisionApproved", "true",
        "collectiveDiscussionHeld", true, "headOpinion", "同意。"));
    driver.complete(pid, "Task_ServeDecision", TestCases.of("serviceDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法人"));
    driver.fireTimer(pid, "Timer_RemedyPeriodEnds");
    driver.complete(pid, "Task_ServeReminder", TestCases.of("reminderServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "王法人"));
    driver.fireTimer(pid, "Timer_ReminderPeriod");
    driver.complete(pid, "Task_PrepareCourtApplication", TestCases.of("enforcementItems", "罚款及加处罚款",
        "headOpinion", "经催告仍未履行，同意申请人民法院强制执行。"));
    assertThat(status(caseNo)).isEqualTo("AT_COURT");
    return pid;
  }

  // --- checks -------------------------------------------------------------------------------------------------

  private ProcessInstance courtOf(String caseNo) {
    ProcessInstance court = runtime.createProcessInstanceQuery().processDefinitionKey(NonLitigationExecution.PROCESS_KEY)
        .variableValueEquals("caseNo", caseNo).singleResult();
    assertThat(court).as("the court's instance for %s", caseNo).isNotNull();
    return court;
  }

  private void assertClosedWith(String caseNo, String pid, String courtResult) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap("select status, outcome from case_file where case_no = ?", caseNo);
    assertThat(row.get("status")).isEqualTo("CLOSED");
    assertThat(row.get("outcome")).isEqualTo("COURT_ENFORCEMENT");
    assertThat(historicValue(pid, "caseOutcome")).isEqualTo("COURT_ENFORCEMENT");
    assertThat(historicValue(pid, "courtResult")).isEqualTo(courtResult);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NonLitigationExecution.PROCESS_KEY)
        .variableValueEquals("caseNo", caseNo).count()).isZero();
  }

  private JsonNode getOk(String path) {
    PlatformHttp.Response response = http.get(path);
    assertThat(response.status()).as("GET %s: %s", path, response.text()).isEqualTo(200);
    return response.json();
  }

  private List<String> titles(String caseNo) {
    List<String> titles = new ArrayList<>();
    getOk("/api/cases/" + PlatformHttp.enc(caseNo) + "/documents").forEach(d -> titles.add(d.path("title").asText()));
    return titles;
  }

  private List<String> documentIds(String caseNo) {
    List<String> ids = new ArrayList<>();
    getOk("/api/cases/" + PlatformHttp.enc(caseNo) + "/documents").forEach(d -> ids.add(d.path("id").asText()));
    return ids;
  }

  private String status(String caseNo) {
    return jdbc.queryForObject("select status from case_file where case_no = ?", String.class, caseNo);
  }

  private List<String> openTasks(String pid) {
    return runtime.getActiveActivityIds(pid);
  }

  private Object historicValue(String pid, String name) {
    var v = history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(name).list();
    assertThat(v).as("variable %s of %s", name, pid).hasSize(1);
    return v.get(0).getValue();
  }

  private String pdfText(String caseNo, String type) throws Exception {
    byte[] pdf = jdbc.queryForObject(
        "select pdf from case_document where case_no = ? and doc_type = ? order by version desc limit 1",
        byte[].class, caseNo, type);
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
  }
}
