package cn.ecolaw.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.TaskConflicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 3, "Two users completing the same task at once": exactly one wins, the other gets a clear conflict (Java:
 * {@link OptimisticLockingException}, or the document version guard DOC-409 when the database notices first — both
 * recognised by {@link TaskConflicts}; {@code /engine-rest}: 409 "任务已由他人办理，请刷新"), and nothing is done twice —
 * one penalty decision, one court application document, one {@code non-litigation-execution} instance. Run on H2
 * ({@link ConcurrentCompletionTest}) and on PostgreSQL ({@link ConcurrentCompletionIT}).
 */
abstract class ConcurrentCompletionScenarios {

  @Autowired private CaseLauncher launcher;
  @Autowired private TaskService tasks;
  @Autowired private RuntimeService runtime;
  @Autowired private ManagementService management;
  @Autowired private HistoryService history;
  @Autowired private ProcessEngine engine;
  @Autowired private DocumentService documents;
  @Autowired private RaceGate gate;
  @LocalServerPort private int port;

  private PlatformHttp http;
  private CaseWalker walker;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeEach
  void setUp() {
    http = new PlatformHttp(port);
    walker = new CaseWalker(tasks, runtime, management);
  }

  @AfterEach
  void tearDown() {
    gate.disarm();
    pool.shutdownNow();
  }

  private String caseAt(String taskKey) {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    walker.walkTo(caseNo, taskKey);
    return caseNo;
  }

  private Task open(String caseNo, String taskKey) {
    return walker.openTasks(caseNo).stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst()
        .orElseThrow();
  }

  /** Runs both at once (a latch releases them together); returns each one's result or exception. */
  private List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> c : List.of(first, second)) {
      futures.add(pool.submit(() -> {
        go.await();
        try {
          return c.call();
        } catch (Exception e) {
          return e;
        }
      }));
    }
    go.countDown();
    List<Object> results = new ArrayList<>();
    for (Future<Object> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  private long documentsOf(String caseNo, DocumentType type) {
    return documents.list(caseNo).stream().map(GeneratedDocument::type).filter(type::equals).count();
  }

  private long courtInstances(String caseNo) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("non-litigation-execution")
        .variableValueEquals("caseNo", caseNo).count();
  }

  @Test
  void twoHeadsApprovingTheSameDecisionInJava_oneWins_theOtherIsAnOptimisticLockingConflict() throws Exception {
    String caseNo = caseAt("Task_ApproveDecision");
    Task task = open(caseNo, "Task_ApproveDecision");
    Map<String, Object> answers = CaseWalker.validAnswers("Task_ApproveDecision", tasks.getVariables(task.getId()));
    gate.arm(2);

    List<Object> results = race(() -> complete(task.getId(), answers), () -> complete(task.getId(), answers));

    assertThat(results).filteredOn("done"::equals).hasSize(1);
    Object loser = results.stream().filter(r -> !"done".equals(r)).findFirst().orElseThrow();
    // the engine's optimistic lock, or first the database's unique key on the decision's document version
    assertThat(loser).satisfiesAnyOf(
        l -> assertThat(l).isInstanceOf(OptimisticLockingException.class),
        l -> assertThat((Throwable) l).isInstanceOf(BadUserRequestException.class).hasMessageStartingWith("【DOC-409】"));
    assertThat(TaskConflicts.isLostRace((Throwable) loser, task.getId(), () -> engine)).isTrue();
    assertThat(documentsOf(caseNo, DocumentType.PENALTY_DECISION)).isOne();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey("Task_ApproveDecision").finished().count()).isOne();
    assertThat(walker.openTasks(caseNo)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_ServeDecision");
  }

  @Test
  void twoHeadsSubmittingTheCourtApplicationOverRest_oneWins_theOtherGets409_oneCourtCase() throws Exception {
    String caseNo = caseAt("Task_PrepareCourtApplication");
    Task task = open(caseNo, "Task_PrepareCourtApplication");
    Map<String, Object> body = Map.of("variables", Map.of(
        "enforcementItems", Map.of("value", "罚款及加处罚款"), "headOpinion", Map.of("value", "同意申请。")));
    gate.arm(2);

    List<Object> results = race(() -> http.post("/engine-rest/task/" + task.getId() + "/submit-form", body),
        () -> http.post("/engine-rest/task/" + task.getId() + "/complete", body));

    List<Integer> statuses = results.stream().map(r -> ((PlatformHttp.Response) r).status()).sorted().toList();
    assertThat(statuses).as("%s", results).containsExactly(204, 409);
    PlatformHttp.Response loser = results.stream().map(r -> (PlatformHttp.Response) r)
        .filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertThat(loser.text("message")).isEqualTo("【TASK-409】任务已由他人办理，请刷新");
    assertThat(courtInstances(caseNo)).isOne();
    assertThat(documentsOf(caseNo, DocumentType.ENFORCEMENT_APPLICATION)).isOne();
    assertThat(walker.openTasks(caseNo)).extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_ReviewApplication");
  }

  /** No gate: two real requests at once; whichever way the race goes, one 204 and one 409. */
  @Test
  void twoRequestsAtOnceWithoutHelp_one204_one409_onePenaltyDecision() throws Exception {
    String caseNo = caseAt("Task_ApproveDecision");
    Task task = open(caseNo, "Task_ApproveDecision");
    Map<String, Object> body = Map.of("variables", Map.of("decisionApproved", Map.of("value", "true"),
        "collectiveDiscussionHeld", Map.of("value", true), "headOpinion", Map.of("value", "同意。")));

    List<Object> results = race(() -> http.post("/engine-rest/task/" + task.getId() + "/complete", body),
        () -> http.post("/engine-rest/task/" + task.getId() + "/complete", body));

    assertThat(results.stream().map(r -> ((PlatformHttp.Response) r).status()).sorted().toList())
        .as("%s", results).containsExactly(204, 409);
    assertThat(documentsOf(caseNo, DocumentType.PENALTY_DECISION)).isOne();
  }

  @Test
  void aLateSubmissionOfACompletedTaskIs409InJavaItIsAConflictTooAndAnUnknownTaskStays404Or500() {
    String caseNo = caseAt("Task_ApproveDecision");
    Task task = open(caseNo, "Task_ApproveDecision");
    tasks.complete(task.getId(), CaseWalker.validAnswers("Task_ApproveDecision", tasks.getVariables(task.getId())));

    Map<String, Object> body = Map.of("variables", Map.of("headOpinion", Map.of("value", "同意。")));
    for (String action : List.of("complete", "submit-form")) {
      PlatformHttp.Response late = http.post("/engine-rest/task/" + task.getId() + "/" + action, body);
      assertThat(late.status()).as("%s: %s", action, late.text()).isEqualTo(409);
      assertThat(late.text("message")).isEqualTo("【TASK-409】任务已由他人办理，请刷新");
    }
    Exception javaLate = null;
    try {
      tasks.complete(task.getId(), Map.of());
    } catch (Exception e) {
      javaLate = e;
    }
    assertThat(TaskConflicts.isLostRace(javaLate, task.getId(), () -> engine)).isTrue();
    assertThat(documentsOf(caseNo, DocumentType.PENALTY_DECISION)).isOne();

    PlatformHttp.Response unknown = http.post("/engine-rest/task/no-such-task/complete", body);
    assertThat(unknown.status()).isNotEqualTo(409);
  }

  private Object complete(String taskId, Map<String, Object> answers) {
    tasks.complete(taskId, answers);
    return "done";
  }
}
