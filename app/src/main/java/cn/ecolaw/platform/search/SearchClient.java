package cn.ecolaw.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The platform's one Elasticsearch client ({@code elasticsearch-java} over the low-level REST client), built from
 * {@link SearchProperties}: URL, user and password or API key, the CA certificate of an HTTPS cluster. Empty when
 * search is off. Short timeouts: a cluster that is down answers "unavailable" at once instead of holding requests.
 */
@Component
public class SearchClient implements DisposableBean {

  private final SearchProperties properties;
  private final RestClient rest;
  private final ElasticsearchClient client;

  public SearchClient(SearchProperties properties) {
    this.properties = properties;
    if (!properties.enabled()) {
      this.rest = null;
      this.client = null;
      return;
    }
    RestClientBuilder builder = RestClient.builder(HttpHost.create(properties.url().strip()))
        .setRequestConfigCallback(c -> c.setConnectTimeout(2_000).setSocketTimeout(30_000));
    if (!SearchProperties.blank(properties.apiKey())) {
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + properties.apiKey())});
    }
    SSLContext ssl = sslContext(properties.caCertificate());
    builder.setHttpClientConfigCallback(http -> {
      if (!SearchProperties.blank(properties.username())) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(AuthScope.ANY,
            new UsernamePasswordCredentials(properties.username(), String.valueOf(properties.password())));
        http.setDefaultCredentialsProvider(credentials);
      }
      if (ssl != null) {
        http.setSSLContext(ssl);
      }
      return http;
    });
    this.rest = builder.build();
    this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(mapper())));
  }

  private static SSLContext sslContext(String caCertificate) {
    if (SearchProperties.blank(caCertificate)) {
      return null;
    }
    try {
      return TransportUtils.sslContextFromHttpCaCrt(new File(caCertificate));
    } catch (IOException e) {
      throw new IllegalStateException("platform.search.ca-certificate cannot be read: " + caCertificate, e);
    }
  }

  /** The JSON mapping of index documents: ISO dates, no nulls. */
  static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public Optional<ElasticsearchClient> client() {
    return Optional.ofNullable(client);
  }

  public SearchProperties properties() {
    return properties;
  }

  @Override
  public void destroy() throws IOException {
    if (rest != null) {
      rest.close();
    }
  }
}
