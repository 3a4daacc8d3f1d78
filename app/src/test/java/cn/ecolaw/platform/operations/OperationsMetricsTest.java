package cn.ecolaw.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentTestAccess;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's figures move with the work (issue 14): a case started and closed, its tasks completed, a refusal on
 * each door, a document generated, a job that fails into an incident — each counted once, after its transaction,
 * and shown in the Prometheus output under {@code ecocase_*}.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class OperationsMetricsTest {

  static final String FLOW = "enforcement-case";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired MeterRegistry meters;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired DocumentService documents;
  PlatformHttp http;

  @BeforeEach
  void users() {
    Logins.ensureDemoUsers(identity);
    MonitorAccountInitializer.createAccount(identity);
    http = new PlatformHttp(port);
  }

  @Test
  void casesStartedAndClosedAndTasksCompletedAreCountedPerFlow() {
    double started = count("ecocase.cases.started", "flow", FLOW);
    double notFiled = count("ecocase.cases.closed", "flow", FLOW, "outcome", "NOT_FILED");
    double proposed = count("ecocase.tasks.completed", "flow", FLOW, "task", "Task_ProposeFiling");

    // given a case started through /api
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    String caseNo = TestCases.caseNo();
    body.put("caseNo", caseNo);
    assertThat(http.as("officer1").post("/api/cases", body).status()).isEqualTo(201);
    assertThat(count("ecocase.cases.started", "flow", FLOW)).isEqualTo(started + 1);

    // when filing is proposed and refused
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    tasks.complete(task(pid, "Task_ProposeFiling").getId(),
        Map.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    tasks.complete(task(pid, "Task_ApproveFiling").getId(),
        Map.of("filingApproved", false, "headOpinion", "证据不足，不予立案"));

    // then the task and the closed case are counted with the case's outcome
    assertThat(count("ecocase.tasks.completed", "flow", FLOW, "task", "Task_ProposeFiling")).isEqualTo(proposed + 1);
    assertThat(count("ecocase.cases.closed", "flow", FLOW, "outcome", "NOT_FILED")).isEqualTo(notFiled + 1);
    String prometheus = prometheus(MonitorAccountInitializer.USER);
    assertThat(prometheus)
        .contains("ecocase_cases_started_total{application=\"eco-case-platform\",flow=\"enforcement-case\"}")
        .contains("ecocase_cases_closed_total{application=\"eco-case-platform\",flow=\"enforcement-case\",outcome=\"NOT_FILED\"}")
        .contains("ecocase_tasks_completed_total{application=\"eco-case-platform\",flow=\"enforcement-case\",task=\"Task_ProposeFiling\"}");
  }

  @Test
  void aRefusedStartCountsNothingStarted() {
    double started = count("ecocase.cases.started", "flow", FLOW);
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("partyId", "not-a-credit-code");

    PlatformHttp.Response refused = http.as("officer1").post("/api/cases", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(count("ecocase.cases.started", "flow", FLOW)).isEqualTo(started);
  }

  @Test
  void refusalsAreCountedByCodeOnEachDoorOnce() {
    // the application API: a PlatformException answered by the error handler
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("partyId", "not-a-credit-code");
    String apiCode = refusedOnce("api", () -> http.as("officer1").post("/api/cases", body));
    assertThat(apiCode).isNotBlank();
    // the application API: refused by the authentication filter
    assertThat(refusedOnce("api", () -> http.anonymous().get("/api/cases"))).isEqualTo("AUTH-001");
    // the engine's REST API: refused by the engine, translated into Chinese
    assertThat(refusedOnce("engine-rest", () -> http.get("/engine-rest/task/no-such-task"))).isNotBlank();
    // the operator's endpoints
    assertThat(refusedOnce("actuator", () -> http.as("officer1").get("/actuator/prometheus"))).isEqualTo("OPS-001");

    assertThat(prometheus("admin"))
        .contains("ecocase_refusals_total{application=\"eco-case-platform\",code=\"OPS-001\",door=\"actuator\"}");
  }

  @Test
  void documentsAreCountedAndTimedPerType() {
    Timer before = meters.find("ecocase.documents.generated").tag("type", "REMINDER").timer();
    long count = before == null ? 0 : before.count();

    documents.generate(TestCases.caseNo(), DocumentType.REMINDER, DocumentTestAccess.sample(DocumentType.REMINDER),
        "officer1");

    Timer after = meters.find("ecocase.documents.generated").tag("type", "REMINDER").timer();
    assertThat(after).isNotNull();
    assertThat(after.count()).isEqualTo(count + 1);
    assertThat(after.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(prometheus("admin"))
        .contains("ecocase_documents_generated_seconds_count{application=\"eco-case-platform\",type=\"REMINDER\"}");
  }

  @Test
  void aJobThatFailsIsCountedAndItsIncidentIsOpen() {
    String key = "operations-failing-job";
    String deployment = repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .startEvent().serviceTask("fail").camundaAsyncBefore().camundaClass("cn.ecolaw.platform.no.SuchDelegate")
        .endEvent().done()).deploy().getId();
    try {
      double failures = count("ecocase.jobs.failures", "flow", key, "type", "async-continuation");
      double incidents = count("ecocase.incidents.created", "flow", key, "type", "failedJob");
      String pid = runtime.startProcessInstanceByKey(key).getId();
      Job job = management.createJobQuery().processInstanceId(pid).singleResult();
      management.setJobRetries(job.getId(), 1);

      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the delegate class does not exist: the job fails
      }

      assertThat(count("ecocase.jobs.failures", "flow", key, "type", "async-continuation")).isEqualTo(failures + 1);
      assertThat(count("ecocase.incidents.created", "flow", key, "type", "failedJob")).isEqualTo(incidents + 1);
      assertThat(meters.find("ecocase.incidents.open").gauge().value()).isGreaterThanOrEqualTo(1);
      assertThat(meters.find("ecocase.jobs.failed").gauge().value()).isGreaterThanOrEqualTo(1);
      assertThat(prometheus("admin")).contains("ecocase_incidents_open", "ecocase_jobs_due",
          "ecocase_search_outbox_size", "ecocase_search_outbox_oldest_age_seconds");
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  /** The Prometheus output as a scraper reads it (text format, no JSON Accept header). */
  String prometheus(String user) {
    try {
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
              .header("Authorization", Logins.basic(user)).header("Accept", "text/plain").GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return r.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Sends a request that is refused and checks that exactly one refusal was counted for its code on that door. */
  String refusedOnce(String door, java.util.function.Supplier<PlatformHttp.Response> request) {
    Map<String, Double> before = refusals(door);
    PlatformHttp.Response r = request.get();
    assertThat(r.status()).as(r.text()).isGreaterThanOrEqualTo(400);
    String code = r.text("code");
    // the outermost filter counts once the response is written: the client may read it a moment earlier
    Map<String, Double> after = refusals(door);
    for (long deadline = System.nanoTime() + 5_000_000_000L;
        after.getOrDefault(code, 0.0) <= before.getOrDefault(code, 0.0) && System.nanoTime() < deadline;
        after = refusals(door)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(after.getOrDefault(code, 0.0)).as(door + " " + code).isEqualTo(before.getOrDefault(code, 0.0) + 1);
    double totalBefore = before.values().stream().mapToDouble(Double::doubleValue).sum();
    double totalAfter = after.values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(totalAfter).as("one refusal counted").isEqualTo(totalBefore + 1);
    return code;
  }

  Map<String, Double> refusals(String door) {
    Map<String, Double> m = new HashMap<>();
    meters.find("ecocase.refusals").tag("door", door).counters()
        .forEach(c -> m.merge(c.getId().getTag("code"), c.count(), Double::sum));
    return m;
  }

  double count(String name, String... tags) {
    Counter c = meters.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  Task task(String pid, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task %s", key).isNotNull();
    return t;
  }
}
