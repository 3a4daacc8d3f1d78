package cn.ecolaw.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/search} without Elasticsearch (search off): bad parameters are refused with 400, a code and a Chinese
 * message before anything else; a good search answers 503 SEARCH-503, the platform keeps working.
 */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchApiTest {

  @LocalServerPort private int port;
  private PlatformHttp http;

  @BeforeEach
  void connect() {
    http = new PlatformHttp(port);
  }

  @Test
  void searchWithoutElasticsearchAnswers503InChinese() {
    PlatformHttp.Response r = http.get("/api/search?q=" + PlatformHttp.enc("印染"));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.text("code")).isEqualTo("SEARCH-503");
    assertThat(r.text("message")).contains("案件搜索暂不可用").contains("案件办理不受影响");
    assertThat(http.get("/api/cases").status()).isEqualTo(200);
  }

  @Test
  void badParametersAre400WithACode() {
    assertRefused("/api/search?domain=RIVER", "SEARCH-002", "领域不正确");
    assertRefused("/api/search?status=DONE", "SEARCH-004", "案件状态不正确");
    assertRefused("/api/search?process=unknown", "SEARCH-005", "流程不正确");
    assertRefused("/api/search?from=2026-13-01", "SEARCH-006", "格式不正确");
    assertRefused("/api/search?from=2026-03-02&to=2026-03-01", "SEARCH-007", "晚于截止日期");
    assertRefused("/api/search?page=0", "SEARCH-008", "页码");
    assertRefused("/api/search?page=abc", "SEARCH-008", "应为整数");
    assertRefused("/api/search?page=500&size=100", "SEARCH-008", "最多可翻阅");
    assertRefused("/api/search?q=" + PlatformHttp.enc("超".repeat(101)), "SEARCH-001", "检索词过长");
    assertRefused("/api/search?region=" + PlatformHttp.enc("省".repeat(51)), "SEARCH-003", "地区名称过长");
  }

  @Test
  void theRebuildIsRefusedWithoutElasticsearchAndItsProgressIsShown() {
    PlatformHttp.Response started = http.post("/api/admin/search/reindex", java.util.Map.of());
    assertThat(started.status()).isEqualTo(503);
    assertThat(started.text("code")).isEqualTo("SEARCH-503");
    PlatformHttp.Response progress = http.get("/api/admin/search/reindex");
    assertThat(progress.status()).isEqualTo(200);
    assertThat(progress.text("state")).isEqualTo("IDLE");
    assertThat(progress.json().get("outboxPending").asLong()).isGreaterThanOrEqualTo(0);
  }

  private void assertRefused(String url, String code, String message) {
    PlatformHttp.Response r = http.get(url);
    assertThat(r.status()).as(url).isEqualTo(400);
    assertThat(r.text("code")).as(url).isEqualTo(code);
    assertThat(r.text("message")).as(url).contains(message);
  }
}
