package cn.ecolaw.platform.identity;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.audit.AuditTrail;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Unit isolation on the engine's doors (issue 8, part 3): a unit starts a process in a case, commissions in a unit's
 * name and reads instances through {@code /engine-rest} only as {@code /api} would let it — the case is its own or
 * was handed to it. Each refusal is checked to have changed nothing.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseUnitIsolationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired CaseLauncher launcher;
  @Autowired CaseAccess access;
  @Autowired DocumentService documents;
  @Autowired AuditTrail trail;

  /** A bureau case never handed to the court. */
  String bureauCase;

  @BeforeEach
  void bureauCase() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    bureauCase = TestCases.caseNo();
    launcher.start(bureauCase, TestCases.enterpriseWater());
  }

  // ------------------------------------------------------------------------------------------------ starting

  @Test
  void courtCannotStartRestorationOnBureauCase() throws Exception {
    int documentsBefore = documents.list(bureauCase).size();
    int trailBefore = trail.entries(bureauCase).size();
    long restorationsBefore = runtime.createProcessInstanceQuery().processDefinitionKey("restoration").count();

    ResponseEntity<String> byStart = call("judge1", HttpMethod.POST,
        "/engine-rest/process-definition/key/restoration/start", Map.of("variables", typed(restoration(bureauCase))));
    ResponseEntity<String> byForm = call("judge1", HttpMethod.POST,
        "/engine-rest/process-definition/key/restoration/submit-form",
        Map.of("variables", typed(restoration(bureauCase))));
    Map<String, Object> noCaseNo = restoration(null);
    ResponseEntity<String> byBusinessKey = call("judge1", HttpMethod.POST,
        "/engine-rest/process-definition/key/restoration/start",
        Map.of("businessKey", bureauCase, "variables", typed(noCaseNo)));

    for (ResponseEntity<String> r : List.of(byStart, byForm, byBusinessKey)) {
      assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(403);
      assertThat(message(r)).startsWith("【UNIT-001】").contains("不属于本单位");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("restoration").count())
        .isEqualTo(restorationsBefore);
    assertThat(documents.list(bureauCase)).hasSize(documentsBefore);
    assertThat(trail.entries(bureauCase)).hasSize(trailBefore);
    assertThat(access.grantsOf(bureauCase)).extracting(CaseAccessRepository.Grant::unit).containsExactly("unit-bureau");
  }

  @Test
  void courtCannotSkipTheCheckByStartingAtAnActivityWithoutListeners() {
    Map<String, Object> body = Map.of("variables", typed(restoration(bureauCase)), "skipCustomListeners", true,
        "skipIoMappings", true, "startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "Task_DraftPlan")));
    ResponseEntity<String> r = call("judge1", HttpMethod.POST,
        "/engine-rest/process-definition/key/restoration/start", body);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(403);
    // refused by whichever door check comes first: the engine doors (a start at an activity is an instance
    // modification, DOOR-004) or the unit check (UNIT-001)
    assertThat(message(r)).matches("【(UNIT-001|DOOR-004)】.*");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("restoration")
        .variableValueEquals("caseNo", bureauCase).count()).isZero();
  }

  @Test
  void courtStartsRestorationOnCaseHandedToIt() {
    access.grant(bureauCase, access.courtUnit(), "测试：移交法院");
    ResponseEntity<String> r = call("judge1", HttpMethod.POST,
        "/engine-rest/process-definition/key/restoration/start", Map.of("variables", typed(restoration(bureauCase))));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("restoration")
        .variableValueEquals("caseNo", bureauCase).count()).isEqualTo(1);
  }

  @Test
  void courtCannotStartRestorationOnUnregisteredBureauCaseNumber() {
    String unregistered = TestCases.caseNo();
    ResponseEntity<String> r = call("judge1", HttpMethod.POST,
        "/engine-rest/process-definition/key/restoration/start", Map.of("variables", typed(restoration(unregistered))));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(403);
    assertThat(message(r)).startsWith("【UNIT-003】");
    assertThat(access.grantsOf(unregistered)).isEmpty();
  }

  @Test
  void aCourtDocketNamedFirstByTheCourtIsTheCourts() {
    String docket = "（2026）浙0502民初" + (System.nanoTime() % 100000) + "号";
    assertThat(call("judge1", HttpMethod.POST, "/engine-rest/process-definition/key/restoration/start",
        Map.of("variables", typed(restoration(docket)))).getStatusCode().value()).isEqualTo(200);
    assertThat(access.grantsOf(docket)).extracting(CaseAccessRepository.Grant::unit).containsExactly("unit-court");

    ResponseEntity<String> bureau = call("officer1", HttpMethod.POST, "/api/cases/{c}/appraisals",
        appraisalBody("BUREAU"), docket);
    assertThat(bureau.getStatusCode().value()).as(bureau.getBody()).isIn(403, 404);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("appraisal")
        .variableValueEquals("caseNo", docket).count()).isZero();
  }

  @Test
  void courtCannotApplyForInjunctionInBureauCase() throws Exception {
    Map<String, Object> v = new HashMap<>(of("applicant", "湖州市某村村民委员会", "applicantType", "INJURED_ORGANISATION",
        "respondent", "湖州测试印染有限公司", "respondentType", "ENTERPRISE", "caseNo", bureauCase, "preSuit", "true",
        "urgent", "false", "facts", "持续排放", "harmEvidence", "监测数据", "requestedMeasures", "停止排放",
        "securityProvided", "false"));
    ResponseEntity<String> r = call("filing1", HttpMethod.POST,
        "/engine-rest/process-definition/key/injunction/submit-form", Map.of("variables", typed(v)));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(403);
    assertThat(message(r)).startsWith("【UNIT-001】");
  }

  @Test
  void courtCannotApplyForInjunctionInTheBureausName() throws Exception {
    Map<String, Object> v = new HashMap<>(of("applicant", "湖州市生态环境局", "applicantType", "STATE_ORGAN",
        "respondent", "湖州测试印染有限公司", "respondentType", "ENTERPRISE", "preSuit", "true",
        "urgent", "false", "facts", "持续排放", "harmEvidence", "监测数据", "requestedMeasures", "停止排放",
        "securityProvided", "false"));
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("injunction").count();
    ResponseEntity<String> r = call("filing1", HttpMethod.POST,
        "/engine-rest/process-definition/key/injunction/submit-form", Map.of("variables", typed(v)));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(403);
    assertThat(message(r)).startsWith("【UNIT-002】");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("injunction").count()).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------------- in a unit's name

  @Test
  void officerCannotCommissionAppraisalInCourtName() throws Exception {
    int documentsBefore = documents.list(bureauCase).size();
    ResponseEntity<String> api = call("officer1", HttpMethod.POST, "/api/cases/{c}/appraisals",
        appraisalBody("COURT"), bureauCase);
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(403);
    assertThat(JSON.readTree(api.getBody()).at("/code").asText()).isEqualTo("UNIT-002");
    assertThat(JSON.readTree(api.getBody()).at("/message").asText()).contains("不能以其他单位的名义委托鉴定");

    Map<String, Object> v = new HashMap<>(appraisalBody("COURT"));
    v.put("caseNo", bureauCase);
    ResponseEntity<String> rest = call("officer1", HttpMethod.POST,
        "/engine-rest/process-definition/key/appraisal/submit-form", Map.of("variables", typed(v)));
    assertThat(rest.getStatusCode().value()).as(rest.getBody()).isEqualTo(403);
    assertThat(message(rest)).startsWith("【UNIT-002】");

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("appraisal")
        .variableValueEquals("caseNo", bureauCase).count()).isZero();
    assertThat(documents.list(bureauCase)).hasSize(documentsBefore);

    ResponseEntity<String> own = call("officer1", HttpMethod.POST, "/api/cases/{c}/appraisals",
        appraisalBody("BUREAU"), bureauCase);
    assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(201);
  }

  @Test
  void courtCannotCommissionAppraisalInBureauName() {
    access.grant(bureauCase, access.courtUnit(), "测试：移交法院");
    ResponseEntity<String> r = call("judge1", HttpMethod.POST, "/api/cases/{c}/appraisals", appraisalBody("BUREAU"),
        bureauCase);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(403);
    assertThat(call("judge1", HttpMethod.POST, "/api/cases/{c}/appraisals", appraisalBody("COURT"), bureauCase)
        .getStatusCode().value()).isEqualTo(201);
  }

  // ---------------------------------------------------------------------------------------------- reading

  @Test
  void courtCannotReadBureauAppraisalVariables() throws Exception {
    String pid = bureauAppraisal();
    assertThat(call("officer1", HttpMethod.GET, "/engine-rest/process-instance/" + pid + "/variables", null)
        .getStatusCode().value()).isEqualTo(200);
    for (String user : List.of("judge1", "filing1", "exec1", "mediator1", "reviewer1", "analyst1")) {
      ResponseEntity<String> vars = call(user, HttpMethod.GET, "/engine-rest/process-instance/" + pid + "/variables",
          null);
      assertThat(vars.getStatusCode().value()).as(user + " " + vars.getBody()).isIn(403, 404);
      assertThat(vars.getBody()).doesNotContain("水体污染损害数额");
      assertThat(list(user, "/engine-rest/variable-instance?processInstanceIdIn=" + pid)).as(user).isEmpty();
      assertThat(list(user, "/engine-rest/process-instance?processDefinitionKey=appraisal&variables=caseNo_eq_"
          + bureauCase)).as(user).isEmpty();
      assertThat(list(user, "/engine-rest/task?processVariables=caseNo_eq_" + bureauCase)).as(user).isEmpty();
    }
  }

  @Test
  void courtCannotReadBureauAppraisalHistory() throws Exception {
    String pid = bureauAppraisal();
    assertThat(list("officer1", "/engine-rest/history/variable-instance?processInstanceId=" + pid)).isNotEmpty();
    for (String user : List.of("judge1", "filing1", "exec1", "mediator1", "appraiser1", "reviewer2")) {
      assertThat(call(user, HttpMethod.GET, "/engine-rest/history/process-instance/" + pid, null)
          .getStatusCode().value()).as(user).isIn(403, 404);
      assertThat(list(user, "/engine-rest/history/process-instance?processInstanceId=" + pid)).as(user).isEmpty();
      assertThat(list(user, "/engine-rest/history/variable-instance?processInstanceId=" + pid)).as(user).isEmpty();
      assertThat(list(user, "/engine-rest/history/activity-instance?processInstanceId=" + pid)).as(user).isEmpty();
      assertThat(list(user, "/engine-rest/history/detail?processInstanceId=" + pid)).as(user).isEmpty();
    }
  }

  @Test
  void handingTheCaseToTheCourtLetsItReadTheCasesAppraisals() throws Exception {
    String pid = bureauAppraisal();
    assertThat(list("judge1", "/engine-rest/history/variable-instance?processInstanceId=" + pid)).isEmpty();
    access.grant(bureauCase, access.courtUnit(), "测试：移交法院");
    assertThat(call("judge1", HttpMethod.GET, "/engine-rest/process-instance/" + pid + "/variables", null)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(list("judge1", "/engine-rest/history/variable-instance?processInstanceId=" + pid)).isNotEmpty();
    assertThat(list("mediator1", "/engine-rest/history/variable-instance?processInstanceId=" + pid)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** The bureau's officer asks for an appraisal in the bureau's case (through /api); its instance id. */
  String bureauAppraisal() {
    ResponseEntity<String> r = call("officer1", HttpMethod.POST, "/api/cases/{c}/appraisals", appraisalBody("BUREAU"),
        bureauCase);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processDefinitionKey("appraisal")
        .variableValueEquals("caseNo", bureauCase).singleResult().getId();
  }

  static Map<String, Object> appraisalBody(String requestedBy) {
    return of("requestedBy", requestedBy, "category", "SURFACE_WATER", "matter", "水体污染损害数额",
        "parties", "湖州测试印染有限公司", "estimatedAmount", 900000);
  }

  static Map<String, Object> restoration(String caseNo) {
    Map<String, Object> v = new HashMap<>(of("respondent", "湖州测试化工有限公司",
        "site", "东苕溪吴兴段河岸带", "damageDescription", "含铬废水造成约2000平方米河岸土壤污染",
        "restorationRequirements", "清挖污染土壤并异位修复，恢复河岸植被",
        "restorationDeadline", Dates.today().plusMonths(6).toString(), "fallbackCost", 860000));
    if (caseNo != null) {
      v.put("caseNo", caseNo);
    }
    return v;
  }

  List<JsonNode> list(String user, String url) throws Exception {
    ResponseEntity<String> r = call(user, HttpMethod.GET, url, null);
    assertThat(r.getStatusCode().value()).as(url + " " + r.getBody()).isEqualTo(200);
    List<JsonNode> out = new java.util.ArrayList<>();
    JSON.readTree(r.getBody()).forEach(out::add);
    return out;
  }

  static String message(ResponseEntity<String> r) {
    try {
      return JSON.readTree(r.getBody()).at("/message").asText();
    } catch (Exception e) {
      return String.valueOf(r.getBody());
    }
  }

  ResponseEntity<String> call(String user, HttpMethod method, String url, Object body, Object... vars) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, Logins.basic(user));
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return http.exchange(url, method, new HttpEntity<>(body, headers), String.class, vars);
  }

  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    variables.forEach((k, v) -> out.put(k, Map.of("value", v)));
    return out;
  }
}
