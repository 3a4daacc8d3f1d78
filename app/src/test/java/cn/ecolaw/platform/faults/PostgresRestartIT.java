package cn.ecolaw.platform.faults;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 3, "A restart of PostgreSQL in the middle of a run of cases": cases are started and worked while the server
 * is restarted under them ({@code scripts/pg-test-server.sh restart}, down for a few seconds; PGPORT as the script
 * reads it). Requests that fail while it is down are retried. Afterwards every case and every task completion the
 * test saw succeed is in the database; a timer that fell due while the server was down has fired; the connection
 * pool serves again. Jobs: a failing job is retried by the job executor (R3/PT1S) and succeeds; a job that keeps
 * failing becomes an incident, visible in the engine and in {@code GET /api/cases/{caseNo}} — never a silent stop.
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
    "spring.datasource.hikari.connection-timeout=3000",
    "logging.level.org.camunda.bpm.engine.context=OFF",
    "logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
    "logging.level.com.zaxxer.hikari=WARN"})
@Import(FaultInjector.class)
@DirtiesContext // its job executor must not stay running (cached) while other ITs work the same database
class PostgresRestartIT {

  private static final int CASES = 6;
  private static final int STEPS_PER_CASE = 9;
  private static final int SECONDS_DOWN = 5;

  @Autowired private JdbcTemplate jdbc;
  @Autowired private TaskService tasks;
  @Autowired private RuntimeService runtime;
  @Autowired private ManagementService management;
  @Autowired private HistoryService history;
  @Autowired private RepositoryService repository;
  @Autowired private FaultInjector faults;
  @LocalServerPort private int port;

  private PlatformHttp http;
  private CaseWalker walker;
  private int failedAttempts;

  @BeforeEach
  void setUp() {
    http = new PlatformHttp(port);
    walker = new CaseWalker(tasks, runtime, management);
  }

