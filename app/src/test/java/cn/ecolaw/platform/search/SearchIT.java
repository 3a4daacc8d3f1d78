package cn.ecolaw.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.SearchIntegrationTest;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.time.Duration;
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

/**
 * Case search on real PostgreSQL and real Elasticsearch: indexing lag, Chinese search and its ranking, unit
 * isolation inside the query.
 */
@SearchIntegrationTest
class SearchIT {

  static final Duration LAG = Duration.ofSeconds(2);

  @Autowired private SearchService search;
  @Autowired private CaseLauncher launcher;
  @Autowired private ProcessDriver driver;
  @Autowired private RuntimeService runtime;
  @Autowired private IdentityService identity;

  private SearchFlows flows;

  @BeforeEach
  void setUp() {
    flows = new SearchFlows(launcher, driver, runtime, identity);
    if (!warm) { // the first case of a fresh JVM is slow everywhere (classes, JIT): the lag is the steady state's
      String first = flows.start("预热有限公司", "预热。");
      // a node just started by the test command may refuse its first connections: the warm-up waits for it
      awaitHit(first, h -> first.equals(h.get("caseNo")), Duration.ofSeconds(60));
      warm = true;
    }
  }

  private static boolean warm;

  @Test
  void aNewCaseAndEachStepAreSearchableWithinTwoSeconds() {
    String marker = "滞后测试" + UUID.randomUUID().toString().substring(0, 6);
    String caseNo = flows.start("湖州" + marker + "化工有限公司", "夜间废水超标排放。");
    Instant started = Instant.now(); // the start has committed
    Map<String, Object> hit = awaitHit(marker, h -> caseNo.equals(h.get("caseNo")));
    assertThat(Duration.between(started, Instant.now())).isLessThanOrEqualTo(LAG);
    assertThat(hit).containsEntry("status", "FILING").containsEntry("process", "enforcement-case");

    String pid = flows.instanceOf(caseNo);
    flows.file(pid);
    Instant filed = Instant.now(); // the filing has committed
    Map<String, Object> after = awaitHit(marker, h -> caseNo.equals(h.get("caseNo"))
        && "INVESTIGATING".equals(h.get("status")));
    assertThat(Duration.between(filed, Instant.now())).isLessThanOrEqualTo(LAG);
    assertThat(after.get("currentStep")).isEqualTo("调查取证");
  }

  @Test
  void aSearchForPartOfANameFindsTheCompany() {
    String caseNo = flows.start("湖州织里恒通印染有限公司", "废水超标排放。");
    awaitHit(caseNo, h -> caseNo.equals(h.get("caseNo")));

    List<Map<String, Object>> hits = hits(query("印染", null, 100));
    assertThat(hits).extracting(h -> h.get("caseNo")).contains(caseNo);
    Map<String, Object> hit = hits.stream().filter(h -> caseNo.equals(h.get("caseNo"))).findFirst().orElseThrow();
    assertThat(hit.get("partyName")).isEqualTo("湖州织里恒通印染有限公司");
    assertThat(String.join("", highlights(hit))).contains("<em>");
    assertThat(hits(query("恒通印染", null, 100))).extracting(h -> h.get("caseNo")).contains(caseNo);
    String other = flows.start("湖州织里恒通化工有限公司", "废水超标排放。");
    awaitHit(other, h -> other.equals(h.get("caseNo")));
    assertThat(hits(query("印染", null, 100))).extracting(h -> h.get("caseNo")).doesNotContain(other);
  }

  @Test
  void theExactPhraseRanksAboveScatteredCharacters() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String exact = flows.start("排序甲" + tag + "公司", "经现场检查，该公司废水总排口存在超标排放行为，化学需氧量浓度超过标准。");
    String scattered = flows.start("排序乙" + tag + "公司", "经现场检查，该公司排放的废水化学需氧量浓度超标，已责令其立即改正行为。");
    String unrelated = flows.start("排序丙" + tag + "公司", "经现场检查，该公司未按规定设置危险废物识别标志。");
    awaitHit(tag, h -> unrelated.equals(h.get("caseNo")));
    awaitHit(tag, h -> scattered.equals(h.get("caseNo")));

    List<Object> ranked = hits(query("超标排放", null, 100)).stream().map(h -> h.get("caseNo")).toList();
    assertThat(ranked).contains(exact, scattered).doesNotContain(unrelated);
    assertThat(ranked.indexOf(exact)).as("exact phrase before scattered characters").isLessThan(ranked.indexOf(scattered));
  }

  @Test
  void aCourtFindsOnlyTheCasesHandedToIt() {
    String tag = "隔离" + UUID.randomUUID().toString().substring(0, 6);
    String handed = flows.start(tag + "移送有限公司", "废水超标排放。");
    String kept = flows.start(tag + "留局有限公司", "废水超标排放。");
    flows.toCourt(flows.instanceOf(handed));
    awaitHit(tag, h -> handed.equals(h.get("caseNo")) && "AT_COURT".equals(h.get("status")));
    awaitHit(tag, h -> kept.equals(h.get("caseNo")));

    List<Object> judge = flows.as("judge1", List.of("court-judge"), () -> caseNos(query(tag, null, 100)));
    assertThat(judge).contains(handed).doesNotContain(kept);
    List<Object> officer = flows.as("officer1", List.of("eco-officer"), () -> caseNos(query(tag, null, 100)));
    assertThat(officer).contains(handed, kept);
    List<Object> analyst = flows.as("analyst1", List.of("policy-analyst"), () -> caseNos(query(tag, null, 100)));
    assertThat(analyst).isEmpty();
    List<Object> mediator = flows.as("mediator1", List.of("mediator"), () -> caseNos(query(tag, null, 100)));
    assertThat(mediator).isEmpty();
    // the court's own instance (non-litigation execution) is found by the court too, once shipped
    awaitHit(tag, h -> "non-litigation-execution".equals(h.get("process")));
    Map<String, Object> all = flows.as("judge1", List.of("court-judge"), () -> query(tag, null, 100));
    assertThat(hits(all)).extracting(h -> h.get("process")).contains("non-litigation-execution");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> byProcess = (List<Map<String, Object>>) ((Map<String, Object>) all.get("facets"))
        .get("process");
    assertThat(byProcess).extracting(b -> b.get("key")).contains("enforcement-case", "non-litigation-execution");
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  Map<String, Object> query(String q, String status, int size) {
    return search.search(SearchQuery.of(q, null, null, status, null, null, null, "1", String.valueOf(size)));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> hits(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("hits");
  }

  static List<Object> caseNos(Map<String, Object> answer) {
    return hits(answer).stream().map(h -> h.get("caseNo")).toList();
  }

  @SuppressWarnings("unchecked")
  static List<String> highlights(Map<String, Object> hit) {
    return (List<String>) hit.get("highlight");
  }

  /** Polls the search (as the engine, unrestricted) until a hit matches; fails after 10 s. */
  Map<String, Object> awaitHit(String q, Predicate<Map<String, Object>> wanted) {
    return awaitHit(q, wanted, Duration.ofSeconds(10));
  }

  /** The same, with a given patience; a search answering "unavailable" meanwhile is asked again. */
  Map<String, Object> awaitHit(String q, Predicate<Map<String, Object>> wanted, Duration patience) {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      try {
        for (Map<String, Object> h : hits(query(q, null, 100))) {
          if (wanted.test(h)) {
            return h;
          }
        }
      } catch (SearchUnavailableException e) {
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no hit for '" + q + "' after " + patience.toSeconds() + " s: "
            + hits(query(q, null, 100)));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
