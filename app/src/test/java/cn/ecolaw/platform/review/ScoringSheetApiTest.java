package cn.ecolaw.platform.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review office's API over HTTP: the scoring sheet read and republished (refusals in Chinese, the version
 * recorded with each review), the draw of closed files with its seed, and the statistics.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoringSheetApiTest {

  @LocalServerPort int port;
  @Autowired CaseFileRepository cases;

  PlatformHttp http;

  @BeforeEach
  void client() {
    http = new PlatformHttp(port);
  }

  @Test
  void sheetHasVetoItemsAndAHundredPointsOverEightStages() {
    JsonNode sheet = http.getOk("/api/reviews/sheet");
    List<String> vetoes = new ArrayList<>();
    double points = 0;
    java.util.Set<String> stages = new java.util.HashSet<>();
    for (JsonNode i : sheet.get("items")) {
      if (i.get("veto").asBoolean()) {
        vetoes.add(i.get("itemName").asText());
      } else {
        points += i.get("maxPoints").asDouble();
        stages.add(i.get("stage").asText());
      }
    }
    assertThat(points).isEqualTo(100d);
    assertThat(stages).hasSize(8);
    assertThat(vetoes).anyMatch(v -> v.contains("法制审核")).anyMatch(v -> v.contains("听证"));
    assertThat(http.getOk("/api/reviews/sheet/1").get("version").asInt()).isEqualTo(1);
  }

  @Test
  void publishesANewVersionThatTheNextReviewUses() {
    JsonNode current = http.getOk("/api/reviews/sheet");
    List<Map<String, Object>> items = new ArrayList<>();
    for (JsonNode i : current.get("items")) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("itemCode", i.get("itemCode").asText());
      item.put("stage", i.get("stage").asText());
      item.put("itemName", i.get("itemCode").asText().equals("ARC-02") ? "结案后三十日内归档" : i.get("itemName").asText());
      item.put("maxPoints", i.get("maxPoints").decimalValue());
      item.put("veto", i.get("veto").asBoolean());
      items.add(item);
    }
    PlatformHttp.Response published = http.post("/api/reviews/sheet", Map.of("note", "调整归档要求", "items", items));
    assertThat(published.status()).as(published.text()).isEqualTo(201);
    int version = published.json().get("version").asInt();
    assertThat(version).isGreaterThan(current.get("version").asInt());
    assertThat(http.getOk("/api/reviews/sheet").get("version").asInt()).isEqualTo(version);

    String caseNo = ReviewFixture.closedCase(cases);
    PlatformHttp.Response sample = http.post("/api/reviews/samples", Map.of("caseNos", List.of(caseNo)));
    assertThat(sample.status()).as(sample.text()).isEqualTo(201);
    String pid = sample.json().get("drawn").get(0).get("processInstanceId").asText();
    assertThat(http.getOk("/engine-rest/process-instance/" + pid + "/variables/sheetVersion").get("value").asInt())
        .isEqualTo(version);
    assertThat(http.getOk("/engine-rest/process-instance/" + pid + "/variables/sheetText").get("value").asText())
        .contains("结案后三十日内归档");
  }

  @Test
  void refusesASheetThatDoesNotAddUpOrHasBadItems() {
    Map<String, Object> item = new LinkedHashMap<>(Map.of("itemCode", "FIL-01", "stage", "FILING",
        "itemName", "立案", "maxPoints", 90, "veto", false));
    refused(Map.of("items", List.of(item)), "REV-028");
    refused(Map.of("items", List.of(Map.of("itemCode", "FIL-01", "stage", "FILING", "itemName", "立案",
        "maxPoints", 100, "veto", false), Map.of("itemCode", "FIL-01", "stage", "FILING", "itemName", "重复",
        "maxPoints", 0, "veto", true))), "REV-024");
    refused(Map.of("items", List.of(Map.of("itemCode", "X1", "stage", "FILING", "itemName", "立案",
        "maxPoints", 100))), "REV-023");
    refused(Map.of("items", List.of(Map.of("itemCode", "FIL-01", "stage", "PAYING", "itemName", "立案",
        "maxPoints", 100))), "REV-021");
    refused(Map.of("items", List.of(Map.of("itemCode", "VETO-01", "stage", "FILING", "itemName", "否决",
        "maxPoints", 5, "veto", true))), "REV-026");
    refused(Map.of("note", "空"), "REV-022");
  }

  private void refused(Map<String, Object> body, String code) {
    PlatformHttp.Response r = http.post("/api/reviews/sheet", body);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.json().get("code").asText()).isEqualTo(code);
    assertThat(r.json().get("message").asText()).containsPattern("[\\u4e00-\\u9fff]");
  }

  @Test
  void randomDrawRecordsItsSeedAndTheSameSeedDrawsTheSameFiles() {
    List<String> candidates = List.of("a", "b", "c", "d", "e", "f", "g");
    assertThat(ReviewSampling.pick(candidates, 3, 42L)).isEqualTo(ReviewSampling.pick(candidates, 3, 42L))
        .hasSize(3).doesNotHaveDuplicates().isSubsetOf(candidates);
    assertThat(ReviewSampling.pick(candidates, 10, 7L)).containsExactlyInAnyOrderElementsOf(candidates);

    ReviewFixture.closedCase(cases);
    PlatformHttp.Response r = http.post("/api/reviews/samples", Map.of("unit", "湖州市生态环境局", "count", 1,
        "seed", 20261122L));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.json().get("seed").asLong()).isEqualTo(20261122L);
    assertThat(r.json().get("drawn")).hasSize(1);
    String caseNo = r.json().get("drawn").get(0).get("caseNo").asText();
    assertThat(caseNo).startsWith("湖环罚");

    PlatformHttp.Response again = http.post("/api/reviews/samples", Map.of("caseNos", List.of(caseNo)));
    // a file already under review: a conflict (issue 8: one review per drawn file)
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asText()).isEqualTo("REV-015");
    assertThat(http.post("/api/reviews/samples", Map.of("unit", "某某局", "count", 1)).json().get("code").asText())
        .isEqualTo("REV-010");
    assertThat(http.post("/api/reviews/samples", Map.of("count", 0)).json().get("code").asText())
        .isEqualTo("REV-012");
  }
}
