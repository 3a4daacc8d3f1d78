package cn.ecolaw.platform.workspace;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.engine.CaseListDue;
import cn.ecolaw.platform.engine.CaseListIndex;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14: the case list searches every case the unit may see, not the latest 500: 620 of the bureau's cases (a
 * batch of this test's own, registered over two years), an old one found by its party, its credit code and its
 * number; pages of the list; the count of all matching cases in {@code X-Total-Count}; bad parameters refused.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListSearchTest {

  static final int CASES = 620;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired cn.ecolaw.platform.enforcement.CaseLauncher launcher;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired CaseListDue dues;
  @Autowired CaseListIndex caseList;
  @Autowired cn.ecolaw.platform.identity.CaseAccess caseAccess;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  PlatformHttp http;
  // written once for the class (the test database is shared by the test classes of one run)
  static String tag;
  static String oldest;

  @BeforeEach
  void given620CasesOfTheBureauTheOldestTwoYearsAgo() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
    if (tag != null) {
      return;
    }
    String tag = "批量" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    Instant now = Instant.now();
    List<Object[]> files = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String caseNo = "湖环罚〔2024〕" + tag + "-" + i + "号";
      Timestamp at = Timestamp.from(now.minus(CASES - i, ChronoUnit.DAYS).minus(i % 7, ChronoUnit.HOURS));
      files.add(new Object[] {caseNo, tag + "环保科技有限公司" + i, "LEGAL_PERSON", "9133" + tag + String.format("%04d", i),
          "浙江省湖州市" + (i % 2 == 0 ? "吴兴区" : "南浔区"), "WATER", "WATER_EXCEED", "INSPECTION",
          i % 3 == 0 ? "CLOSED" : "INVESTIGATING", at, at});
      grants.add(new Object[] {caseNo, "unit-bureau", at});
    }
    CaseListSearchTest.tag = tag;
    oldest = (String) files.get(0)[0];
    jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
        + " clue_source, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", files);
    jdbc.batchUpdate("INSERT INTO case_access (case_no, unit, granted_at) VALUES (?,?,?)", grants);
  }

  @Test
  void anOlderCaseBeyondTheLatest500IsFoundByPartyCreditCodeAndCaseNumber() {
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + enc(tag + "环保科技有限公司0"))))
        .contains(oldest);
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + enc("9133" + tag + "0000"))))
        .containsExactly(oldest);
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + enc(tag + "-0号"))))
        .containsExactly(oldest);
  }

  @Test
  void pagesHoldEveryMatchingCaseOnceNewestFirstAndTheHeaderCountsThemAll() throws Exception {
    Set<String> seen = new LinkedHashSet<>();
    for (int page = 0; page < 4; page++) {
      HttpResponse<String> answer = raw("/api/workspace/cases?q=" + enc(tag) + "&size=200&page=" + page);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue(WorkspaceController.TOTAL_COUNT)).hasValue(String.valueOf(CASES));
      JsonNode rows = PlatformHttp.json().readTree(answer.body());
      assertThat(rows.size()).isEqualTo(page < 3 ? 200 : CASES - 600);
      rows.forEach(r -> assertThat(seen.add(r.path("caseNo").asText())).as("once: " + r).isTrue());
    }
    assertThat(seen).hasSize(CASES);
    List<String> ordered = new ArrayList<>(seen);
    assertThat(ordered.get(0)).isEqualTo("湖环罚〔2024〕" + tag + "-" + (CASES - 1) + "号");
    assertThat(ordered.get(CASES - 1)).isEqualTo(oldest);
    assertThat(http.as("officer1").getOk("/api/workspace/cases?q=" + enc(tag) + "&page=99")).isEmpty();
  }

  @Test
  void theDefaultPageHolds50CasesAndTheCountOfAll() throws Exception {
    HttpResponse<String> answer = raw("/api/workspace/cases?q=" + enc(tag));
    assertThat(PlatformHttp.json().readTree(answer.body()).size()).isEqualTo(WorkspaceCases.DEFAULT_SIZE);
    assertThat(answer.headers().firstValue(WorkspaceController.TOTAL_COUNT)).hasValue(String.valueOf(CASES));
  }

  @Test
  void statusAndRegionFilterEveryCaseNotTheLatest500() throws Exception {
    HttpResponse<String> closed = raw("/api/workspace/cases?q=" + enc(tag) + "&status=CLOSED&region=" + enc("吴兴区"));
    // CLOSED: i % 3 == 0; 吴兴区: i % 2 == 0 -> i % 6 == 0
    assertThat(closed.headers().firstValue(WorkspaceController.TOTAL_COUNT)).hasValue(String.valueOf((CASES + 5) / 6));
    JsonNode rows = PlatformHttp.json().readTree(closed.body());
    rows.forEach(r -> {
      assertThat(r.path("status").asText()).isEqualTo("CLOSED");
      assertThat(r.path("region").asText()).contains("吴兴区");
    });
  }

  @Test
  void aCourtUserSeesNoneOfTheBureausCasesHoweverItSearches() throws Exception {
    HttpResponse<String> answer = raw("judge1", "/api/workspace/cases?q=" + enc(tag));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("[]");
    assertThat(answer.headers().firstValue(WorkspaceController.TOTAL_COUNT)).hasValue("0");
  }

  @Test
  void likeWildcardsInTheSearchAreTakenAsText() {
    assertThat(http.as("officer1").getOk("/api/workspace/cases?q=" + enc(tag + "%有限公司"))).isEmpty();
    assertThat(http.as("officer1").getOk("/api/workspace/cases?q=" + enc(tag + "_环保"))).isEmpty();
  }

  @Test
  void badPageSizeStatusOrDueIsRefusedWithItsCodeAndChangesNothing() {
    refused("page=-1", "WS-004");
    refused("page=abc", "WS-004");
    refused("page=2147483647", "WS-004");
    refused("size=100000", "WS-005");
    refused("size=0", "WS-005");
    refused("size=x", "WS-005");
    refused("status=XYZ", "WS-001");
    refused("flow=XYZ", "WS-002");
    refused("due=foo", "WS-003");
  }

  @Test
  void theWorkspacePageShowsTheCountOfAllAndTurnsThePages() {
    try (cn.ecolaw.platform.support.Browser browser = cn.ecolaw.platform.support.Browser.open(port)) {
      browser.login("officer1").go("/ui/workspace/?q=" + enc(tag));
      browser.waitForText(By.id("count"), "共 " + CASES + " 件，本页第 1–50 件");
      assertThat(browser.waitFor(By.id("page-of")).getText()).isEqualTo("第 1 / 13 页");
      assertThat(browser.all(By.cssSelector("#case-list tbody tr"))).hasSize(50);
      browser.screenshot("workspace-list-pages-officer1");
      WorkspaceBrowserTest.click(browser, browser.waitFor(By.id("next")));
      browser.waitForText(By.id("count"), "本页第 51–100 件");
      browser.waitUntil(d -> d.getCurrentUrl().contains("page=1"));
      assertThat(browser.waitFor(By.id("page-of")).getText()).isEqualTo("第 2 / 13 页");
      browser.screenshot("workspace-list-page2-officer1");
    }
  }

  @Test
  void theDeadlineProjectionFollowsTheTasksBeforeCommitAndARebuildGivesTheSameRows() {
    java.util.Map<String, Object> input = cn.ecolaw.platform.support.TestCases.enterpriseWater();
    String caseNo = cn.ecolaw.platform.support.TestCases.caseNo();
    launcher.start(caseNo, input);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    org.camunda.bpm.engine.task.Task filing = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    java.time.LocalDate due = filing.getDueDate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    assertThat(dues.dueDay(caseNo, CaseListDue.ALL_UNITS)).isEqualTo(due);
    assertThat(dues.dueDay(caseNo, "unit-bureau")).isEqualTo(due);

    // the due date moved (a task update), then the task done and the next one open: the rows follow
    java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
    tasks.setDueDate(filing.getId(), java.sql.Timestamp.valueOf(yesterday.atTime(9, 0)));
    assertThat(dues.dueDay(caseNo, "unit-bureau")).isEqualTo(yesterday);
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?due=overdue&q=" + enc(caseNo))))
        .containsExactly(caseNo);
    tasks.complete(filing.getId(), java.util.Map.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    org.camunda.bpm.engine.task.Task approval = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    java.time.LocalDate next = approval.getDueDate() == null ? null
        : approval.getDueDate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    assertThat(dues.dueDay(caseNo, "unit-bureau")).isEqualTo(next);
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?due=overdue&q=" + enc(caseNo)))).isEmpty();

    // the case's rows are what a rebuild computes (this case's: the suite's other tests leave cases of their own; one
    // of them, among ~380, keeps a deadline a rebuild does not compute - cause not found yet, see bench/README)
    String rows = "SELECT case_no, unit, next_due, due_day FROM case_list_due WHERE next_due IS NOT NULL AND case_no = ?"
        + " ORDER BY unit";
    List<java.util.Map<String, Object>> kept = jdbc.queryForList(rows, caseNo);
    dues.rebuild();
    assertThat(jdbc.queryForList(rows, caseNo)).isEqualTo(kept);
  }

  @Test
  void aUnitGivenAccessLaterGetsTheCasesDeadlineWithoutAnyChangeToItsTasks() {
    // given a bureau case with an open task, which the court may not read yet
    String caseNo = cn.ecolaw.platform.support.TestCases.caseNo();
    launcher.start(caseNo, cn.ecolaw.platform.support.TestCases.enterpriseWater());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    java.time.LocalDate due = tasks.createTaskQuery().processInstanceId(pid).singleResult().getDueDate().toInstant()
        .atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    assertThat(dues.dueDay(caseNo, "unit-court")).isNull();

    // when the court is given access (the hand-over), in one transaction, as the services do
    new org.springframework.transaction.support.TransactionTemplate(transactionManager)
        .executeWithoutResult(status -> caseAccess.grant(caseNo, "unit-court", "移送法院"));

    // then the court's row follows at once, and it is what a rebuild computes
    assertThat(dues.dueDay(caseNo, "unit-court")).isEqualTo(due);
    List<java.util.Map<String, Object>> kept = jdbc.queryForList(
        "SELECT case_no, unit, next_due, due_day FROM case_list_due WHERE case_no = ? ORDER BY unit", caseNo);
    dues.rebuild();
    assertThat(jdbc.queryForList(
        "SELECT case_no, unit, next_due, due_day FROM case_list_due WHERE case_no = ? ORDER BY unit", caseNo))
        .isEqualTo(kept);
  }

  @Autowired org.camunda.bpm.engine.HistoryService history;

  @Test
  void aCaseWhoseInstanceIsDeletedWithItsHistoryKeepsNoDeadline() {
    // given a case with an open task and its deadline
    String caseNo = cn.ecolaw.platform.support.TestCases.caseNo();
    launcher.start(caseNo, cn.ecolaw.platform.support.TestCases.enterpriseWater());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    assertThat(dues.dueDay(caseNo, CaseListDue.ALL_UNITS)).isNotNull();

    // when its instance is deleted and its history with it in one transaction (as a deployment deleted with cascade)
    new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      runtime.deleteProcessInstance(pid, "测试：连同历史删除");
      history.deleteHistoricProcessInstance(pid);
    });

    // then the case has no deadline left, as a rebuild computes it
    assertThat(dues.dueDay(caseNo, CaseListDue.ALL_UNITS)).isNull();
    assertThat(dues.dueDay(caseNo, "unit-bureau")).isNull();
  }

  @Test
  void theCountStopsAt10000AndAPageBeyondItIsCountedExactly() {
    String unit = "unit-count-cap-" + ThreadLocalRandom.current().nextInt(1_000_000);
    Timestamp at = Timestamp.from(Instant.now().minus(3000, ChronoUnit.DAYS));
    List<Object[]> files = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    int n = CaseListIndex.COUNT_CAP + 10;
    for (int i = 0; i < n; i++) {
      String caseNo = unit + "-" + i;
      files.add(new Object[] {caseNo, "计数企业" + i, "LEGAL_PERSON", "91330000" + i, "浙江省湖州市吴兴区", "WATER",
          "WATER_EXCEED", "INSPECTION", "CLOSED", at, at});
      grants.add(new Object[] {caseNo, unit, at});
    }
    jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
        + " clue_source, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", files);
    jdbc.batchUpdate("INSERT INTO case_access (case_no, unit, granted_at) VALUES (?,?,?)", grants);

    CaseListIndex.Page first = caseList.search(criteria(unit, 0, 50));
    assertThat(first.total()).isEqualTo(CaseListIndex.COUNT_CAP);
    assertThat(first.capped()).isTrue();
    assertThat(first.caseNos()).hasSize(50);
    CaseListIndex.Page last = caseList.search(criteria(unit, n - 20, 50));
    assertThat(last.total()).isEqualTo(n);
    assertThat(last.capped()).isFalse();
    assertThat(last.caseNos()).hasSize(20);
  }

  @Test
  void atStartTheDeadlinesAreRebuiltWhenTheTableIsEmptyAndOnlyThen() {
    java.util.Map<String, Object> input = cn.ecolaw.platform.support.TestCases.enterpriseWater();
    String caseNo = cn.ecolaw.platform.support.TestCases.caseNo();
    launcher.start(caseNo, input);
    java.time.LocalDate due = dues.dueDay(caseNo, "unit-bureau");
    assertThat(due).isNotNull();

    jdbc.update("UPDATE case_list_due SET due_day = ? WHERE case_no = ?", java.sql.Date.valueOf("2001-01-01"), caseNo);
    dues.run(null);
    assertThat(dues.dueDay(caseNo, "unit-bureau")).as("not empty: kept").isEqualTo(java.time.LocalDate.of(2001, 1, 1));

    jdbc.update("DELETE FROM case_list_due");
    dues.run(null);
    assertThat(dues.dueDay(caseNo, "unit-bureau")).as("empty: rebuilt").isEqualTo(due);
  }

  private static CaseListIndex.Criteria criteria(String unit, int offset, int limit) {
    return new CaseListIndex.Criteria(List.of(unit), null, List.of(), List.of(), List.of(), null, null, null, null,
        null, offset, limit);
  }

  private void refused(String query, String code) {
    PlatformHttp.Response answer = http.as("officer1").get("/api/workspace/cases?" + query);
    assertThat(answer.status()).as(query).isEqualTo(400);
    assertThat(answer.json().path("code").asText()).as(query).isEqualTo(code);
    assertThat(answer.json().path("message").asText()).as(query).matches(".*[\\u4e00-\\u9fa5].*");
  }

  private HttpResponse<String> raw(String path) throws Exception {
    return raw("officer1", path);
  }

  private HttpResponse<String> raw(String user, String path) throws Exception {
    HttpRequest request = Logins.as(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), user)
        .header("Accept", "application/json").GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  static List<String> caseNos(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.path("caseNo").asText()));
    return out;
  }
}
