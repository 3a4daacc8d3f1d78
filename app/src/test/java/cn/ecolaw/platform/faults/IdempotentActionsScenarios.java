package cn.ecolaw.platform.faults;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.TestCases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, part 5, "Idempotent actions": ten requests at once for the same action start it exactly once; every other
 * request gets 409 with its code and a Chinese message (never 500), and leaves nothing behind. The database decides
 * (primary key of {@code case_file}, unique {@code review_case.case_no}, {@code action_claim}), so the same holds
 * across nodes. Run on H2 ({@link IdempotentActionsTest}) and on PostgreSQL ({@link IdempotentActionsIT}).
 */
abstract class IdempotentActionsScenarios {

  private static final int PARALLEL = 10;
  private static final AtomicInteger REVIEW_SERIAL = new AtomicInteger(800000 + (int) (System.nanoTime() % 90000));

  @Autowired private CaseLauncher launcher;
  @Autowired private TaskService tasks;
  @Autowired private RuntimeService runtime;
  @Autowired private HistoryService history;
  @Autowired private CaseFileRepository cases;
  @Autowired private JdbcTemplate jdbc;
  @LocalServerPort private int port;

  private PlatformHttp http;
  private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);

  @BeforeEach
  void setUp() {
    http = new PlatformHttp(port);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void tenParallelInjunctionApplicationsForOneCase_startOneInjunction_theRestAre409() throws Exception {
    String caseNo = caseWithContinuingViolation();
    Map<String, Object> body = Map.of("urgent", true, "facts", "暗管排放仍在持续", "harmEvidence", "在线监控数据",
        "requestedMeasures", "停止通过暗管排放", "securityProvided", true, "securityAmount", 100000);
    long documentsBefore = documents(caseNo);

    List<PlatformHttp.Response> results = atOnce(() -> http.post("/api/cases/" + enc(caseNo) + "/injunction", body));

    assertOneCreatedRestConflicts(results, 201, "INJ-007", "案件" + caseNo + "已有正在办理的禁止令");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("injunction")
        .variableValueEquals("caseNo", caseNo).count()).as("injunctions started").isOne();
    assertThat(documents(caseNo) - documentsBefore).as("禁止令申请书").isOne();
  }

  @Test
  void tenParallelReviewDrawsOfOneFile_startOneReview_theRestAre409() throws Exception {
    String caseNo = closedCase();
    Map<String, Object> body = Map.of("caseNos", List.of(caseNo));

    List<PlatformHttp.Response> results = atOnce(() -> http.post("/api/reviews/samples", body));

    assertOneCreatedRestConflicts(results, 201, "REV-015", "案卷" + caseNo + "已被抽取评查，同一案卷不重复评查；请刷新后重新抽查");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("case-review")
        .variableValueEquals("caseNo", caseNo).count()).as("reviews started").isOne();
    assertThat(jdbc.queryForObject("select count(*) from review_case where case_no = ?", Integer.class, caseNo))
        .isOne();
    assertThat(jdbc.queryForObject("select count(*) from review_sample s where exists (select 1 from review_case r "
        + "where r.sample_id = s.id and r.case_no = ?)", Integer.class, caseNo)).isOne();
  }

  @Test
  void parallelCaseStartsWithOneNumber_one201_theRestAre409_never500() throws Exception {
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);

    List<PlatformHttp.Response> results = atOnce(() -> http.post("/api/cases", body));

    assertOneCreatedRestConflicts(results, 201, "CASE-007", "案号" + caseNo + "已存在");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(caseNo).count()).as("cases started").isOne();
    assertThat(jdbc.queryForObject("select count(*) from case_file where case_no = ?", Integer.class, caseNo))
        .isOne();
  }

  private static void assertOneCreatedRestConflicts(List<PlatformHttp.Response> results, int created, String code,
      String message) {
    assertThat(results.stream().map(PlatformHttp.Response::status).toList()).as("%s", texts(results))
        .containsOnly(created, 409).containsOnlyOnce(created);
    for (PlatformHttp.Response r : results) {
      if (r.status() == 409) {
        assertThat(r.text("code")).as(r.text()).isEqualTo(code);
        assertThat(r.text("message")).isEqualTo(message);
      }
    }
  }

  private static List<String> texts(List<PlatformHttp.Response> results) {
    return results.stream().map(r -> r.status() + " " + r.text()).toList();
  }

  /** Runs the request {@value #PARALLEL} times at once (a latch releases all threads together). */
  private List<PlatformHttp.Response> atOnce(Callable<PlatformHttp.Response> request) throws Exception {
    CountDownLatch ready = new CountDownLatch(PARALLEL);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<PlatformHttp.Response>> futures = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return request.call();
      }));
    }
    ready.await();
    go.countDown();
    List<PlatformHttp.Response> results = new ArrayList<>();
    for (Future<PlatformHttp.Response> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  private String caseWithContinuingViolation() {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    complete(caseNo, "Task_ProposeFiling", Map.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    complete(caseNo, "Task_ApproveFiling", Map.of("filingApproved", "true", "headOpinion", "同意"));
    Map<String, Object> v = new HashMap<>();
    v.put("evidence", "现场检查笔录");
    v.put("officers", "张三、李四");
    v.put("crimeSuspected", "false");
    v.put("measure", "NONE");
    v.put("continuingViolation", true);
    complete(caseNo, "Task_Investigate", v);
    return caseNo;
  }

  private void complete(String caseNo, String taskKey, Map<String, Object> variables) {
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("enforcement-case").singleResult().getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult().getId(),
        variables);
  }

  private String closedCase() {
    String caseNo = "湖环罚〔2025〕" + REVIEW_SERIAL.incrementAndGet() + "号";
    Instant now = Instant.now();
    cases.insert(new CaseFile(caseNo, null, "湖州评查并发测试有限公司", "ENTERPRISE", "91330502MA2B3C4D5X",
        "浙江省湖州市吴兴区", "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", "PAID", now, now));
    return caseNo;
  }

  private long documents(String caseNo) {
    return jdbc.queryForObject("select count(*) from case_document where case_no = ?", Long.class, caseNo);
  }
}
