package cn.ecolaw.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.ElasticsearchTestSupport;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.SearchIntegrationTest;
import cn.ecolaw.platform.workflow.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The index is never the truth: with Elasticsearch down the platform works on, search answers 503, the outbox keeps
 * every change and ships it when the node is back; a rebuild restores the whole index from the database.
 */
@SearchIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchResilienceIT {

  @Autowired private SearchService search;
  @Autowired private CaseLauncher launcher;
  @Autowired private ProcessDriver driver;
  @Autowired private RuntimeService runtime;
  @Autowired private IdentityService identity;
  @Autowired private Outbox outbox;
  @Autowired private CaseIndex index;
  @LocalServerPort private int port;

  private SearchFlows flows;
  private PlatformHttp http;

  @BeforeEach
  void setUp() {
    flows = new SearchFlows(launcher, driver, runtime, identity);
    http = new PlatformHttp(port);
  }

  @Test
  void withElasticsearchDownTheCaseGoesOnAndTheIndexCatchesUpAfterwards() {
    String tag = "停机" + UUID.randomUUID().toString().substring(0, 6);
    String worked = flows.start(tag + "甲有限公司", "废水超标排放。");
    awaitHit(tag, h -> worked.equals(h.get("caseNo")));

    ElasticsearchTestSupport.kill();
    String startedWhileDown;
    try {
      flows.file(flows.instanceOf(worked)); // the engine's transactions do not notice
      startedWhileDown = flows.start(tag + "乙有限公司", "废气超标排放。");
      assertThat(outbox.pending()).as("changes kept in the outbox").isPositive();

      assertThatThrownBy(() -> query(tag)).isInstanceOfSatisfying(PlatformException.class,
          e -> assertThat(e.getStatus()).isEqualTo(503));
      PlatformHttp.Response answer = http.get("/api/search?q=" + PlatformHttp.enc(tag));
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.text("code")).isEqualTo("SEARCH-503");
      assertThat(answer.text("message")).contains("搜索暂不可用");
    } finally {
      ElasticsearchTestSupport.resume();
    }

    awaitHit(tag, h -> worked.equals(h.get("caseNo")) && "INVESTIGATING".equals(h.get("status")));
    String second = startedWhileDown;
    awaitHit(tag, h -> second.equals(h.get("caseNo")) && "FILING".equals(h.get("status")));
  }

  @Test
  void aRebuildRestoresTheIndexFromTheDatabaseWithProgress() throws Exception {
    String tag = "重建" + UUID.randomUUID().toString().substring(0, 6);
    String caseNo = flows.start(tag + "有限公司", "固体废物非法倾倒。");
    awaitHit(tag, h -> caseNo.equals(h.get("caseNo")));
    // a document of an instance the database does not know (deleted meanwhile) and the case's own, lost
    index.write(List.of(ghost(tag)), List.of(), Instant.parse("2020-01-01T00:00:00Z"));
    index.client().delete(d -> d.index(index.name()).id(flows.instanceOf(caseNo)));
    index.refresh();
    assertThat(caseNos(query(tag))).contains("湖环罚〔2020〕1号").doesNotContain(caseNo);

    JsonNode started = http.postOk("/api/admin/search/reindex", Map.of());
    assertThat(started.get("state").asText()).isIn("RUNNING", "DONE");
    JsonNode progress = started;
    Instant deadline = Instant.now().plusSeconds(180);
    while (!"DONE".equals(progress.get("state").asText())) {
      assertThat(progress.get("state").asText()).isNotEqualTo("FAILED");
      assertThat(Instant.now()).as("rebuild finished").isBefore(deadline);
      Thread.sleep(200);
      progress = http.getOk("/api/admin/search/reindex");
    }
    assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong()).isPositive();
    assertThat(progress.get("percent").asInt()).isEqualTo(100);

    List<Object> found = caseNos(query(tag));
    assertThat(found).contains(caseNo).doesNotContain("湖环罚〔2020〕1号");

    PlatformHttp.Response refused = http.as("officer1").post("/api/admin/search/reindex", Map.of());
    assertThat(refused.status()).isIn(401, 403);
  }

  private static CaseDocument ghost(String tag) {
    return new CaseDocument("ghost-" + tag, "湖环罚〔2020〕1号", "enforcement-case", "行政处罚案件", "ghost-" + tag, null,
        tag + "有限公司", null, null, null, null, null, null, null, null, null, null, null, List.of("unit-bureau"),
        "CLOSED", "已结案", false, null, List.of(), null, null, null, null, null, null, null, null,
        Instant.parse("2020-01-01T00:00:00Z"), "2020-01", null, null, null, Instant.parse("2020-01-01T00:00:00Z"),
        List.of(), List.of(), null, null, List.of(), List.of(), null);
  }

  private Map<String, Object> query(String q) {
    return search.search(SearchQuery.of(q, null, null, null, null, null, null, "1", "100"));
  }

  private Map<String, Object> awaitHit(String q, Predicate<Map<String, Object>> wanted) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      try {
        for (Map<String, Object> h : SearchIT.hits(query(q))) {
          if (wanted.test(h)) {
            return h;
          }
        }
      } catch (PlatformException e) {
        // the node is still coming back
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no matching hit for '" + q + "' after 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static List<Object> caseNos(Map<String, Object> answer) {
    return SearchIT.caseNos(answer);
  }
}
