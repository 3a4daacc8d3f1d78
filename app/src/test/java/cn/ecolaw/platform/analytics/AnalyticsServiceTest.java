package cn.ecolaw.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.ecolaw.platform.search.CaseIndex;
import cn.ecolaw.platform.search.SearchClient;
import cn.ecolaw.platform.search.SearchProperties;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' answers without a search engine: Elasticsearch off or unreachable → 503 ANA-503 in Chinese; bad
 * parameters → 400 with their code, checked before the engine is asked.
 */
class AnalyticsServiceTest {

  static final Scope PROVINCE = new Scope(true, List.of("unit-bureau"), Map.of("unit-bureau", "湖州市生态环境局"));
  static final AnalyticsProperties SETTINGS = new AnalyticsProperties(null, null, null, null, null);

  SearchClient client;

  AnalyticsService service(String url) {
    client = new SearchClient(new SearchProperties(url, null, null, null, null, "ecocase-none", Duration.ofSeconds(1),
        10, Duration.ofSeconds(1)));
    return new AnalyticsService(new CaseIndex(client), SETTINGS);
  }

  @AfterEach
  void close() throws Exception {
    if (client != null) {
      client.destroy();
    }
  }

  static PlatformException refusal(Supplier<?> call) {
    return catchThrowableOfType(PlatformException.class, call::get);
  }

  @Test
  void whenElasticsearchCannotBeReachedEveryDashboardAnswers503InChinese() {
    AnalyticsService down = service("http://127.0.0.1:1");

    for (Supplier<?> call : List.<Supplier<?>>of(() -> down.caseload(PROVINCE, "domain", null, null, null),
        () -> down.deadlines(PROVINCE, "all"), () -> down.fineConsistency(PROVINCE, null),
        () -> down.headline(PROVINCE))) {
      PlatformException e = refusal(call);
      assertThat(e.getStatus()).isEqualTo(503);
      assertThat(e.getCode()).isEqualTo("ANA-503");
      assertThat(e.getMessage()).startsWith("监督看板的统计暂不可用：无法连接搜索服务").contains("案件办理不受影响");
    }
  }

  @Test
  void whenSearchIsNotConfiguredTheDashboardsAnswer503InChinese() {
    PlatformException e = refusal(() -> service("").headline(PROVINCE));

    assertThat(e.getStatus()).isEqualTo(503);
    assertThat(e.getCode()).isEqualTo("ANA-503");
    assertThat(e.getMessage()).contains("未配置搜索服务");
  }

  @Test
  void badParametersAre400WithACodeAndAChineseMessageBeforeTheEngineIsAsked() {
    AnalyticsService down = service("http://127.0.0.1:1");

    assertThat(refusal(() -> down.caseload(PROVINCE, "party", null, null, null)))
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(400))
        .satisfies(e -> assertThat(e.getCode()).isEqualTo("ANA-002"))
        .satisfies(e -> assertThat(e.getMessage()).contains("统计维度 by 只能是", "party"));
    assertThat(refusal(() -> down.caseload(PROVINCE, "month", "bogus", null, null)).getCode()).isEqualTo("ANA-003");
    assertThat(refusal(() -> down.caseload(PROVINCE, "month", null, "2026-13", null)).getCode()).isEqualTo("ANA-004");
    assertThat(refusal(() -> down.caseload(PROVINCE, "month", null, "2026/03", null)).getMessage())
        .contains("应写作 yyyy-MM");
    assertThat(refusal(() -> down.caseload(PROVINCE, "month", null, "2026-05", "2026-03")).getMessage())
        .contains("不能晚于截止月份");
    assertThat(refusal(() -> down.deadlines(PROVINCE, "<script>")).getCode()).isEqualTo("ANA-003");
    assertThat(refusal(() -> down.fineConsistency(PROVINCE, "WATER")).getCode()).isEqualTo("ANA-005");
  }
}
