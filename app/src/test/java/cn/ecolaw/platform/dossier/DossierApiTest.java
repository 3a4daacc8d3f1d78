package cn.ecolaw.platform.dossier;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/cases/{caseNo}/dossier.pdf}, {@code /dossier/versions} and {@code /checks} over HTTP as the bureau's
 * officer; and the case review pre-filling the city reviewer's deductions from the machine findings, which the
 * reviewer confirms by keeping a line and rejects by deleting it.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierApiTest {

  @LocalServerPort int port;
  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;

  PlatformHttp officer;
  ClosedCases cases;

  @BeforeEach
  void init() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    officer = new PlatformHttp(port).as("officer1");
    cases = new ClosedCases(launcher, runtime, tasks);
  }

  private HttpResponse<byte[]> pdf(String caseNo, String query) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + enc(caseNo)
        + "/dossier.pdf" + query)).GET();
    return HttpClient.newHttpClient().send(Logins.as(b, "officer1").build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A crafted defect: the file has lost its service receipt. */
  private void dropServiceReceipt(String caseNo) {
    assertThat(jdbc.update("DELETE FROM case_document WHERE case_no = ? AND doc_type = 'SERVICE_RECEIPT'", caseNo))
        .isEqualTo(1);
  }

  @Test
  void dossierIsAPdfWithItsVersionAndAChineseFileName() throws Exception {
    String caseNo = cases.paid();

    HttpResponse<byte[]> r = pdf(caseNo, "");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(r.headers().firstValue("X-Dossier-Version")).hasValue("1");
    assertThat(r.headers().firstValue("X-Dossier-SHA256")).hasValue(DossierService.sha256(r.body()));
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename=\"dossier-v1.pdf\"", "filename*=UTF-8''" + enc("电子卷宗-" + caseNo + "-第1版.pdf"));
    assertThat(new String(r.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf(caseNo, "?version=1").body()).isEqualTo(r.body());
    assertThat(jdbc.queryForList("SELECT user_id FROM audit_entry WHERE case_no = ? AND action = 'DOCUMENT_DOWNLOADED'"
        + " AND target = '电子卷宗 第1版'", String.class, caseNo)).as("each reading leaves a trace")
        .containsExactly("officer1", "officer1");
  }

  @Test
  void versionsAreListedWithTheirReasonAndLink() {
    String caseNo = cases.paid();

    JsonNode versions = officer.getOk("/api/cases/" + enc(caseNo) + "/dossier/versions");

    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("reason").asText()).isEqualTo("结案自动归档（已缴纳罚款结案）");
    assertThat(versions.get(0).get("pdfUrl").asText()).endsWith("/dossier.pdf?version=1");
    assertThat(versions.get(0).get("sha256").asText()).hasSize(64);
  }

  @Test
  void badOrUnknownVersionIsRefusedInChinese() throws Exception {
    String caseNo = cases.paid();

    PlatformHttp.Response bad = officer.get("/api/cases/" + enc(caseNo) + "/dossier.pdf?version=abc");
    PlatformHttp.Response unknown = officer.get("/api/cases/" + enc(caseNo) + "/dossier.pdf?version=9");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("code")).isEqualTo("DOSSIER-001");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("code")).isEqualTo("DOSSIER-404");
    assertThat(unknown.text("message")).contains("没有第9版电子卷宗");
  }

  @Test
  void checksOfACleanFileAreEmptyAndOfACraftedDefectNameItsSheetItem() {
    String caseNo = cases.paid();
    assertThat(officer.getOk("/api/cases/" + enc(caseNo) + "/checks")).isEmpty();

    dropServiceReceipt(caseNo);
    JsonNode findings = officer.getOk("/api/cases/" + enc(caseNo) + "/checks");

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("item").asText()).isEqualTo("SER-02");
    assertThat(findings.get(0).get("title").asText()).isEqualTo("送达无送达回证");
    assertThat(findings.get(0).get("severity").asText()).isEqualTo("DEDUCT");
    assertThat(findings.get(0).get("detail").asText()).contains("案卷中没有送达回证");
  }

  @Test
  void aStoredDecisionWhosePdfCannotBeReadIsAFindingNotAServerFailure() {
    String caseNo = cases.paid();
    assertThat(jdbc.update("UPDATE case_document SET pdf = ? WHERE case_no = ? AND doc_type = 'PENALTY_DECISION'",
        "不是PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8), caseNo)).isPositive();

    JsonNode findings = officer.getOk("/api/cases/" + enc(caseNo) + "/checks");

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("check").asText()).isEqualTo("UNREADABLE_DOCUMENT");
    assertThat(findings.get(0).get("item").asText()).isEqualTo("ARC-01");
    assertThat(findings.get(0).get("title").asText()).isEqualTo("行政处罚决定书无法读取");
  }

  // ------------------------------------------------------------------ the review pre-filled from the findings

  private String reviewOf(String caseNo) {
    PlatformHttp.Response r = new PlatformHttp(port).post("/api/reviews/samples", Map.of("caseNos", List.of(caseNo)));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("drawn").get(0).get("processInstanceId").asText();
  }

  private String task(String pid, String key) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult().getId();
  }

  private void submit(String user, String taskId, Map<String, String> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    PlatformHttp.Response r = new PlatformHttp(port).as(user)
        .post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    assertThat(r.status()).as(r.text()).isEqualTo(204);
  }

  private List<Boolean> judged(String pid) {
    return jdbc.queryForList("SELECT confirmed FROM review_machine_finding WHERE process_instance_id = ? ORDER BY id",
        Boolean.class, pid);
  }

  @Test
  void reviewPrefillsTheCityDeductionsFromTheFindingsAndRecordsTheReviewersConfirmation() {
    String caseNo = cases.paid();
    dropServiceReceipt(caseNo);
    String pid = reviewOf(caseNo);
    String city = task(pid, "Task_CityScoring");

    JsonNode prefilled = new PlatformHttp(port).as("reviewer1").getOk("/engine-rest/task/" + city + "/variables");
    String deductions = prefilled.get("cityDeductions").get("value").asText();
    assertThat(deductions).startsWith("SER-02 2 【机检】送达无送达回证：");
    assertThat(prefilled.get("machineFindings").get("value").asText()).contains("SER-02（扣分）送达无送达回证");

    submit("reviewer1", city, Map.of("cityVetoFailed", "false", "cityOpinion", "送达回证缺失属实。",
        "cityDeductions", deductions));
    submit("reviewer2", task(pid, "Task_ProvinceScoring"), Map.of("provinceVetoFailed", "false",
        "provinceOpinion", "同意。", "provinceDeductions", "SER-02 2 未见送达回证"));

    assertThat(judged(pid)).containsExactly(true);
  }

  @Test
  void aFindingTheCityReviewerDeletesIsRecordedAsRejected() {
    String caseNo = cases.paid();
    dropServiceReceipt(caseNo);
    String pid = reviewOf(caseNo);

    submit("reviewer1", task(pid, "Task_CityScoring"), Map.of("cityVetoFailed", "false",
        "cityOpinion", "送达回证另卷保存，不扣分。", "cityDeductions", ""));
    submit("reviewer2", task(pid, "Task_ProvinceScoring"), Map.of("provinceVetoFailed", "false",
        "provinceOpinion", "同意。"));

    assertThat(judged(pid)).containsExactly(false);
  }

  @Test
  void aFileTheMachineCannotReadIsStillReviewedByHand() {
    String caseNo = cases.paid();
    jdbc.update("UPDATE case_document SET pdf = ? WHERE case_no = ? AND doc_type = 'PENALTY_DECISION'",
        new byte[] {'x'}, caseNo);

    String pid = reviewOf(caseNo);

    JsonNode vars = new PlatformHttp(port).as("reviewer1")
        .getOk("/engine-rest/task/" + task(pid, "Task_CityScoring") + "/variables");
    assertThat(vars.get("machineFindings").get("value").asText()).startsWith("机器检查未能完成").endsWith("请人工评查。");
    assertThat(vars.has("cityDeductions")).isFalse();
  }

  @Test
  void aCleanFileIsReviewedWithNothingPrefilled() {
    String caseNo = cases.paid();
    String pid = reviewOf(caseNo);

    JsonNode vars = new PlatformHttp(port).as("reviewer1")
        .getOk("/engine-rest/task/" + task(pid, "Task_CityScoring") + "/variables");

    assertThat(vars.has("cityDeductions")).isFalse();
    assertThat(vars.get("machineFindings").get("value").asText()).isEqualTo("机器检查未发现问题。");
  }
}