  @Test
  void aRestartInTheMiddleOfARunLosesNoCaseAndNoCompletedTask() throws Exception {
    Timestamp serverStartedBefore = retry("server start time", this::serverStartTime);
    // a case that waits for its statement window: its timer falls due while the server is down
    String waiting = startCase();
    walker.walkTo(waiting, "Task_RecordStatement");
    Job window = management.createJobQuery().processInstanceId(walker.instances(waiting).get(0))
        .activityId("Timer_StatementWindow").singleResult();
    management.setJobDuedate(window.getId(), new Date(System.currentTimeMillis() + 1500));

    List<String> cases = new ArrayList<>();
    Map<String, String> completed = new LinkedHashMap<>(); // task id → case number: what the test saw succeed
    Process restart = null;
    for (int round = 0; round < STEPS_PER_CASE; round++) {
      if (round == 0) {
        for (int i = 0; i < CASES; i++) {
          cases.add(startCase());
        }
      }
      if (round == 2) {
        restart = restartServer();
      }
      for (String caseNo : cases) {
        Task task = retry("open task of " + caseNo, () -> walker.openTasks(caseNo).stream().findFirst().orElse(null));
        if (task == null) {
          continue;
        }
        if (retry("complete " + task.getTaskDefinitionKey() + " of " + caseNo, () -> completeOnce(task))) {
          completed.put(task.getId(), caseNo);
        }
      }
    }
    assertThat(restart).isNotNull();
    assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(restart.exitValue()).as("pg-test-server.sh restart").isZero();

    // the pool serves again: a burst of queries needs no retry
    for (int i = 0; i < 30; i++) {
      assertThat(jdbc.queryForObject("select 1", Integer.class)).isOne();
    }
    assertThat(serverStartTime()).as("the server was really restarted").isAfter(serverStartedBefore);

    List<String> lostCases = cases.stream().filter(c -> jdbc.queryForObject(
        "select count(*) from case_file where case_no = ?", Long.class, c) != 1
        || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(c).count() != 1).toList();
    List<String> lostTasks = completed.keySet().stream().filter(id -> history.createHistoricTaskInstanceQuery()
        .taskId(id).finished().count() != 1).toList();
    System.out.printf("[restart] cases %d, task completions recorded %d, failed attempts retried %d,"
        + " faults injected: 1 restart (%ds down); lost cases %s, lost completions %s%n",
        cases.size(), completed.size(), failedAttempts, SECONDS_DOWN, lostCases, lostTasks);
    assertThat(lostCases).isEmpty();
    assertThat(lostTasks).isEmpty();
    assertThat(completed).hasSizeGreaterThanOrEqualTo(CASES * (STEPS_PER_CASE - 1));
    for (String caseNo : cases) {
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNo).finished().count())
          .as("completions of %s in history", caseNo)
          .isGreaterThanOrEqualTo(completed.values().stream().filter(caseNo::equals).count());
    }

    // the timer that fell due while the server was down fired once it was back
    awaitTrue(Duration.ofSeconds(60), () -> walker.openTasks(waiting).stream()
        .anyMatch(t -> t.getTaskDefinitionKey().equals("Task_ReviewStatement")));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(walker.instances(waiting).get(0))
        .activityId("Timer_StatementWindow").finished().count()).isOne();
  }

  @Test
  void aFailingJobIsRetriedAndAJobThatKeepsFailingBecomesAnIncidentShownWithTheCase() throws Exception {
    deployProbe();

    String flaky = TestCases.caseNo();
    faults.plan(flaky, 2);
    String flakyPid = runtime.startProcessInstanceByKey("fault-probe", Map.of("caseNo", flaky)).getId();
    awaitTrue(Duration.ofSeconds(60), () -> history.createHistoricProcessInstanceQuery().processInstanceId(flakyPid)
        .finished().count() == 1, () -> "attempts " + faults.attempts(flaky) + ", jobs "
        + management.createJobQuery().processInstanceId(flakyPid).list().stream()
            .map(j -> j.getRetries() + " " + j.getExceptionMessage()).toList());
    assertThat(faults.attempts(flaky)).isEqualTo(3);
    assertThat(history.createHistoricJobLogQuery().processInstanceId(flakyPid).failureLog().count()).isEqualTo(2);
    assertThat(runtime.createIncidentQuery().processInstanceId(flakyPid).count()).isZero();

    String caseNo = startCase();
    faults.plan(caseNo, Integer.MAX_VALUE);
    String stuckPid = runtime.startProcessInstanceByKey("fault-probe", Map.of("caseNo", caseNo)).getId();
    awaitTrue(Duration.ofSeconds(60), () -> runtime.createIncidentQuery().processInstanceId(stuckPid).count() == 1);
    Incident incident = runtime.createIncidentQuery().processInstanceId(stuckPid).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage()).endsWith(FaultInjector.MESSAGE);
    assertThat(management.createJobQuery().processInstanceId(stuckPid).singleResult().getRetries()).isZero();
    assertThat(faults.attempts(caseNo)).isEqualTo(3);

    JsonNode view = http.getOk("/api/cases/" + enc(caseNo));
    assertThat(view.get("incidents")).hasSize(1);
    JsonNode shown = view.get("incidents").get(0);
    assertThat(shown.get("processKey").asText()).isEqualTo("fault-probe");
    assertThat(shown.get("processInstanceId").asText()).isEqualTo(stuckPid);
    assertThat(shown.get("activityId").asText()).isEqualTo("Task_Probe");
    assertThat(shown.get("message").asText()).isEqualTo(incident.getIncidentMessage());
    System.out.printf("[jobs] faults injected: %d job failures (2 retried to success, 3 → incident %s)%n",
        2 + 3, incident.getId());
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** A process of one asynchronous step that calls the fault injector, retried three times one second apart. */
  private void deployProbe() {
    BpmnModelInstance probe = Bpmn.createExecutableProcess("fault-probe").name("故障注入探针")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_Probe").name("调用外部系统").camundaAsyncBefore()
        .camundaExpression("${faultInjector.run(execution)}").camundaFailedJobRetryTimeCycle("R3/PT1S")
        .endEvent()
        .done();
    repository.createDeployment().name("fault-probe").addModelInstance("fault-probe.bpmn", probe).deploy();
  }

  private String startCase() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = TestCases.enterpriseWater();
    body.put("caseNo", caseNo);
    retry("start " + caseNo, () -> {
      PlatformHttp.Response r = http.post("/api/cases", body);
      if (r.status() == 201 || (r.status() == 409 && "CASE-007".equals(r.text("code")))) {
        return r; // 409: an earlier attempt committed although its answer was lost
      }
      throw new IllegalStateException("POST /api/cases → " + r.status() + " " + r.text());
    });
    return caseNo;
  }

  /** Completes the task; false when an earlier attempt had already completed it (its answer lost in the restart). */
  private boolean completeOnce(Task task) {
    if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
      return history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1;
    }
    tasks.complete(task.getId(), CaseWalker.validAnswers(task.getTaskDefinitionKey(),
        tasks.getVariables(task.getId())));
    return true;
  }

  private <T> T retry(String what, Supplier<T> action) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 120; attempt++) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        last = e;
        failedAttempts++;
        sleep(500);
      }
    }
    throw new AssertionError(what + " still failing after the restart", last);
  }

  private Timestamp serverStartTime() {
    return jdbc.queryForObject("select pg_postmaster_start_time()", Timestamp.class);
  }

  /** Starts {@code pg-test-server.sh restart} in the background (PGPORT as the script reads it). */
  private Process restartServer() throws Exception {
    Path script = Path.of("../scripts/pg-test-server.sh");
    if (!Files.exists(script)) {
      script = Path.of("scripts/pg-test-server.sh");
    }
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "restart", String.valueOf(SECONDS_DOWN))
        .redirectErrorStream(true).redirectOutput(new File("target/pg-restart.log"));
    String pgPort = System.getenv("PGPORT");
    pb.environment().put("PGPORT", pgPort == null || pgPort.isBlank() ? "55432" : pgPort);
    return pb.start();
  }

  private static void awaitTrue(Duration limit, BooleanSupplier condition) {
    awaitTrue(limit, condition, () -> "");
  }

  private static void awaitTrue(Duration limit, BooleanSupplier condition, Supplier<String> state) {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // the database may still be coming back
      }
      sleep(250);
    }
    throw new AssertionError("condition not met within " + limit + " " + state.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
