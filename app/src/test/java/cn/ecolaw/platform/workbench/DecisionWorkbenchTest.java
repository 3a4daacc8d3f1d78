package cn.ecolaw.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.audit.AuditEntry;
import cn.ecolaw.platform.audit.AuditTrail;
import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.DiscretionResult;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision workbench over HTTP: published tables for everyone, drafts (who, when, why) for the analysts only,
 * the rule-by-rule diff, the suites, each guard rail refusing a crafted bad draft, publishing a new version with its
 * tag while recorded cases keep theirs.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionWorkbenchTest {

  static final String DISCRETION = "penalty-discretion";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired PenaltyDiscretionService discretion;
  @Autowired AuditTrail trail;
  /**
   * The discretion benchmark's guard rails evaluate some 4,000 generated inputs; before the FEEL speed-up this takes
   * longer than the HTTP client waits on a loaded machine, so those calls go to the service as the analyst.
   */
  @Autowired DecisionWorkbench workbench;

  PlatformHttp analyst;
  PlatformHttp officer;

  @BeforeEach
  void users() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    analyst = new PlatformHttp(port).as("analyst1");
    officer = new PlatformHttp(port).as("officer1");
  }

  @Test
  void everyoneReadsThePublishedDecisionsWithTheirVersionTag() {
    JsonNode list = officer.getOk("/api/decisions");
    List<String> keys = new ArrayList<>();
    list.forEach(d -> keys.add(d.get("key").asText()));

    assertThat(keys).contains(DISCRETION, "procedure-requirements", "mediation-routing", "appraisal-route",
        "review-grade", "review-arbitration").doesNotContain("violation-provision", "factor-grades");
    JsonNode one = officer.getOk("/api/decisions/" + DISCRETION);
    assertThat(one.get("xml").asText()).contains("<decision ").contains("id=\"penalty-discretion\"");
    assertThat(one.get("versionTag").asText()).isNotBlank();
    assertThat(officer.get("/api/decisions/no-such-decision").status()).isEqualTo(404);
  }

  @Test
  void onlyPolicyAnalystsDraftAndTheDraftRecordsWhoWhenAndWhy() {
    String xml = Drafts.published(analyst, "review-grade");
    for (String other : new String[] {"officer1", "admin", "judge1"}) {
      PlatformHttp.Response refused = new PlatformHttp(port).as(other)
          .post("/api/decisions/review-grade/drafts", Map.of("xml", xml, "reason", "试"));
      assertThat(refused.status()).as(other).isEqualTo(403);
      assertThat(refused.text("code")).isEqualTo("WB-006");
    }

    long id = Drafts.save(analyst, "review-grade", xml, "复核优秀等次的分数线");
    JsonNode draft = analyst.getOk("/api/decisions/drafts/" + id);

    assertThat(draft.get("createdBy").asText()).isEqualTo("analyst1");
    assertThat(draft.get("reason").asText()).isEqualTo("复核优秀等次的分数线");
    assertThat(draft.get("createdAt").asText()).isNotBlank();
    assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    assertThat(officer.get("/api/decisions/drafts/" + id).status()).isEqualTo(403);
  }

  @Test
  void aScriptPostsTheDmnFileItselfWithTheReasonAsAParameter() throws Exception {
    String xml = Drafts.published(analyst, "appraisal-route");
    java.net.http.HttpRequest request = Logins.as(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            "http://localhost:" + port + "/api/decisions/appraisal-route/drafts?reason="
                + PlatformHttp.enc("脚本提交的草稿")))
        .header("Content-Type", "application/xml")
        .header("Accept", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(xml, java.nio.charset.StandardCharsets.UTF_8)), "analyst1")
        .build();

    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request,
        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = PlatformHttp.json().readTree(r.body()).get("id").asLong();
    JsonNode draft = analyst.getOk("/api/decisions/drafts/" + id);
    assertThat(draft.get("reason").asText()).isEqualTo("脚本提交的草稿");
    assertThat(draft.get("xml").asText()).isEqualTo(xml);
    assertThat(analyst.getOk("/api/decisions/drafts/" + id + "/diff").get("decisions")).isEmpty();
  }

  @Test
  void aDraftThatIsNoDecisionFileOrNotFeelOrWithoutReasonIsRefusedInChinese() {
    String xml = Drafts.published(analyst, "review-grade");
    assertRefused(analyst.post("/api/decisions/review-grade/drafts", Map.of("xml", "<不是DMN/>", "reason", "试")),
        400, "WB-001");
    assertRefused(analyst.post("/api/decisions/review-grade/drafts", Map.of("xml", xml)), 400, "WB-003");
    assertRefused(analyst.post("/api/decisions/review-grade/drafts",
        Map.of("xml", xml.replace("id=\"review-grade\"", "id=\"review-grade-2\""), "reason", "改编号")), 400, "WB-002");
    String juel = Drafts.withCell(xml, firstOutputEntry(xml), "${execution.getVariable('x')}");
    assertRefused(analyst.post("/api/decisions/review-grade/drafts", Map.of("xml", juel, "reason", "试")), 400,
        "DEPLOY-003");
  }

  @Test
  void theDiffShowsChangedAddedAndRemovedRulesCellByCell() {
    String xml = Drafts.published(analyst, DISCRETION);
    String changed = Drafts.withCell(xml, "Rule_factor_grades_5_out3", "0.4");
    changed = changed.replaceFirst("(?s)<rule id=\"Rule_statutory_range_7\">.*?</rule>\\s*", "");
    changed = changed.replace("<rule id=\"Rule_factor_grades_1\">",
        "<rule id=\"Rule_new\"><inputEntry id=\"n1\"><text>&lt; 0</text></inputEntry><inputEntry id=\"n2\"><text>-"
            + "</text></inputEntry><inputEntry id=\"n3\"><text>-</text></inputEntry><inputEntry id=\"n4\"><text>-"
            + "</text></inputEntry><inputEntry id=\"n5\"><text>-</text></inputEntry><outputEntry id=\"n6\"><text>"
            + "\"超标程度\"</text></outputEntry><outputEntry id=\"n7\"><text>1</text></outputEntry><outputEntry"
            + " id=\"n8\"><text>0.35</text></outputEntry></rule><rule id=\"Rule_factor_grades_1\">");
    long id = Drafts.save(analyst, DISCRETION, changed, "超标两倍以上的权重提高到0.4");

    JsonNode diff = analyst.getOk("/api/decisions/drafts/" + id + "/diff");

    assertThat(diff.get("changed").asInt()).isEqualTo(1);
    assertThat(diff.get("added").asInt()).isEqualTo(1);
    assertThat(diff.get("removed").asInt()).isEqualTo(1);
    JsonNode grades = find(diff.get("decisions"), "decisionKey", "factor-grades");
    JsonNode rule = find(grades.get("rules"), "ruleId", "Rule_factor_grades_5");
    assertThat(rule.get("change").asText()).isEqualTo("CHANGED");
    assertThat(rule.get("cells")).hasSize(1);
    assertThat(rule.get("cells").get(0).get("column").asText()).isEqualTo("权重");
    assertThat(rule.get("cells").get(0).get("before").asText()).isEqualTo("0.35");
    assertThat(rule.get("cells").get(0).get("after").asText()).isEqualTo("0.4");
    assertThat(find(grades.get("rules"), "ruleId", "Rule_new").get("change").asText()).isEqualTo("ADDED");
    JsonNode range = find(diff.get("decisions"), "decisionKey", "statutory-range");
    assertThat(find(range.get("rules"), "ruleId", "Rule_statutory_range_7").get("change").asText()).isEqualTo("REMOVED");
  }

  @Test
  void suitesAreSeededFromTheTableTestsAndEditedByAnalystsOnly() {
    JsonNode suite = officer.getOk("/api/decisions/review-grade/suites");
    assertThat(suite.get("cases").size()).isEqualTo(11);
    assertThat(officer.getOk("/api/decisions/" + DISCRETION + "/suites").get("cases").size()).isGreaterThan(10);
    assertThat(officer.getOk("/api/decisions/procedure-requirements/suites").get("cases").size()).isEqualTo(14);

    Map<String, Object> edited = Map.of("name", "是否提请专家仲裁", "cases", List.of(
        Map.of("id", "a1", "name", "相差十分半须仲裁", "inputs", Map.of("cityScore", 95, "provinceScore", 84.5,
            "cityVetoFailed", false, "provinceVetoFailed", false), "expected", Map.of("arbitrationRequired", true))));
    assertRefused(officer.put("/api/decisions/review-arbitration/suites", edited), 403, "WB-006");
    assertRefused(analyst.put("/api/decisions/review-arbitration/suites", Map.of("cases", List.of(Map.of("inputs",
        Map.of("x", List.of(1)), "expected", Map.of("arbitrationRequired", true))))), 400, "WB-010");
    PlatformHttp.Response saved = analyst.put("/api/decisions/review-arbitration/suites", edited);
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);

    assertThat(officer.getOk("/api/decisions/review-arbitration/suites").get("cases")).hasSize(1);
    String xml = Drafts.published(analyst, "review-arbitration");
    long id = Drafts.save(analyst, "review-arbitration", xml, "只跑一个用例");
    JsonNode report = analyst.postOk("/api/decisions/drafts/" + id + "/test", Map.of());
    assertThat(report.get("suite").get("total").asInt()).isEqualTo(1);
    assertThat(report.get("passed").asBoolean()).as(report.toString()).isTrue();
  }

  @Test
  void everySeededSuitePassesOnThePublishedDecision() {
    // penalty-discretion: thePublishedDiscretionTablePassesEveryGuardRail (its suite is GUARD-001)
    for (String key : List.of("procedure-requirements", "mediation-routing", "appraisal-route", "review-grade")) {
      long id = Drafts.save(analyst, key, Drafts.published(analyst, key), "原样");
      JsonNode suite = analyst.postOk("/api/decisions/drafts/" + id + "/test", Map.of()).get("suite");
      assertThat(suite.get("failed").asInt()).as(key + " " + suite).isZero();
      assertThat(suite.get("total").asInt()).as(key).isPositive();
    }
  }

  // ------------------------------------------------------------------------------------------------ guard rails

  @Test
  void thePublishedDiscretionTablePassesEveryGuardRail() {
    long id = Drafts.save(analyst, DISCRETION, Drafts.published(analyst, DISCRETION), "原样");

    GuardRails.Report report = asAnalyst(() -> workbench.test(id));

    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(report.guards()).extracting(GuardRails.Guard::code)
        .containsExactly("GUARD-001", "GUARD-002", "GUARD-003", "GUARD-004", "GUARD-005");
    assertThat(report.sweep()).isGreaterThan(4000);
    assertThat(report.suite().failed()).isZero();
    assertThat(report.suite().total()).isGreaterThan(10);
  }

  @Test
  void guardSuiteRefusesADraftThatBreaksATestCase() {
    String xml = Drafts.published(analyst, "review-grade");
    String bad = Drafts.withCell(xml, firstOutputEntry(xml), "\"良好\"");
    assertRefusedWith422("review-grade", bad, "GUARD-001");
  }

  @Test
  void guardStatutoryRangeRefusesAFineAboveTheMaximumOfTheWaterLaw() {
    String bad = Drafts.withCell(Drafts.published(analyst, DISCRETION), "Rule_statutory_range_2_out2", "2000000");
    assertGuardRefuses(DISCRETION, bad, "GUARD-002");
  }

  @Test
  void guardMonotonicRefusesAGradeThatFallsWhenTheExceedanceRises() {
    String bad = Drafts.withCell(Drafts.published(analyst, DISCRETION), "Rule_factor_grades_5_out2", "1");
    assertGuardRefuses(DISCRETION, bad, "GUARD-003");
  }

  @Test
  void guardNoMatchRefusesADraftThatLeavesAViolationTypeWithoutARange() {
    String bad = Drafts.withCell(Drafts.published(analyst, DISCRETION), "Rule_statutory_range_4_in1",
        "\"SOLID_WASTE_GENERAL_X\"");
    assertGuardRefuses(DISCRETION, bad, "GUARD-004");
  }

  @Test
  void guardSensitiveAreaRefusesNoPenaltyInASensitiveArea() {
    String bad = Drafts.withCell(Drafts.published(analyst, DISCRETION), "Rule_penalty_discretion_1_in1", "-");
    assertGuardRefuses(DISCRETION, bad, "GUARD-005");
  }

  private void assertGuardRefuses(String key, String xml, String code) {
    int before = latest(key).getVersion();
    long id = Drafts.save(analyst, key, xml, "构造的错误草稿：" + code);

    DecisionWorkbench.Publication p = asAnalyst(() -> workbench.publish(id, "试发布", null));

    assertThat(p.published()).isFalse();
    GuardRails.Guard guard = p.guards().guards().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
    assertThat(guard.passed()).isFalse();
    assertThat(guard.violations()).isPositive();
    assertThat(guard.examples()).isNotEmpty().allMatch(e -> e.matches(".*\\p{IsHan}.*"));
    assertThat(latest(key).getVersion()).as("nothing deployed").isEqualTo(before);
    assertThat(analyst.getOk("/api/decisions/drafts/" + id).get("status").asText()).isEqualTo("DRAFT");
  }

  /** Over HTTP: 422 WB-020 listing each failed guard in Chinese, nothing deployed. */
  private void assertRefusedWith422(String key, String xml, String code) {
    int before = latest(key).getVersion();
    long id = Drafts.save(analyst, key, xml, "构造的错误草稿：" + code);

    PlatformHttp.Response r = analyst.post("/api/decisions/drafts/" + id + "/publish", Map.of("reason", "试发布"));

    assertThat(r.status()).as(r.text()).isEqualTo(422);
    assertThat(r.text("code")).isEqualTo("WB-020");
    assertThat(r.text("message")).contains(code).contains("不能发布");
    JsonNode guard = find(r.json().get("guards"), "code", code);
    assertThat(guard.get("passed").asBoolean()).isFalse();
    assertThat(guard.get("examples").size()).isPositive();
    assertThat(latest(key).getVersion()).as("nothing deployed").isEqualTo(before);
  }

  private <T> T asAnalyst(java.util.function.Supplier<T> call) {
    identity.setAuthentication("analyst1", List.of("policy-analyst"));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  // ------------------------------------------------------------------------------------------------ publishing

  @Test
  void publishingDeploysANewTaggedVersionThatNewEvaluationsUseWhileRecordedCasesKeepTheirs() {
    DiscretionInput input = new DiscretionInput("WATER_EXCEED", new BigDecimal("0.3"), 9, false, 2, false, false,
        false, null);
    DiscretionResult before = discretion.evaluate(input);
    String xml = Drafts.withAnnotation(Drafts.published(analyst, DISCRETION), "Rule_penalty_discretion_1",
        "应当不予处罚（行政处罚法第三十三条第一款前段）：措辞调整，内容不变。");
    long id = Drafts.save(analyst, DISCRETION, xml, "注释措辞");

    assertRefused(officer.post("/api/decisions/drafts/" + id + "/publish", Map.of("reason", "发布")), 403, "WB-006");
    assertRefused(analyst.post("/api/decisions/drafts/" + id + "/publish", Map.of()), 400, "WB-003");
    DecisionWorkbench.Publication published = asAnalyst(() ->
        workbench.publish(id, "按2026年省级基准修订注释", "2026.3-test" + id));

    assertThat(published.published()).isTrue();
    DecisionDefinition now = latest(DISCRETION);
    assertThat(now.getVersion()).isEqualTo(before.decisionVersion() + 1);
    assertThat(now.getVersionTag()).isEqualTo("2026.3-test" + id);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("factor-grades").latestVersion()
        .singleResult().getVersionTag()).as("every decision of the file").isEqualTo("2026.3-test" + id);
    assertThat(published.version()).isEqualTo(now.getVersion());
    assertThat(published.whatIf()).startsWith("回放");
    DiscretionResult after = discretion.evaluate(input);
    assertThat(after.decisionVersion()).isEqualTo(now.getVersion());
    assertThat(after.fineAmount()).isEqualByComparingTo(before.fineAmount());
    assertThat(before.decisionVersion()).as("what a case recorded stays").isEqualTo(now.getVersion() - 1);
    JsonNode draft = analyst.getOk("/api/decisions/drafts/" + id);
    assertThat(draft.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(draft.get("publishedBy").asText()).isEqualTo("analyst1");

    AuditEntry entry = trail.entries(DecisionWorkbench.TRAIL_PREFIX + DISCRETION).stream()
        .filter(e -> e.action().equals("DECISION_PUBLISHED")).reduce((a, b) -> b).orElseThrow();
    assertThat(entry.userId()).isEqualTo("analyst1");
    assertThat(entry.detail()).contains("按2026年省级基准修订注释").contains("回放").contains("2026.3-test" + id);
    assertThat(trail.verify(DecisionWorkbench.TRAIL_PREFIX + DISCRETION).valid()).isTrue();

    assertRefused(analyst.post("/api/decisions/drafts/" + id + "/publish", Map.of("reason", "再发一次")), 409, "WB-007");
    long stale = Drafts.save(analyst, DISCRETION, xml, "旧稿");
    JsonNode staleDraft = analyst.getOk("/api/decisions/drafts/" + stale);
    assertThat(staleDraft.get("baseVersion").asInt()).isEqualTo(now.getVersion());
  }

  @Test
  void aDraftBasedOnAnOlderVersionIsNotPublishedOverANewerOne() {
    String xml = Drafts.published(analyst, "review-arbitration");
    long first = Drafts.save(analyst, "review-arbitration", xml, "第一稿");
    long second = Drafts.save(analyst, "review-arbitration", xml, "第二稿");
    PlatformHttp.Response one = analyst.post("/api/decisions/drafts/" + first + "/publish", Map.of("reason", "发布第一稿"));
    assertThat(one.status()).as(one.text()).isEqualTo(201);
    assertThat(one.json().get("versionTag").asText()).endsWith("-d" + first);
    assertThat(one.json().get("whatIf").asText()).contains("不适用");

    assertRefused(analyst.post("/api/decisions/drafts/" + second + "/publish", Map.of("reason", "发布第二稿")), 409,
        "WB-008");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private DecisionDefinition latest(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private static void assertRefused(PlatformHttp.Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.text("code")).as(r.text()).isEqualTo(code);
    assertThat(r.text("message")).as(r.text()).matches(".*\\p{IsHan}.*");
  }

  private static String firstOutputEntry(String xml) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<outputEntry id=\"([^\"]+)\"").matcher(xml);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError(field + "=" + value + " not in " + array);
  }
}
