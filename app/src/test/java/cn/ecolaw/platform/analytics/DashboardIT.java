package cn.ecolaw.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.review.ReviewService;
import cn.ecolaw.platform.review.ReviewStatistics;
import cn.ecolaw.platform.search.CaseDocument;
import cn.ecolaw.platform.search.CaseDocuments;
import cn.ecolaw.platform.search.CaseIndex;
import cn.ecolaw.platform.search.CaseIndexer;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Browser;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.SearchIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboards on real PostgreSQL and a real Elasticsearch: cases seeded through the platform (the officer's
 * forms), the index rebuilt from the database, and the figures of {@code /api/analytics/*} and of the page compared
 * with counts from the database; unit isolation; 同案不同罚 alerts naming the cases; the page in chromium.
 */
@SearchIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "platform.search.index=ecocase-dashboard-it")
class DashboardIT {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** Case files registered through the enforcement process (other ITs insert bare files to draw for review). */
  static final String OF_A_PROCESS = " WHERE process_instance_id IS NOT NULL";

  @Autowired CaseLauncher launcher;
  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseIndex index;
  @Autowired CaseIndexer indexer;
  @Autowired CaseDocuments documents;
  @Autowired ReviewService reviews;
  @Autowired CaseFileRepository cases;
  @LocalServerPort int port;

  static String benchmarkCase;
  static String heavierCase;
  static boolean seeded;

  PlatformHttp http;

  @BeforeEach
  void seedCasesThroughThePlatformAndRebuildTheIndex() throws Exception {
    http = new PlatformHttp(port);
    if (seeded) {
      return;
    }
    Logins.ensureDemoUsers(identity, filters, tasks);
    index.drop();
    benchmarkCase = decided(TestCases.enterpriseWater(), 1.0, null);
    heavierCase = decided(TestCases.enterpriseWater(), 1.6, "当事人曾因同类违法行为受过处罚，拒不配合调查，从重处罚。");
    Map<String, Object> air = TestCases.enterpriseWater();
    air.put("domain", "AIR");
    air.put("violationType", "AIR_EXCEED");
    air.put("region", "浙江省湖州市南浔区");
    air.put("partyName", "湖州南浔测试化工有限公司");
    air.put("clueSource", "TRANSFER");
    launcher.start(TestCases.caseNo(), air);
    launcher.start(TestCases.caseNo(), TestCases.enterpriseWater());
    reviewedWithProblemsRectified();
    rebuild();
    seeded = true;
  }

