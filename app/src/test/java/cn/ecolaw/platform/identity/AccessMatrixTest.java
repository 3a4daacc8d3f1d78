package cn.ecolaw.platform.identity;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what: every demo user, an anonymous caller and a wrong password against every {@code /api} endpoint
 * (discovered from Spring MVC: an endpoint without an entry here fails the test) and the main {@code /engine-rest}
 * endpoints, on real cases: one bureau case handed to the court, one not.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  static final String ANONYMOUS = "(匿名)";
  static final String WRONG_PASSWORD = "(密码错误)";
  /** The user whose password is given wrong; unlocked after each attempt (Camunda delays logins after a failure). */
  static final String WRONG_PASSWORD_USER = "officer1";

  static final List<String> USERS = DemoUsers.ROLES.stream().map(DemoUsers.Role::userId).toList();
  static final Set<String> BUREAU = Set.of("officer1", "officer2", "officer3", "legal1", "head1");
  /** The bureau's enforcement officers (eco-officer). */
  static final Set<String> OFFICERS = Set.of("officer1", "officer2", "officer3");
  /** Every user of a unit's case groups other than the court (they see the suggestion's definition, not its start). */
  static final Set<String> OTHER_CASE_GROUPS = Set.of("officer1", "officer2", "officer3", "legal1", "head1",
      "mediator1", "appraiser1", "reviewer1", "reviewer2", "arbiter1", "prosecutor1", "police1", "nr1", "agri1",
      "expert1");
  static final Set<String> COURT = Set.of("filing1", "judge1", "exec1");
  static final Set<String> ADMIN = Set.of("admin");
  static final Set<String> ANALYST = Set.of("analyst1");
  static final Set<String> REVIEW = Set.of("reviewer1", "reviewer2", "arbiter1");
  /** Dashboard readers: the bureau's supervisor and head (their bureau), the provincial reviewer (all units). */
  static final Set<String> DASHBOARD = Set.of("supervisor1", "head1", "reviewer2");
  static final Set<String> EVERYONE = Set.copyOf(USERS);
  /** Issue 13: the member units that receive transfers and join consultations. */
  static final Set<String> POLICE = Set.of("police1");
  static final Set<String> EXPERT = Set.of("expert1");
  /** Every user of a unit that handles cases (all but the policy analyst and the administrator). */
  static final Set<String> CASE_UNITS = USERS.stream().filter(u -> !u.equals("analyst1") && !u.equals("admin"))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  /** Wrong passwords from this test are many; the throttle (issue 8) would answer 429 after a few. */
  @Autowired LoginThrottle throttle;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired CaseLauncher launcher;
  @Autowired CaseAccess access;
  @Autowired cn.ecolaw.platform.cooperation.ClueTransfers transfers;
  @Autowired cn.ecolaw.platform.cooperation.Consultations consultations;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

  /** A bureau case handed to the court (waiting for the court's result) and one the court never received. */
  String handed;
  String handedPid;
  String courtPid;
  long handedDocument;
  String other;
  String otherPid;
  long otherDocument;
  /** The bureau officer's appraisal in the case never handed to the court. */
  String otherAppraisalPid;
  /** A pollution source of the roster and an open inspection (执法任务指派). */
  String sourceId;
  String inspectionNo;
  @Autowired cn.ecolaw.platform.dispatch.DispatchRoster roster;
  @Autowired cn.ecolaw.platform.dispatch.Inspections inspections;
  /** Issue 13: a bureau case whose materials were transferred to the police (移送函 sent), and its transfer. */
  String toPolice;
  String toPolicePid;
  String transferNo;
  long transferLetter;
  /** A consultation in the case {@link #other} with the police and an expert, one document shared. */
  String consultationNo;

  /** Once per class; in @BeforeEach because process test coverage records engine work inside a test only. */
  @BeforeEach
  void realCases() {
    if (handed != null) {
      return;
    }
    Logins.ensureDemoUsers(identity, filters, tasks);
    handed = TestCases.caseNo();
    handedPid = start(handed);
    walkToCourtApplication(handedPid);
    ResponseEntity<String> applied = call("head1", HttpMethod.POST,
        "/engine-rest/task/" + task(handedPid, "Task_PrepareCourtApplication").getId() + "/complete",
        Map.of("variables", typed(of("enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请人民法院强制执行"))));
    assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(204);
    String docketNo = (String) runtime.getVariable(handedPid, "courtDocketNo");
    courtPid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(docketNo).singleResult().getId();
    handedDocument = firstDocument(handed);

    other = TestCases.caseNo();
    otherPid = start(other);
    complete(otherPid, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete(otherPid, "Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    otherDocument = firstDocument(other);
    ResponseEntity<String> appraisal = call("officer1", HttpMethod.POST, "/api/cases/{c}/appraisals",
        appraisal("BUREAU"), other);
    assertThat(appraisal.getStatusCode().value()).as(appraisal.getBody()).isEqualTo(201);
    otherAppraisalPid = runtime.createProcessInstanceQuery().processDefinitionKey("appraisal")
        .variableValueEquals("caseNo", other).list().get(0).getId();
    cn.ecolaw.platform.dispatch.DispatchFixture.officers(roster);
    sourceId = cn.ecolaw.platform.dispatch.DispatchFixture.nearWuxing(roster, "吴兴区").sourceId();
    inspectionNo = inspections.complaint(Map.of("sourceId", sourceId, "complaintContent", "异味")).inspectionNo();

    toPolice = TestCases.caseNo();
    toPolicePid = start(toPolice);
    complete(toPolicePid, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    Map<String, Object> sent = transfers.request(of("senderUnit", "unit-bureau", "receiverUnit", "unit-police",
        "kind", "CRIME", "caseNo", toPolice, "subject", "湖州测试印染有限公司", "facts", "暗管排放含铬废水"));
    transferNo = (String) sent.get("transferNo");
    complete((String) sent.get("processInstanceId"), "Task_ApproveSending", "transferApprovalGranted", "true",
        "approvalNote", "同意移送");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> letters = (List<Map<String, Object>>) transfers.get(transferNo).get("documents");
    transferLetter = ((Number) letters.get(0).get("id")).longValue();
    consultationNo = (String) consultations.convene(other, of("convenerUnit", "unit-bureau", "question", "是否逃避监管？",
        "participants", List.of("unit-police", "unit-expert"), "documentIds", List.of(otherDocument)))
        .get("consultationNo");
  }

  // ------------------------------------------------------------------------------------------------ the matrix

  @Test
  void everyUserOnEveryEndpointGetsExactlyTheAnswerOfTheMatrix() {
    List<Probe> probes = probes();
    Set<String> inMatrix = new TreeSet<>();
    probes.forEach(p -> inMatrix.add(p.endpoint()));
    assertThat(inMatrix).as("权限矩阵中缺少 /api 端点（新端点必须在 AccessMatrixTest 中写明谁可以访问）")
        .containsAll(apiEndpoints());

    List<String> subjects = new ArrayList<>(USERS);
    subjects.add(ANONYMOUS);
    subjects.add(WRONG_PASSWORD);
    List<String> wrong = new ArrayList<>();
    int checks = 0;
    for (Probe probe : probes) {
      for (String subject : subjects) {
        Call c = probe.call().get();
        ResponseEntity<String> response = send(subject, c);
        if (WRONG_PASSWORD.equals(subject)) {
          identity.unlockUser(WRONG_PASSWORD_USER);
          throttle.forget(WRONG_PASSWORD_USER);
        }
        int expected = probe.expected().get(subject);
        checks++;
        if (answer(probe, response) != expected) {
          wrong.add(String.format("%-60s %-12s 期望 %d 实际 %d %s", probe.endpoint() + " " + probe.label(), subject,
              expected, answer(probe, response), abbreviate(response.getBody())));
        }
      }
    }
    long endpoints = probes.stream().map(Probe::endpoint).distinct().count();
    System.out.printf("权限矩阵：%d 个主体（%d 个演示用户 + 匿名 + 密码错误）× %d 个探测（%d 个端点：/api %d 个，"
            + "/engine-rest %d 个）= %d 次检查%n", subjects.size(), USERS.size(), probes.size(), endpoints,
        apiEndpoints().size(), endpoints - apiEndpoints().size(), checks);
    assertThat(wrong).as("与权限矩阵不符的回答").isEmpty();
    assertThat(checks).isEqualTo(subjects.size() * probes.size());
  }

  List<Probe> probes() {
    List<Probe> p = new ArrayList<>();
    // application API
    p.add(probe("GET /api/cases", "", everyone(200), () -> get("/api/cases")));
    p.add(probe("GET /api/session", "", everyone(200), () -> get("/api/session")));
    p.add(probe("POST /api/cases", "", only(200 + 1, 403, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/cases", withCaseNo(TestCases.enterpriseWater(), TestCases.caseNo()))));
    for (boolean toCourt : new boolean[] {true, false}) {
      String caseNo = toCourt ? handed : other;
      long doc = toCourt ? handedDocument : otherDocument;
      String label = toCourt ? "已移交法院的案件" : "未移交的案件";
      Map<String, Integer> readers = toCourt ? only(200, 403, BUREAU, COURT, ADMIN) : only(200, 403, BUREAU, ADMIN);
      p.add(probe("GET /api/cases/{caseNo}", label, readers, () -> get("/api/cases/{c}", caseNo)));
      p.add(probe("GET /api/cases/{caseNo}/documents", label, readers, () -> get("/api/cases/{c}/documents", caseNo)));
      p.add(probe("GET /api/cases/{caseNo}/trail", label, readers, () -> get("/api/cases/{c}/trail", caseNo)));
      p.add(probe("GET /api/cases/{caseNo}/documents/{id}/docx", label, readers,
          () -> get("/api/cases/{c}/documents/{id}/docx", caseNo, doc)));
      p.add(probe("GET /api/cases/{caseNo}/documents/{id}/pdf", label, readers,
          () -> get("/api/cases/{c}/documents/{id}/pdf", caseNo, doc)));
      // the electronic dossier and the machine checks: exactly as the case (issue 12)
      p.add(probe("GET /api/cases/{caseNo}/dossier.pdf", label, readers, () -> get("/api/cases/{c}/dossier.pdf", caseNo)));
      p.add(probe("GET /api/cases/{caseNo}/dossier/versions", label, readers,
          () -> get("/api/cases/{c}/dossier/versions", caseNo)));
      p.add(probe("GET /api/cases/{caseNo}/checks", label, readers, () -> get("/api/cases/{c}/checks", caseNo)));
      // only the bureau applies for its case's injunction; these cases have no continuing violation (409)
      p.add(probe("POST /api/cases/{caseNo}/injunction", label, only(409, 403, BUREAU, ADMIN),
          () -> new Call(HttpMethod.POST, "/api/cases/{c}/injunction", Map.of("urgent", true, "facts", "持续排放",
              "harmEvidence", "监测数据", "requestedMeasures", "停止排放", "securityProvided", true,
              "securityAmount", 100000), caseNo)));
      // asking for an appraisal in a case: whoever may see the case and start an appraisal (bureau, court), in its
      // own unit's name only (UNIT-002: the court does not commission "requestedBy BUREAU", nor the bureau COURT)
      p.add(probe("POST /api/cases/{caseNo}/appraisals", label + "（以生态环境局名义）", only(201, 403, BUREAU, ADMIN),
          () -> new Call(HttpMethod.POST, "/api/cases/{c}/appraisals", appraisal("BUREAU"), caseNo)));
      p.add(probe("POST /api/cases/{caseNo}/appraisals", label + "（以法院名义）",
          toCourt ? only(201, 403, COURT, ADMIN) : only(201, 403, ADMIN),
          () -> new Call(HttpMethod.POST, "/api/cases/{c}/appraisals", appraisal("COURT"), caseNo)));
    }
    // issue 13: a case transferred to the police is read by the police, no other case of the bureau is
    p.add(probe("GET /api/cases/{caseNo}", "移送公安的案件", only(200, 403, BUREAU, POLICE, ADMIN),
        () -> get("/api/cases/{c}", toPolice)));
    p.add(probe("GET /api/cases/{caseNo}/documents", "移送公安的案件", only(200, 403, BUREAU, POLICE, ADMIN),
        () -> get("/api/cases/{c}/documents", toPolice)));
    // 线索移送: every member unit may transfer to another unit (not to itself: CLUE-002); the analyst belongs to no
    // case-handling unit (CLUE-008); the administrator must name the sending unit (CLUE-007)
    // the supervisor reads figures and handles no cases: no transfers (CLUE-008)
    p.add(probe("POST /api/clues", "移送农业农村局", except(except(except(only(201, 403, CASE_UNITS), Set.of("agri1"), 400),
        ADMIN, 400), Set.of("supervisor1"), 403), () -> new Call(HttpMethod.POST, "/api/clues", of("receiverUnit", "unit-agriculture", "kind", "CLUE",
            "subject", "湖州测试养殖场", "facts", "养殖废水直排河道"))));
    p.add(probe("GET /api/clues", "", everyone(200), () -> get("/api/clues")));
    Map<String, Integer> transferReaders = only(200, 403, BUREAU, POLICE, ADMIN);
    p.add(probe("GET /api/clues/{transferNo}", "局移送公安", transferReaders, () -> get("/api/clues/{t}", transferNo)));
    p.add(probe("GET /api/clues/{transferNo}/documents/{id}/{format}", "移送函", transferReaders,
        () -> get("/api/clues/{t}/documents/{id}/pdf", transferNo, transferLetter)));
    // 会商: the bureau convenes in its case; the invited police and expert read it and the shared document
    p.add(probe("POST /api/cases/{caseNo}/consultations", "未移交的案件", only(201, 403, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/cases/{c}/consultations", of("convenerUnit", "unit-bureau",
            "question", "裁量是否适当？", "participants", List.of("unit-expert")), other)));
    p.add(probe("GET /api/consultations", "", everyone(200), () -> get("/api/consultations")));
    Map<String, Integer> consultationReaders = only(200, 403, BUREAU, POLICE, EXPERT, ADMIN);
    p.add(probe("GET /api/consultations/{consultationNo}", "", consultationReaders,
        () -> get("/api/consultations/{n}", consultationNo)));
    p.add(probe("GET /api/consultations/{consultationNo}/documents/{id}/pdf", "共享的文书", consultationReaders,
        () -> get("/api/consultations/{n}/documents/{id}/pdf", consultationNo, otherDocument)));
    // issue 12: the workspace lists the caller's visible cases (empty for the others); a case's timeline as the case
    for (boolean toCourt : new boolean[] {true, false}) {
      String caseNo = toCourt ? handed : other;
      String label = toCourt ? "已移交法院的案件" : "未移交的案件";
      Map<String, Integer> readers = toCourt ? only(200, 403, BUREAU, COURT, ADMIN) : only(200, 403, BUREAU, ADMIN);
      p.add(probe("GET /api/cases/{caseNo}/timeline", label, readers, () -> get("/api/cases/{c}/timeline", caseNo)));
    }
    p.add(probe("GET /api/workspace/cases", "", everyone(200), () -> get("/api/workspace/cases")));
    // 一源一档: the party of both cases; the bureau sees it, the court sees the one handed case, others nothing (404)
    // (and the police, to whom one of the party's cases was transferred: it sees that one)
    p.add(probe("GET /api/parties/{partyId}", "", only(200, 404, BUREAU, COURT, POLICE, ADMIN),
        () -> get("/api/parties/{p}", TestCases.enterpriseWater().get("partyId"))));
    p.add(probe("GET /api/cases/{caseNo}", "不存在的案号", only(404, 404, ADMIN),
        () -> get("/api/cases/{c}", "测环罚〔2026〕1号")));
    p.add(probe("GET /api/cases/{caseNo}/dossier.pdf", "不存在的案号", only(404, 404, ADMIN),
        () -> get("/api/cases/{c}/dossier.pdf", "湖环罚〔2026〕999999号")));
    p.add(probe("GET /api/cases/{caseNo}/checks", "不存在的案号", only(404, 404, ADMIN),
        () -> get("/api/cases/{c}/checks", "湖环罚〔2026〕999999号")));
    p.add(probe("GET /api/calendar/add-working-days", "", everyone(200),
        () -> get("/api/calendar/add-working-days?from=2026-09-30&days=1")));
    p.add(probe("GET /api/calendar/add-calendar-days", "", everyone(200),
        () -> get("/api/calendar/add-calendar-days?from=2026-09-30&days=15")));
    p.add(probe("GET /api/calendar/{year}", "", everyone(200), () -> get("/api/calendar/2026")));
    // case review: the sheet is read by all; the review office draws samples; the office and the analyst publish
    // sheets (an empty draft: 400 for those allowed, nothing published); statistics for office, analyst, bureau head
    p.add(probe("GET /api/reviews/sheet", "", everyone(200), () -> get("/api/reviews/sheet")));
    p.add(probe("GET /api/reviews/sheet/{version}", "", everyone(200), () -> get("/api/reviews/sheet/1")));
    p.add(probe("POST /api/reviews/sheet", "空评查表", only(400, 403, REVIEW, ANALYST, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/reviews/sheet", Map.of("note", "空"))));
    p.add(probe("POST /api/reviews/samples", "抽查数量为0", only(400, 403, REVIEW, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/reviews/samples", Map.of("count", 0))));
    p.add(probe("GET /api/reviews/statistics", "", only(200, 403, REVIEW, ANALYST, Set.of("head1"), ADMIN),
        () -> get("/api/reviews/statistics")));
    // supervisors' dashboards: the supervisor and the head (own bureau), the provincial reviewer and the administrator
    // (all units); the figures come from Elasticsearch, off in these tests: 503 (ANA-503) for those allowed; review
    // results come from the database; a bad parameter is 400 for those allowed, 403 for the others
    p.add(probe("GET /api/analytics/caseload", "", only(503, 403, DASHBOARD, ADMIN),
        () -> get("/api/analytics/caseload?by=domain")));
    p.add(probe("GET /api/analytics/caseload", "统计维度无效", only(400, 403, DASHBOARD, ADMIN),
        () -> get("/api/analytics/caseload?by=party")));
    p.add(probe("GET /api/analytics/deadlines", "", only(503, 403, DASHBOARD, ADMIN),
        () -> get("/api/analytics/deadlines")));
    p.add(probe("GET /api/analytics/fine-consistency", "", only(503, 403, DASHBOARD, ADMIN),
        () -> get("/api/analytics/fine-consistency")));
    p.add(probe("GET /api/analytics/headline", "", only(503, 403, DASHBOARD, ADMIN),
        () -> get("/api/analytics/headline")));
    p.add(probe("GET /api/analytics/reviews", "", only(200, 403, DASHBOARD, ADMIN),
        () -> get("/api/analytics/reviews")));

    // case search: every user may search (what they find is limited in the query, SearchIT); these contexts run
    // without Elasticsearch, so the answer is 503 SEARCH-503; the rebuild is the administrator's alone
    p.add(probe("GET /api/search", "未配置搜索服务", everyone(503), () -> get("/api/search?q=印染")));
    p.add(probe("POST /api/admin/search/reindex", "未配置搜索服务", only(503, 403, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/admin/search/reindex", Map.of())));
    p.add(probe("GET /api/admin/search/reindex", "", only(200, 403, ADMIN), () -> get("/api/admin/search/reindex")));

    // 执法任务指派 (issue 13): the bureau reports alarms and registers complaints; the head draws (count 0: 400, nothing
    // drawn); officers add photos to an inspection (a JSON body is no photo: 400); the head (and eco-supervisor, no demo
    // user here) reads the summary
    p.add(probe("POST /api/alarms", "", only(201, 403, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/alarms", cn.ecolaw.platform.dispatch.DispatchFixture.alarm(sourceId))));
    p.add(probe("POST /api/inspections/complaints", "", only(201, 403, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/inspections/complaints", Map.of("sourceId", sourceId,
            "complaintContent", "夜间偷排"))));
    p.add(probe("POST /api/inspections/draws", "抽取数量为0", only(400, 403, Set.of("head1"), ADMIN),
        () -> new Call(HttpMethod.POST, "/api/inspections/draws", Map.of("count", 0))));
    p.add(probe("GET /api/inspections/summary", "", only(200, 403, Set.of("head1", "supervisor1"), ADMIN),
        () -> get("/api/inspections/summary")));
    p.add(probe("POST /api/inspections/{inspectionNo}/photos", "不是照片", only(400, 403, OFFICERS, ADMIN),
        () -> new Call(HttpMethod.POST, "/api/inspections/{n}/photos", Map.of("photo", "x"), inspectionNo)));
    // 司法建议: the court drafts in a case handed to it; the other units see the definition (their reply tasks) but
    // may not start it; inspections start from /api only (DOOR-001 for the bureau; the administrator's bare start: 400)
    p.add(probe("POST /engine-rest/process-definition/key/judicial-suggestion/submit-form", "已移交法院的案件",
        except(only(200, 404, COURT, ADMIN), OTHER_CASE_GROUPS, 403),
        () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/judicial-suggestion/submit-form",
            Map.of("variables", typed(of("caseNo", handed, "addresseeUnit", "unit-bureau", "suggestionSubject",
                "在线监测监管", "problemsFound", "在线监测设备长期故障", "suggestionContent", "建立定期核查制度"))))));
    p.add(probe("POST /engine-rest/process-definition/key/inspection-dispatch/start", "",
        except(only(400, 404, ADMIN), BUREAU, 403),
        () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/inspection-dispatch/start",
            Map.of("variables", Map.of()))));
    // decision workbench (issue 11): published decisions and their suites are read by all; drafts, tests, what-if
    // and publishing are the policy analyst's only (WB-006), the administrator included among the refused
    p.add(probe("GET /api/decisions", "", everyone(200), () -> get("/api/decisions")));
    p.add(probe("GET /api/decisions/{key}", "", everyone(200), () -> get("/api/decisions/review-grade")));
    p.add(probe("GET /api/decisions/{key}/suites", "", everyone(200), () -> get("/api/decisions/review-grade/suites")));
    p.add(probe("PUT /api/decisions/{key}/suites", "无用例的用例集", only(400, 403, ANALYST),
        () -> new Call(HttpMethod.PUT, "/api/decisions/review-grade/suites", Map.of("name", "空"))));
    p.add(probe("GET /api/decisions/{key}/drafts", "", only(200, 403, ANALYST),
        () -> get("/api/decisions/review-grade/drafts")));
    p.add(probe("POST /api/decisions/{key}/drafts", "原样的草稿", only(201, 403, ANALYST),
        () -> new Call(HttpMethod.POST, "/api/decisions/review-grade/drafts",
            Map.of("xml", publishedXml("review-grade"), "reason", "权限矩阵"))));
    p.add(probe("GET /api/decisions/drafts/{id}", "", only(200, 403, ANALYST),
        () -> get("/api/decisions/drafts/" + discretionDraft())));
    p.add(probe("GET /api/decisions/drafts/{id}/diff", "", only(200, 403, ANALYST),
        () -> get("/api/decisions/drafts/" + discretionDraft() + "/diff")));
    p.add(probe("POST /api/decisions/drafts/{id}/test", "评查等次的草稿", only(200, 403, ANALYST),
        () -> new Call(HttpMethod.POST, "/api/decisions/drafts/" + gradeDraft() + "/test", Map.of())));
    p.add(probe("POST /api/decisions/drafts/{id}/what-if", "", only(200, 403, ANALYST),
        () -> new Call(HttpMethod.POST, "/api/decisions/drafts/" + discretionDraft() + "/what-if", Map.of())));
    p.add(probe("POST /api/decisions/drafts/{id}/publish", "未写发布理由", only(400, 403, ANALYST),
        () -> new Call(HttpMethod.POST, "/api/decisions/drafts/" + discretionDraft() + "/publish", Map.of())));

    // Camunda REST API
    p.add(probe("GET /engine-rest/task", "", everyone(200), () -> get("/engine-rest/task")));
    p.add(probe("POST /engine-rest/task/{id}/complete", "执法人员的任务", only(204, 403, OFFICERS, ADMIN),
        () -> new Call(HttpMethod.POST, "/engine-rest/task/" + task(start(TestCases.caseNo()), "Task_ProposeFiling")
            .getId() + "/complete", Map.of("variables", typed(of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"))))));
    p.add(probe("GET /engine-rest/process-instance", "", everyone(200), () -> get("/engine-rest/process-instance")));
    p.add(probe("GET /engine-rest/history/process-instance", "", everyone(200),
        () -> get("/engine-rest/history/process-instance")));
    for (boolean toCourt : new boolean[] {true, false}) {
      String pid = toCourt ? handedPid : otherPid;
      String label = toCourt ? "已移交法院的案件" : "未移交的案件";
      Map<String, Integer> readers = toCourt ? only(200, 404, BUREAU, COURT, ADMIN) : only(200, 404, BUREAU, ADMIN);
      p.add(probe("GET /engine-rest/process-instance/{id}", label, readers, () -> get("/engine-rest/process-instance/" + pid)));
      p.add(probe("GET /engine-rest/history/process-instance/{id}", label, readers,
          () -> get("/engine-rest/history/process-instance/" + pid)));
    }
    p.add(probe("GET /engine-rest/process-instance/{id}", "法院的非诉执行案件", only(200, 404, BUREAU, COURT, ADMIN),
        () -> get("/engine-rest/process-instance/" + courtPid)));
    p.add(probe("GET /engine-rest/process-instance/{id}", "移送公安的案件", only(200, 404, BUREAU, POLICE, ADMIN),
        () -> get("/engine-rest/process-instance/" + toPolicePid)));
    // by key: a user who may not read the definition does not find it (404); one who reads but may not start: 403
    p.add(probe("POST /engine-rest/process-definition/key/enforcement-case/start", "", only(200, 404, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/enforcement-case/start",
            Map.of("businessKey", TestCases.caseNo(), "variables", typed(TestCases.enterpriseWater())))));
    p.add(probe("POST /engine-rest/process-definition/key/enforcement-case/submit-form", "",
        only(200, 404, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/enforcement-case/submit-form",
            Map.of("businessKey", TestCases.caseNo(), "variables", typed(TestCases.enterpriseWater())))));
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(CaseLauncher.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    p.add(probe("POST /engine-rest/process-definition/{id}/start", "enforcement-case", only(200, 403, BUREAU, ADMIN),
        () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/" + definitionId + "/start",
            Map.of("businessKey", TestCases.caseNo(), "variables", typed(TestCases.enterpriseWater())))));
    p.add(probe("POST /engine-rest/process-definition/key/non-litigation-execution/start", "",
        except(except(only(200, 404, ADMIN), COURT, 403), BUREAU, 403),
        () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/non-litigation-execution/start",
            Map.of("businessKey", "（2026）浙0502行审9" + System.nanoTime() % 1000 + "号",
                "variables", typed(of("caseNo", "测环罚〔2026〕2号"))))));
    p.add(probe("GET /engine-rest/decision-definition", "", everyone(200), () -> get("/engine-rest/decision-definition")));
    p.add(probe("POST /engine-rest/decision-definition/key/penalty-discretion/evaluate", "",
        only(200, 404, ANALYST, ADMIN),
        () -> new Call(HttpMethod.POST, "/engine-rest/decision-definition/key/penalty-discretion/evaluate",
            Map.of("variables", typed(TestCases.enterpriseWater())))));
    p.add(probe("POST /engine-rest/deployment/create", "决策表", only(200, 403, ANALYST, ADMIN), this::deployment));
    engineDoors(p);
    return p;
  }

  /**
   * The engine's doors for a case (issue 8, part 3): starting a process that names a case, reading and writing
   * instance and task variables, history, messages — each unit only in its own cases and those handed to it, as
   * {@code /api} decides. A list answer in which the caller finds nothing is written 404 here ({@link Probe#list}).
   */
  void engineDoors(List<Probe> p) {
    Set<String> appraisers = Set.of("appraiser1");
    Set<String> mediators = Set.of("mediator1");
    for (boolean toCourt : new boolean[] {true, false}) {
      String caseNo = toCourt ? handed : other;
      String label = toCourt ? "已移交法院的案件" : "未移交法院的局案件";
      // 修复令: the court orders, in the cases handed to it only (UNIT-001); the bureau reads but does not start
      p.add(probe("POST /engine-rest/process-definition/key/restoration/start", label,
          except(toCourt ? only(200, 404, COURT, ADMIN) : except(only(200, 404, ADMIN), COURT, 403), BUREAU, 403),
          () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/restoration/start",
              Map.of("variables", typed(restorationOrder(caseNo))))));
      // 鉴定委托 in the bureau's name / in the court's name
      p.add(probe("POST /engine-rest/process-definition/key/appraisal/submit-form", label + "（以生态环境局名义）",
          except(except(only(200, 404, BUREAU, ADMIN), COURT, 403), appraisers, 403),
          () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/appraisal/submit-form",
              Map.of("variables", typed(withCaseNo(appraisal("BUREAU"), caseNo))))));
      p.add(probe("POST /engine-rest/process-definition/key/appraisal/submit-form", label + "（以法院名义）",
          except(except(toCourt ? only(200, 404, COURT, ADMIN) : except(only(200, 404, ADMIN), COURT, 403),
              BUREAU, 403), appraisers, 403),
          () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/appraisal/submit-form",
              Map.of("variables", typed(withCaseNo(appraisal("COURT"), caseNo))))));
      // 禁止令 applied in a case: the bureau in its own cases, the court only in those handed to it
      p.add(probe("POST /engine-rest/process-definition/key/injunction/submit-form", label,
          toCourt ? only(200, 404, BUREAU, COURT, ADMIN) : except(only(200, 404, BUREAU, ADMIN), COURT, 403),
          () -> endRunningInjunctions(caseNo, new Call(HttpMethod.POST,
              "/engine-rest/process-definition/key/injunction/submit-form",
              Map.of("variables", typed(of("applicant", "湖州市某村村民委员会", "applicantType", "INJURED_ORGANISATION",
                  "respondent", "湖州测试印染有限公司", "respondentType", "ENTERPRISE", "caseNo", caseNo,
                  "preSuit", "false", "urgent", "false", "facts", "持续排放", "harmEvidence", "监测数据",
                  "requestedMeasures", "停止排放", "securityProvided", "false")))))));
      // a case number is no field of the dispute's start form: the engine doors refuse it (FORM-022, 400) to everyone
      // who may see the form; the administrator, past the doors, is told a dispute is numbered as a dispute (MED-007)
      p.add(probe("POST /engine-rest/process-definition/key/mediation-routing/submit-form", label + "（以局的案号作纠纷编号）",
          only(400, 404, COURT, mediators, ADMIN),
          () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/mediation-routing/submit-form",
              Map.of("variables", typed(of("caseNo", caseNo, "applicant", "湖州市某村村民委员会",
                  "respondent", "湖州测试印染有限公司", "caseCategory", "POLLUTION_DAMAGE", "publicInterest", "false",
                  "claimAmount", 120000, "partiesConsent", "true", "facts", "鱼塘因排污死鱼，请求赔偿"))))));
      // the review office reviews drawn files only: it may not start a review in a case not drawn (UNIT-001)
      p.add(probe("POST /engine-rest/process-definition/key/case-review/start", label,
          except(except(only(ADMIN_REVIEW_START, 404, ADMIN), REVIEW, 403), BUREAU, 403),
          () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/case-review/start",
              Map.of("businessKey", "评查-矩阵-" + System.nanoTime(), "variables", typed(of("caseNo", caseNo, "reviewedUnit", "湖州市生态环境局"))))));
      // 诉前调解 and 司法确认 are the court's: not in a bureau case it was not handed
      p.add(probe("POST /engine-rest/process-definition/key/judicial-confirmation/start", label,
          except(toCourt ? only(200, 404, COURT, ADMIN) : except(only(200, 404, ADMIN), COURT, 403), mediators, 403),
          () -> new Call(HttpMethod.POST, "/engine-rest/process-definition/key/judicial-confirmation/start",
              Map.of("variables", typed(of("caseNo", caseNo, "agreementType", "COMPENSATION",
                  "applicants", "湖州市生态环境局、湖州测试印染有限公司", "agreementDate", Dates.today().toString(),
                  "agreementTerms", "赔偿义务人于三十日内支付生态环境损害赔偿金二十万元"))))));

      String pid = toCourt ? handedPid : otherPid;
      Map<String, Integer> readers = toCourt ? only(200, 404, BUREAU, COURT, ADMIN) : only(200, 404, BUREAU, ADMIN);
      p.add(probe("GET /engine-rest/process-instance/{id}/variables", label,
          toCourt ? only(200, 403, BUREAU, COURT, ADMIN) : only(200, 403, BUREAU, ADMIN),
          () -> get("/engine-rest/process-instance/" + pid + "/variables")));
      p.add(listProbe("GET /engine-rest/variable-instance", label, readers,
          () -> get("/engine-rest/variable-instance?processInstanceIdIn=" + pid)));
      p.add(listProbe("GET /engine-rest/history/process-instance", label, readers,
          () -> get("/engine-rest/history/process-instance?processInstanceId=" + pid)));
      p.add(listProbe("GET /engine-rest/history/variable-instance", label, readers,
          () -> get("/engine-rest/history/variable-instance?processInstanceId=" + pid)));
      p.add(listProbe("GET /engine-rest/history/detail", label, readers,
          () -> get("/engine-rest/history/detail?processInstanceId=" + pid)));
      p.add(listProbe("GET /engine-rest/history/activity-instance", label, readers,
          () -> get("/engine-rest/history/activity-instance?processInstanceId=" + pid)));
      // writing an instance's variables: the administrator only (UPDATE_INSTANCE is nobody else's)
      p.add(probe("PUT /engine-rest/process-instance/{id}/variables/{name}", label, only(204, 403, ADMIN),
          () -> new Call(HttpMethod.PUT, "/engine-rest/process-instance/" + pid + "/variables/matrixProbe",
              Map.of("value", "x", "type", "String"))));
    }
    // messages into a case: the court's result reaches the bureau's case from the court's process (engine-internal),
    // never from a user but the administrator (the handed case waits for it; the last probe of that case)
    p.add(probe("POST /engine-rest/message", "已移交法院的案件（CourtEnforcementResult）", only(204, 403, ADMIN),
        () -> new Call(HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "CourtEnforcementResult",
            "processInstanceId", handedPid, "processVariables", typed(of("courtOutcome", "GRANTED"))))));
    // the bureau's appraisal in the case never handed to the court: the bureau reads it, the court and the
    // appraisal institution (not commissioned yet) do not
    Map<String, Integer> appraisalReaders = only(200, 404, BUREAU, ADMIN);
    p.add(probe("GET /engine-rest/process-instance/{id}/variables", "局的鉴定委托（未移交法院）",
        only(200, 403, BUREAU, ADMIN), () -> get("/engine-rest/process-instance/" + otherAppraisalPid + "/variables")));
    p.add(listProbe("GET /engine-rest/variable-instance", "局的鉴定委托（未移交法院）", appraisalReaders,
        () -> get("/engine-rest/variable-instance?processInstanceIdIn=" + otherAppraisalPid)));
    p.add(listProbe("GET /engine-rest/history/process-instance", "局的鉴定委托（未移交法院）", appraisalReaders,
        () -> get("/engine-rest/history/process-instance?processInstanceId=" + otherAppraisalPid)));
    p.add(listProbe("GET /engine-rest/history/variable-instance", "局的鉴定委托（未移交法院）", appraisalReaders,
        () -> get("/engine-rest/history/variable-instance?processInstanceId=" + otherAppraisalPid)));
    p.add(listProbe("GET /engine-rest/history/detail", "局的鉴定委托（未移交法院）", appraisalReaders,
        () -> get("/engine-rest/history/detail?processInstanceId=" + otherAppraisalPid)));
    p.add(listProbe("GET /engine-rest/task", "局的鉴定委托（按流程变量查询）", only(200, 404, OFFICERS, ADMIN),
        () -> get("/engine-rest/task?processInstanceId=" + otherAppraisalPid + "&processVariables=caseNo_eq_" + other)));
    // task variables: read by the task's candidate group; written directly by nobody but the administrator
    // (the engine doors refuse the candidate's own direct write: DOOR-002)
    p.add(probe("GET /engine-rest/task/{id}/variables", "执法人员的任务（未移交的案件）",
        only(200, 403, OFFICERS, ADMIN),
        () -> get("/engine-rest/task/" + task(otherPid, "Task_Investigate").getId() + "/variables")));
    p.add(probe("PUT /engine-rest/task/{id}/variables/{name}", "执法人员的任务（未移交的案件）",
        only(204, 403, ADMIN),
        () -> new Call(HttpMethod.PUT, "/engine-rest/task/" + task(otherPid, "Task_Investigate").getId()
            + "/variables/matrixProbe", Map.of("value", "x", "type", "String"))));
  }

  /** The administrator may start a review of any file without drawing it. */
  static final int ADMIN_REVIEW_START = 200;

  static Map<String, Object> appraisal(String requestedBy) {
    return of("requestedBy", requestedBy, "category", "SURFACE_WATER", "matter", "水体污染损害数额",
        "parties", "湖州测试印染有限公司", "estimatedAmount", 900000);
  }

  static Map<String, Object> restorationOrder(String caseNo) {
    return of("caseNo", caseNo, "respondent", "湖州测试印染有限公司", "site", "东苕溪吴兴段河岸带",
        "damageDescription", "含铬废水造成约2000平方米河岸土壤污染", "restorationRequirements", "清挖污染土壤并异位修复",
        "restorationDeadline", Dates.today().plusMonths(6).toString(), "fallbackCost", 860000);
  }

  // ---------------------------------------------------------------------------------- what each one sees

  @Test
  void theCourtSeesTheCaseHandedToItButNotTheBureausOthers() throws Exception {
    assertThat(caseNumbers("filing1")).contains(handed).doesNotContain(other);
    assertThat(caseNumbers("judge1")).contains(handed).doesNotContain(other);
    assertThat(caseNumbers("officer1")).contains(handed, other);
    assertThat(caseNumbers("admin")).contains(handed, other);
    assertThat(caseNumbers("analyst1")).isEmpty();
    assertThat(caseNumbers("mediator1")).isEmpty();

    JsonNode seenByCourt = JSON.readTree(call("judge1", HttpMethod.GET, "/api/cases/{c}", null, handed).getBody());
    assertThat(seenByCourt.at("/caseNo").asText()).isEqualTo(handed);
    assertThat(seenByCourt.at("/party/name").asText()).isEqualTo("湖州测试印染有限公司");

    ResponseEntity<String> refused = call("judge1", HttpMethod.GET, "/api/cases/{c}", null, other);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(JSON.readTree(refused.getBody()).at("/code").asText()).isEqualTo("AUTH-003");
    assertThat(JSON.readTree(refused.getBody()).at("/message").asText()).contains("无权查看案件" + other);

    assertThat(access.grantsOf(handed)).extracting(CaseAccessRepository.Grant::unit)
        .containsExactly("unit-bureau", "unit-court");
    assertThat(access.grantsOf(handed).get(1).reason()).startsWith("申请非诉执行（");
    assertThat(access.grantsOf(other)).extracting(CaseAccessRepository.Grant::unit).containsExactly("unit-bureau");
  }

  @Test
  void tasksAreSeenOnlyByTheirGroups() throws Exception {
    assertThat(taskKeys("filing1", courtPid)).containsExactly("Task_ReviewApplication");
    assertThat(taskKeys("judge1", courtPid)).isEmpty();
    assertThat(taskKeys("officer1", courtPid)).isEmpty();
    assertThat(taskKeys("admin", courtPid)).containsExactly("Task_ReviewApplication");
    assertThat(taskKeys("officer1", otherPid)).containsExactly("Task_Investigate");
    assertThat(taskKeys("head1", otherPid)).isEmpty();
    assertThat(taskKeys("filing1", otherPid)).isEmpty();
    assertThat(taskKeys("analyst1", otherPid)).isEmpty();
  }

  @Test
  void refusalsAreInChinese() throws Exception {
    ResponseEntity<String> anonymous = call(ANONYMOUS, HttpMethod.GET, "/api/cases", null);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(JSON.readTree(anonymous.getBody()).at("/code").asText()).isEqualTo("AUTH-001");
    assertThat(JSON.readTree(anonymous.getBody()).at("/message").asText()).contains("请先登录");

    ResponseEntity<String> wrong = call(WRONG_PASSWORD, HttpMethod.GET, "/api/cases", null);
    identity.unlockUser(WRONG_PASSWORD_USER);
    throttle.forget(WRONG_PASSWORD_USER);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.getBody()).at("/message").asText()).contains("用户名或密码错误");

    ResponseEntity<String> start = call("filing1", HttpMethod.POST, "/api/cases",
        withCaseNo(TestCases.enterpriseWater(), TestCases.caseNo()));
    assertThat(start.getStatusCode().value()).isEqualTo(403);
    assertThat(JSON.readTree(start.getBody()).at("/code").asText()).isEqualTo("AUTH-004");
    assertThat(JSON.readTree(start.getBody()).at("/message").asText()).contains("无权登记");

    assertThat(call(ANONYMOUS, HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value()).isEqualTo(401);
  }

  /**
   * The court hand-off and the timers with authorization on: timers fire as engine-internal work (as the job
   * executor does), the head applies to the court through REST, the court accepts and rules through REST, and the
   * bureau's case ends with the court's result.
   */
  @Test
  void courtHandOffAndTimersWorkWithAuthorizationOn() throws Exception {
    String caseNo = TestCases.caseNo();
    String pid = start(caseNo);
    walkToCourtApplication(pid);
    assertStatus(204, call("head1", HttpMethod.POST,
        "/engine-rest/task/" + task(pid, "Task_PrepareCourtApplication").getId() + "/complete",
        Map.of("variables", typed(of("enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请")))));
    String court = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey((String) runtime.getVariable(pid, "courtDocketNo")).singleResult().getId();

    assertStatus(403, call("judge1", HttpMethod.POST, "/engine-rest/task/" + task(court, "Task_ReviewApplication")
        .getId() + "/complete", Map.of("variables", typed(of("courtAccepted", "true")))));
    assertStatus(204, call("filing1", HttpMethod.POST, "/engine-rest/task/" + task(court, "Task_ReviewApplication")
        .getId() + "/complete", Map.of("variables", typed(of("courtAccepted", "true", "acceptanceNote", "符合受理条件")))));
    assertStatus(204, call("judge1", HttpMethod.POST, "/engine-rest/task/" + task(court, "Task_ChooseReviewMode")
        .getId() + "/complete", Map.of("variables", typed(of("reviewMode", "WRITTEN")))));
    assertStatus(204, call("judge1", HttpMethod.POST, "/engine-rest/task/" + task(court, "Task_ReviewAndRule")
        .getId() + "/complete", Map.of("variables", typed(of("enforcementGranted", "true", "executedBy", "AGENCY",
            "rulingReason", "决定合法")))));
    // 裁执分离: the bureau's officer executes the ruling inside the court's process; the court's officer may not
    Map<String, Object> executed = Map.of("variables", typed(of("agencyExecutionDate", Dates.today().toString(),
        "agencyAmountCollected", 1000d, "agencyExecutionRecord", "组织实施完毕")));
    assertStatus(403, call("exec1", HttpMethod.POST, "/engine-rest/task/" + task(court, "Task_ExecuteByAgency")
        .getId() + "/complete", executed));
    assertStatus(204, call("officer1", HttpMethod.POST, "/engine-rest/task/" + task(court, "Task_ExecuteByAgency")
        .getId() + "/complete", executed));

    JsonNode seenByBureau = JSON.readTree(call("officer1", HttpMethod.GET, "/api/cases/{c}", null, caseNo).getBody());
    assertThat(seenByBureau.at("/outcome").asText()).isEqualTo("COURT_ENFORCEMENT");
    assertThat(seenByBureau.at("/relatedProcesses/0/processInstanceId").asText()).isEqualTo(court);
    JsonNode seenByCourt = JSON.readTree(call("exec1", HttpMethod.GET, "/api/cases/{c}", null, caseNo).getBody());
    assertThat(seenByCourt.at("/outcome").asText()).isEqualTo("COURT_ENFORCEMENT");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  record Call(HttpMethod method, String url, Object body, Object... vars) {}

  /** A draft of the discretion benchmark saved by the analyst, for the workbench's draft endpoints. */
  Long discretionDraft;

  long discretionDraft() {
    if (discretionDraft == null) {
      ResponseEntity<String> saved = call("analyst1", HttpMethod.POST, "/api/decisions/penalty-discretion/drafts",
          Map.of("xml", publishedXml("penalty-discretion"), "reason", "权限矩阵"));
      assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(201);
      try {
        discretionDraft = JSON.readTree(saved.getBody()).get("id").asLong();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return discretionDraft;
  }

  /** A draft of review-grade (tested without the discretion benchmark's sweep of generated inputs). */
  Long gradeDraft;

  long gradeDraft() {
    if (gradeDraft == null) {
      ResponseEntity<String> saved = call("analyst1", HttpMethod.POST, "/api/decisions/review-grade/drafts",
          Map.of("xml", publishedXml("review-grade"), "reason", "权限矩阵"));
      assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(201);
      try {
        gradeDraft = JSON.readTree(saved.getBody()).get("id").asLong();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return gradeDraft;
  }

  String publishedXml(String key) {
    try {
      return JSON.readTree(call("officer1", HttpMethod.GET, "/api/decisions/" + key, null).getBody()).get("xml").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** @param list a list endpoint: a 200 with an empty list counts as 404 (the caller finds nothing) */
  /**
   * One running injunction per case (INJ-007, 409): each user's application is probed on a case without one, so the
   * matrix sees the access decision, not the previous user's injunction.
   */
  Call endRunningInjunctions(String caseNo, Call call) {
    runtime.createProcessInstanceQuery().processDefinitionKey("injunction").variableValueEquals("caseNo", caseNo)
        .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "权限矩阵探测"));
    return call;
  }

  record Probe(String endpoint, String label, Map<String, Integer> expected, Supplier<Call> call, boolean list) {}

  static Probe probe(String endpoint, String label, Map<String, Integer> expected, Supplier<Call> call) {
    return new Probe(endpoint, label, expected, call, false);
  }

  static Probe listProbe(String endpoint, String label, Map<String, Integer> expected, Supplier<Call> call) {
    return new Probe(endpoint, label, expected, call, true);
  }

  /** The answer as the matrix counts it: for a list probe, 404 when the list is empty. */
  static int answer(Probe probe, ResponseEntity<String> response) {
    int status = response.getStatusCode().value();
    if (probe.list() && status == 200) {
      try {
        return JSON.readTree(response.getBody()).isEmpty() ? 404 : 200;
      } catch (java.io.IOException e) {
        return 200;
      }
    }
    return status;
  }

  static Call get(String url, Object... vars) {
    return new Call(HttpMethod.GET, url, null, vars);
  }

  /** Everyone signed in gets {@code ok}; anonymous and wrong password 401. */
  static Map<String, Integer> everyone(int ok) {
    return only(ok, ok, EVERYONE);
  }

  /** The users in the groups get {@code ok}, the other users {@code denied}; anonymous and wrong password 401. */
  @SafeVarargs
  static Map<String, Integer> only(int ok, int denied, Set<String>... allowed) {
    Set<String> yes = new LinkedHashSet<>();
    Stream.of(allowed).forEach(yes::addAll);
    Map<String, Integer> m = new LinkedHashMap<>();
    USERS.forEach(u -> m.put(u, yes.contains(u) ? ok : denied));
    m.put(ANONYMOUS, 401);
    m.put(WRONG_PASSWORD, 401);
    return m;
  }

  /** The same answers, but {@code status} for these users. */
  static Map<String, Integer> except(Map<String, Integer> answers, Set<String> users, int status) {
    Map<String, Integer> m = new LinkedHashMap<>(answers);
    users.forEach(u -> m.put(u, status));
    return m;
  }

  /** "GET /api/cases/{caseNo}" for every handler method of Spring MVC under /api. */
  Set<String> apiEndpoints() {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
      Set<String> methods = new TreeSet<>();
      info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.equals("/api")) {
          methods.forEach(m -> out.add(m + " " + pattern));
        }
      }
    }
    return out;
  }

  ResponseEntity<String> send(String subject, Call c) {
    return call(subject, c.method(), c.url(), c.body(), c.vars());
  }

  ResponseEntity<String> call(String subject, HttpMethod method, String url, Object body, Object... vars) {
    HttpHeaders headers = new HttpHeaders();
    if (WRONG_PASSWORD.equals(subject)) {
      headers.set(HttpHeaders.AUTHORIZATION, Logins.basic(WRONG_PASSWORD_USER, "not-the-password"));
    } else if (!ANONYMOUS.equals(subject)) {
      headers.set(HttpHeaders.AUTHORIZATION, Logins.basic(subject));
    }
    if (body != null && !(body instanceof MultiValueMap)) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    } else if (body != null) {
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    }
    return http.exchange(url, method, new HttpEntity<>(body, headers), String.class, vars);
  }

  Call deployment() {
    String key = "matrixProbe";
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="matrix-probe" name="权限矩阵探测"
            namespace="http://ecolaw.cn/dmn">
          <decision id="%s" name="权限矩阵探测">
            <decisionTable id="table">
              <input id="in"><inputExpression id="expr" typeRef="integer"><text>n</text></inputExpression></input>
              <output id="out" name="ok" typeRef="boolean"/>
              <rule id="r1"><inputEntry id="e1"><text>-</text></inputEntry><outputEntry id="o1"><text>true</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "权限矩阵探测");
    form.add("data", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "matrix-probe.dmn";
      }
    });
    return new Call(HttpMethod.POST, "/engine-rest/deployment/create", form);
  }

  List<String> caseNumbers(String user) throws Exception {
    ResponseEntity<String> r = call(user, HttpMethod.GET, "/api/cases?limit=500", null);
    assertStatus(200, r);
    List<String> out = new ArrayList<>();
    JSON.readTree(r.getBody()).forEach(n -> out.add(n.at("/caseNo").asText()));
    return out;
  }

  List<String> taskKeys(String user, String processInstanceId) throws Exception {
    ResponseEntity<String> r = call(user, HttpMethod.GET, "/engine-rest/task?processInstanceId=" + processInstanceId,
        null);
    assertStatus(200, r);
    List<String> out = new ArrayList<>();
    JSON.readTree(r.getBody()).forEach(n -> out.add(n.at("/taskDefinitionKey").asText()));
    return out;
  }

  static void assertStatus(int expected, ResponseEntity<String> r) {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(expected);
  }

  /** Camunda REST variables: {"name": {"value": ...}}. */
  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    variables.forEach((k, v) -> out.put(k, Map.of("value", v)));
    return out;
  }

  static Map<String, Object> withCaseNo(Map<String, Object> variables, String caseNo) {
    Map<String, Object> v = new HashMap<>(variables);
    v.put("caseNo", caseNo);
    return v;
  }

  static String abbreviate(String body) {
    return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }

  // Cases are moved along as engine-internal work (no authenticated user), as the demo loader and the job executor do.

  String start(String caseNo) {
    launcher.start(caseNo, TestCases.enterpriseWater());
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
  }

  Task task(String pid, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task %s", key).isNotNull();
    return t;
  }

  void complete(String pid, String key, Object... variables) {
    tasks.complete(task(pid, key).getId(), of(variables));
  }

  void fire(String pid, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    management.executeJob(job.getId());
  }

  void walkToCourtApplication(String pid) {
    complete(pid, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete(pid, "Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    complete(pid, "Task_Investigate", "evidence", "现场检查笔录\n监测报告", "officers", "张伟、刘明",
        "crimeSuspected", "false", "measure", "NONE");
    double benchmark = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    complete(pid, "Task_ProposePenalty", "proposedFine", benchmark, "penaltyReason", "事实清楚，证据确凿");
    complete(pid, "Task_ServePriorNotice", "noticeServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    complete(pid, "Task_RecordStatement", "statementSubmitted", "false");
    complete(pid, "Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", benchmark, "reviewNote", "未提出意见");
    complete(pid, "Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true, "headOpinion", "同意");
    complete(pid, "Task_ServeDecision", "serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    fire(pid, "Timer_RemedyPeriodEnds");
    complete(pid, "Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    fire(pid, "Timer_ReminderPeriod");
  }

  long firstDocument(String caseNo) {
    ResponseEntity<String> r = call("admin", HttpMethod.GET, "/api/cases/{c}/documents", null, caseNo);
    assertStatus(200, r);
    try {
      JsonNode list = JSON.readTree(r.getBody());
      assertThat(list.size()).as("documents of %s", caseNo).isPositive();
      return list.get(0).at("/id").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
