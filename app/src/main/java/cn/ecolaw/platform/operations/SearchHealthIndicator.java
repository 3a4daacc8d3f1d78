package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.search.Outbox;
import cn.ecolaw.platform.search.OutboxShipper;
import cn.ecolaw.platform.search.SearchClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Elasticsearch, the case index (component {@code search}). DOWN when the cluster does not answer or is red, or the
 * outbox shipper fails while it answers (the index falls behind: {@code shipperError}); the
 * platform keeps working meanwhile (the engine's outbox keeps every change and ships it when the cluster is back),
 * so {@code search} belongs to neither the liveness nor the readiness probe. UNKNOWN when search is not configured
 * ({@code platform.search.url} empty). Details: the cluster's status, the outbox (rows waiting, age of the oldest)
 * and the shipper's last error.
 */
public class SearchHealthIndicator implements HealthIndicator {

  private final SearchClient search;
  private final Outbox outbox;
  private final OutboxShipper shipper;
  private final Clock clock;

  public SearchHealthIndicator(SearchClient search, Outbox outbox, OutboxShipper shipper, Clock clock) {
    this.search = search;
    this.outbox = outbox;
    this.shipper = shipper;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder();
    health.withDetail("outboxPending", outbox.pending());
    outbox.oldestQueuedAt().ifPresent(oldest ->
        health.withDetail("outboxOldestAgeSeconds", Math.max(0, Duration.between(oldest, clock.instant()).toSeconds())));
    if (search.client().isEmpty()) {
      return health.unknown().withDetail("message", "未配置案件搜索（platform.search.url 为空）：变更仍记入发件箱").build();
    }
    ElasticsearchClient client = search.client().get();
    health.withDetail("index", search.properties().index()).withDetail("shipperHealthy", shipper.healthy());
    if (shipper.lastShipped() != null) {
      health.withDetail("lastShipped", shipper.lastShipped().toString());
    }
    if (shipper.lastError() != null) {
      health.withDetail("shipperError", shipper.lastError());
    }
    try {
      HealthStatus status = client.cluster().health().status();
      health.withDetail("clusterStatus", status.jsonValue());
      if (status == HealthStatus.Red) {
        return health.down().withDetail("message", "Elasticsearch 集群状态为 red：部分索引分片不可用，案件搜索可能不完整").build();
      }
      if (!shipper.healthy()) {
        return health.down().withDetail("message", "Elasticsearch 可达，但发件箱送达失败：案件索引不再更新，搜索结果会过时（见 shipperError）")
            .build();
      }
      return health.up().build();
    } catch (Exception e) {
      return health.down().withDetail("error", e.toString())
          .withDetail("message", "Elasticsearch 不可达：案件搜索暂不可用，变更保留在发件箱中，恢复后自动补送").build();
    }
  }
}