  /** The whole index from the database, as a rebuild does; then wait for the shipper's queue and refresh. */
  void rebuild() throws Exception {
    List<String> ids = history.createHistoricProcessInstanceQuery().list().stream()
        .map(HistoricProcessInstance::getId).toList();
    for (int i = 0; i < ids.size(); i += 200) {
      indexer.write(ids.subList(i, Math.min(ids.size(), i + 200)));
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (jdbc.queryForObject("SELECT COUNT(*) FROM search_outbox", Long.class) > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    index.refresh();
  }

  /** A closed file of the bureau drawn for review, problems found by both tiers and rectified. */
  void reviewedWithProblemsRectified() {
    String caseNo = "湖环罚〔2025〕" + (800000 + System.nanoTime() % 90000) + "号";
    Instant now = Instant.now();
    cases.insert(new CaseFile(caseNo, null, "湖州看板评查测试有限公司", "ENTERPRISE", "91330502MA2B3C4D5X",
        "浙江省湖州市吴兴区", "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", "PAID", now, now));
    PlatformHttp.Response sample = http.post("/api/reviews/samples", Map.of("caseNos", List.of(caseNo)));
    assertThat(sample.status()).as(sample.text()).isEqualTo(201);
    String pid = sample.json().get("drawn").get(0).get("processInstanceId").asText();
    driver.complete(pid, "Task_CityScoring", Map.of("cityVetoFailed", "false", "cityOpinion", "基本规范",
        "cityDeductions", "INV-04 3 证据链不完整\nSER-01 2 送达超过法定期限"));
    driver.complete(pid, "Task_ProvinceScoring", Map.of("provinceVetoFailed", "false", "provinceOpinion", "基本规范",
        "provinceDeductions", "INV-04 4 证据链不完整\nDIS-02 2 偏离裁量基准理由不充分"));
    driver.complete(pid, "Task_Rectify", Map.of("rectificationReport", "补充了证据和偏离理由"));
    driver.complete(pid, "Task_VerifyRectification", Map.of("rectified", "true", "verifyOpinion", "整改到位"));
  }

  /** An enforcement case decided and served with the benchmark fine times {@code factor}. */
  String decided(Map<String, Object> variables, double factor, String deviationReason) {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, variables);
    String pid = driver.instanceOf(caseNo);
    driver.complete(pid, "Task_ProposeFiling", TestCases.of(
        "filingReason", "当事人涉嫌违反生态环境保护法律法规，依法应予立案调查。", "officerOpinion", "建议立案。"));
    driver.complete(pid, "Task_ApproveFiling", TestCases.of("filingApproved", "true", "headOpinion", "同意立案。"));
    driver.complete(pid, "Task_Investigate", TestCases.of("evidence", "现场检查（勘察）笔录\n监测报告",
        "officers", "张三、李四", "crimeSuspected", "false", "measure", "NONE"));
    double benchmark = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    double max = ((Number) runtime.getVariable(pid, "fineMax")).doubleValue();
    double fine = Math.min(max, Math.round(benchmark * factor));
    Map<String, Object> proposal = TestCases.of("proposedFine", fine, "penaltyReason", "违法事实清楚，证据确凿。");
    if (deviationReason != null) {
      proposal.put("deviationReason", deviationReason);
    }
    driver.complete(pid, "Task_ProposePenalty", proposal);
    Map<String, Map<String, Object>> answers = new HashMap<>();
    answers.put("Task_ServePriorNotice", TestCases.of("noticeServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    answers.put("Task_RecordStatement", TestCases.of("statementSubmitted", "false", "hearingRequested", "false"));
    answers.put("Task_ReviewStatement", TestCases.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "当事人未提出陈述申辩意见。"));
    answers.put("Task_LegalReview", TestCases.of("legalReviewPassed", "true",
        "legalReviewOpinion", "事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。"));
    answers.put("Task_ApproveDecision", TestCases.of("decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "经集体讨论，同意。"));
    answers.put("Task_ServeDecision", TestCases.of("serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "王法人"));
    for (int step = 0; step < 12; step++) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(pid).list();
      Task next = open.stream().filter(t -> answers.containsKey(t.getTaskDefinitionKey())).findFirst().orElse(null);
      if (next == null) {
        break;
      }
      Map<String, Object> answer = new HashMap<>(answers.get(next.getTaskDefinitionKey()));
      if (next.getTaskDefinitionKey().equals("Task_RecordStatement")
          && !Boolean.TRUE.equals(runtime.getVariable(pid, "hearingRight"))) {
        answer.remove("hearingRequested");
      }
      driver.complete(pid, next.getTaskDefinitionKey(), answer);
    }
    assertThat(tasks.createTaskQuery().processInstanceId(pid).list()).extracting(Task::getTaskDefinitionKey)
        .as("%s decided and served", caseNo).contains("Task_MonitorPayment");
    return caseNo;
  }

  /** Every instance's document as the index holds it, built from the database (for counts the API must equal). */
  List<CaseDocument> all() {
    List<CaseDocument> docs = new ArrayList<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().list()) {
      documents.build(pi.getId()).ifPresent(docs::add);
    }
    return docs;
  }

  static Map<String, Long> buckets(JsonNode caseload) {
    Map<String, Long> m = new TreeMap<>();
    caseload.path("buckets").forEach(b -> m.put(b.path("key").asText(), b.path("count").asLong()));
    return m;
  }

  // ------------------------------------------------------------------------------------------------ the tests

  @Test
  void caseloadByDomainRegionAndMonthEqualsTheCaseFilesInTheDatabase() {
    Map<String, Long> byDomain = new TreeMap<>();
    Map<String, Long> byRegion = new TreeMap<>();
    Map<String, Long> byMonth = new TreeMap<>();
    for (Map<String, Object> row : jdbc.queryForList("SELECT domain, region, created_at FROM case_file" + OF_A_PROCESS)) {
      byDomain.merge((String) row.get("domain"), 1L, Long::sum);
      byRegion.merge((String) row.get("region"), 1L, Long::sum);
      Instant created = ((java.sql.Timestamp) row.get("created_at")).toInstant();
      byMonth.merge(YearMonth.from(created.atZone(CHINA)).toString(), 1L, Long::sum);
    }

    JsonNode domain = http.getOk("/api/analytics/caseload?by=domain");
    assertThat(buckets(domain)).isEqualTo(byDomain);
    assertThat(domain.path("total").asLong()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM case_file" + OF_A_PROCESS, Long.class));
    assertThat(buckets(http.getOk("/api/analytics/caseload?by=region"))).isEqualTo(byRegion);
    JsonNode month = http.getOk("/api/analytics/caseload?by=month");
    assertThat(buckets(month)).isEqualTo(byMonth);
    assertThat(domain.path("buckets").get(0).path("months").size()).isEqualTo(month.path("months").size());
  }

  @Test
  void headlineNumbersEqualTheDatabase() {
    JsonNode h = http.getOk("/api/analytics/headline");

    assertThat(h.path("enforcementCases").asLong())
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM case_file" + OF_A_PROCESS, Long.class));
    assertThat(h.path("cluesReceived").asLong()).isEqualTo(
        jdbc.queryForObject("SELECT COUNT(*) FROM case_file" + OF_A_PROCESS + " AND clue_source = 'TRANSFER'", Long.class)).isPositive();
    long court = 0;
    for (String key : Labels.COURT_PROCESSES) {
      court += history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
    }
    assertThat(h.path("courtCases").asLong()).isEqualTo(court);
    long shared = all().stream().filter(d -> d.process().equals(AnalyticsService.ENFORCEMENT))
        .mapToLong(d -> d.units().size() - 1).sum();
    assertThat(h.path("informationShared").asLong()).isEqualTo(shared);
  }

  @Test
  void deadlinesMetPendingAndMissedEqualTheDeadlinesOfTheCases() {
    long met = 0;
    long pending = 0;
    long missed = 0;
    for (CaseDocument d : all()) {
      for (CaseDocument.Deadline x : d.deadlines() == null ? List.<CaseDocument.Deadline>of() : d.deadlines()) {
        switch (x.state()) {
          case "met" -> met++;
          case "pending" -> pending++;
          default -> missed++;
        }
      }
    }
    JsonNode d = http.getOk("/api/analytics/deadlines");

    assertThat(List.of(d.path("met").asLong(), d.path("pending").asLong(), d.path("missed").asLong()))
        .containsExactly(met, pending, missed);
    assertThat(met + pending).isPositive();
    long flows = 0;
    for (JsonNode f : d.path("byFlow")) {
      flows += f.path("met").asLong() + f.path("pending").asLong() + f.path("missed").asLong();
    }
    assertThat(flows).isEqualTo(met + pending + missed);
  }

  @Test
  void casesWhoseFactorsMatchButWhoseFinesDifferWidelyAreAnAlertNamingBothCases() {
    JsonNode f = http.getOk("/api/analytics/fine-consistency");

    assertThat(f.path("method").asText()).contains("中位数绝对偏差", "同案不同罚");
    List<JsonNode> same = new ArrayList<>();
    f.path("report").path("alerts").forEach(a -> {
      if (a.path("kind").asText().equals(FineConsistency.SAME_FACTORS)) {
        same.add(a);
      }
    });
    assertThat(same).anySatisfy(a -> assertThat(a.path("caseNos").toString()).contains(benchmarkCase, heavierCase));
    // the heavier fine has its written reason (read from the index): no 偏离基准未说明理由 alert for it
    f.path("report").path("alerts").forEach(a -> {
      if (a.path("kind").asText().equals(FineConsistency.FAR_FROM_BENCHMARK)) {
        assertThat(a.path("caseNos").toString()).doesNotContain(heavierCase);
      }
    });
    f.path("report").path("groups").forEach(g -> g.path("points").forEach(p -> {
      if (p.path("caseNo").asText().equals(heavierCase)) {
        assertThat(p.path("ratio").asDouble()).isGreaterThan(1.2);
      }
    }));
    assertThat(f.path("report").path("groups").toString()).contains("WATER_EXCEED");
  }

  @Test
  void aSupervisorSeesHerBureausFiguresAndTheCourtSeesNone() {
    long bureau = all().stream().filter(d -> d.process().equals(AnalyticsService.ENFORCEMENT))
        .filter(d -> d.units().contains("unit-bureau")).count();

    JsonNode mine = http.as("supervisor1").getOk("/api/analytics/caseload?by=domain");
    assertThat(mine.path("total").asLong()).isEqualTo(bureau);
    assertThat(mine.path("scope").asText()).isEqualTo("湖州市生态环境局");
    assertThat(http.as("reviewer2").getOk("/api/analytics/caseload?by=domain").path("scope").asText())
        .isEqualTo("全部单位（省级）");
    // figures of a unit's court flows only with the unit: the supervisor's court count is what the bureau may see
    long courtSeenByBureau = all().stream().filter(d -> Labels.COURT_PROCESSES.contains(d.process()))
        .filter(d -> d.units().contains("unit-bureau")).count();
    assertThat(http.as("supervisor1").getOk("/api/analytics/headline").path("courtCases").asLong())
        .isEqualTo(courtSeenByBureau);

    PlatformHttp.Response judge = http.as("judge1").get("/api/analytics/caseload");
    assertThat(judge.status()).isEqualTo(403);
    assertThat(judge.text("code")).isEqualTo("ANA-001");
    PlatformHttp.Response bad = http.as("supervisor1").get("/api/analytics/caseload?by=party");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("code")).isEqualTo("ANA-002");
  }

  @Test
  void reviewResultsAreTheReviewStatisticsOfTheReadersUnits() {
    ReviewStatistics all = reviews.statistics();
    ReviewStatistics bureau = reviews.statistics(List.of("湖州市生态环境局"));

    JsonNode r = http.getOk("/api/analytics/reviews");
    assertThat(r.path("statistics").path("filesReviewed").asLong()).isEqualTo(all.filesReviewed()).isPositive();
    assertThat(r.path("statistics").path("problemsFound").asLong()).isEqualTo(all.problemsFound()).isPositive();
    assertThat(r.path("statistics").path("problemsCorrected").asLong()).isEqualTo(all.problemsCorrected());
    JsonNode mine = http.as("supervisor1").getOk("/api/analytics/reviews");
    assertThat(mine.path("statistics").path("problemsFound").asLong()).isEqualTo(bureau.problemsFound()).isPositive();
    assertThat(mine.path("statistics").path("byProblemType").size()).isEqualTo(bureau.byProblemType().size());
  }

  @Test
  void theSupervisorSeesTheChartsAndTheHeadlineNumbersOfTheDatabase() {
    long cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_file" + OF_A_PROCESS, Long.class);
    long bureau = all().stream().filter(d -> d.process().equals(AnalyticsService.ENFORCEMENT))
        .filter(d -> d.units().contains("unit-bureau")).count();
    try (Browser browser = Browser.open(port)) {
      browser.login("supervisor1");
      browser.go("/ui/dashboard/");
      browser.waitForText(By.id("current-user"), "韩立新");
      browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));

      for (String chart : List.of("chart-caseload", "chart-trend", "chart-deadlines-flow", "chart-deadlines-unit",
          "chart-deadlines-names", "chart-fines", "chart-review-units", "chart-review-types")) {
        assertThat(browser.all(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
      }
      assertThat(browser.driver().findElement(By.id("headline-cases")).getText())
          .isEqualTo(String.format("%,d", bureau));
      assertThat(browser.driver().findElement(By.id("caseload-total")).getText()).isEqualTo("共 " + bureau + " 件");
      assertThat(browser.driver().findElement(By.id("scope")).getText()).contains("湖州市生态环境局");
      assertThat(browser.driver().findElement(By.id("fine-method")).getText()).contains("中位数绝对偏差");
      assertThat(browser.driver().findElement(By.id("fine-alerts")).getText()).contains(heavierCase);
      assertThat(browser.all(By.cssSelector(".message.error"))).isEmpty();
      browser.screenshot("ui-dashboard-supervisor1");
      for (String section : List.of("chart-deadlines-flow", "chart-fines", "fine-alerts", "chart-review-units")) {
        browser.script("document.getElementById(arguments[0]).scrollIntoView()", section);
        browser.screenshot("ui-dashboard-supervisor1-" + section);
      }
    }
    assertThat(bureau).isLessThanOrEqualTo(cases);
  }

  @Test
  void whoMayNotReadDashboardsIsToldSoOnThePage() {
    try (Browser browser = Browser.open(port)) {
      browser.login("officer1");
      browser.go("/ui/dashboard/");
      assertThat(browser.waitForText(By.id("page-message"), "ANA-001").getText()).contains("无权查看监督看板");
      assertThat(browser.driver().findElement(By.id("headline")).isDisplayed()).isFalse();
      browser.screenshot("ui-dashboard-officer1");
    }
  }
}
