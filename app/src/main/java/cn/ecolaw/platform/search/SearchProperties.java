package cn.ecolaw.platform.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the case index lives ({@code platform.search}). Without a URL search is off: the platform works as before,
 * the outbox still records every change (a later rebuild or the shipper catches up), {@code /api/search} answers 503.
 *
 * @param url the Elasticsearch HTTP address, e.g. {@code http://127.0.0.1:9200}; empty = search off
 * @param username user of an existing (secured) cluster; empty = no authentication
 * @param password its password
 * @param apiKey an API key instead of user and password (sent as {@code Authorization: ApiKey ...})
 * @param caCertificate PEM file of the CA that signed the cluster's HTTPS certificate (empty = the JVM's trust store)
 * @param index the index (or alias) holding one document per process instance
 * @param shipInterval how often the shipper looks at the outbox
 * @param batchSize outbox rows shipped per bulk request at most
 * @param retryInterval how long the shipper waits after Elasticsearch failed before it tries again
 */
@ConfigurationProperties("platform.search")
public record SearchProperties(
    String url,
    String username,
    String password,
    String apiKey,
    String caCertificate,
    String index,
    Duration shipInterval,
    Integer batchSize,
    Duration retryInterval) {

  public SearchProperties {
    index = blank(index) ? "ecocase-cases" : index;
    shipInterval = shipInterval == null ? Duration.ofMillis(100) : shipInterval;
    batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
    retryInterval = retryInterval == null ? Duration.ofSeconds(1) : retryInterval;
  }

  /** Whether an Elasticsearch cluster is configured at all. */
  public boolean enabled() {
    return !blank(url);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
