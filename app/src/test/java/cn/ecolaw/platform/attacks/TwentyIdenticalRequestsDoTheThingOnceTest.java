package cn.ecolaw.platform.attacks;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: twenty identical requests at once do the thing once; every other one answers 409 with a code and a Chinese
 * message, having changed nothing — never a 5xx. Twenty acceptances of the same clue transfer (each used to render the
 * receipt PDF while holding a database connection, until the pool ran dry and the late ones answered 500) and twenty
 * publications of the same decision draft.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwentyIdenticalRequestsDoTheThingOnceTest {

  private static final int N = 20;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  PlatformHttp http;
  final ExecutorService pool = Executors.newFixedThreadPool(N);

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private List<PlatformHttp.Response> atOnce(Supplier<PlatformHttp.Response> request) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<PlatformHttp.Response>> futures = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      futures.add(pool.submit(() -> {
        go.await();
        return request.get();
      }));
    }
    go.countDown();
    List<PlatformHttp.Response> out = new ArrayList<>();
    for (Future<PlatformHttp.Response> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  private static void oneWonTheRestAreCodedConflicts(List<PlatformHttp.Response> answers, int success) {
    assertThat(answers).as("no 5xx: %s", answers).allSatisfy(r -> assertThat(r.status()).isLessThan(500));
    assertThat(answers).filteredOn(r -> r.status() == success).as("%s", answers).hasSize(1);
    assertThat(answers).filteredOn(r -> r.status() != success).allSatisfy(r -> {
      assertThat(r.status()).as(r.text()).isEqualTo(409);
      assertThat(r.text("code")).as(r.text()).isNotBlank();
      assertThat(r.text("message")).containsPattern("\\p{IsHan}");
    });
  }

  @Test
  void twentyPoliceAcceptancesOfOneClueTransferAcceptItOnce() throws Exception {
    JsonNode sent = http.as("officer1").postOk("/api/clues", TestCases.of("receiverUnit", "unit-police",
        "kind", "CRIME", "subject", "湖州某化工有限公司", "facts", "夜间通过暗管排放含铬废水，涉嫌污染环境罪。"));
    String pid = sent.path("processInstanceId").asText();
    String transferNo = sent.path("transferNo").asText();
    tasks.complete(tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
        TestCases.of("transferApprovalGranted", true, "approvalNote", "同意移送。"));
    String review = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReviewTransfer")
        .singleResult().getId();
    Map<String, Object> body = Map.of("variables", Map.of("transferAccepted", Map.of("value", true),
        "receiverOpinion", Map.of("value", "湖公（环）立字〔2026〕5号：决定立案侦查。")));

    List<PlatformHttp.Response> answers = atOnce(() -> http.as("police1")
        .post("/engine-rest/task/" + review + "/submit-form", body));

    oneWonTheRestAreCodedConflicts(answers, 204);
    assertThat(answers).filteredOn(r -> r.status() == 409).extracting(r -> r.text("code")).containsOnly("TASK-409");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(review).finished().count()).isOne();
    JsonNode followed = http.as("police1").getOk("/api/clues/" + enc(transferNo));
    assertThat(followed.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(followed.path("documents")).extracting(d -> d.path("title").asText())
        .containsExactly("移送函", "移送回执");
  }

  @Test
  void twentyPublicationsOfOneDraftPublishOneVersion() throws Exception {
    PlatformHttp analyst = http.as("analyst1");
    String xml = analyst.getOk("/api/decisions/review-grade").get("xml").asText();
    long id = analyst.postOk("/api/decisions/review-grade/drafts", Map.of("xml", xml, "reason", "并发发布试验"))
        .get("id").asLong();
    long before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("review-grade").count();

    List<PlatformHttp.Response> answers = atOnce(() -> analyst.post("/api/decisions/drafts/" + id + "/publish",
        Map.of("reason", "并发发布")));

    oneWonTheRestAreCodedConflicts(answers, 201);
    assertThat(answers).filteredOn(r -> r.status() == 409).extracting(r -> r.text("code")).containsOnly("WB-007");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("review-grade").count())
        .isEqualTo(before + 1);
  }
}
