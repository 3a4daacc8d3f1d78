package cn.ecolaw.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP calls to the running application (tests with {@code webEnvironment = RANDOM_PORT}). All requests are
 * built in {@link #request(String)}: when the API gets authentication, the credentials are added there only.
 */
public final class PlatformHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public PlatformHttp(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** A status and a JSON body ({@code null} when the body is empty). */
  public record Response(int status, JsonNode body) {

    public String text(String field) {
      JsonNode node = body == null ? null : body.get(field);
      return node == null || node.isNull() ? null : node.asText();
    }
  }

  public Response get(String path) {
    return send(request(path).GET().build());
  }

  public Response postJson(String path, Object body) {
    try {
      return postRaw(path, json.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Posts the text as it is, declared as JSON (for bodies that are not valid JSON). */
  public Response postRaw(String path, String content) {
    return send(request(path)
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8))
        .build());
  }

  /** A path segment with Chinese characters and brackets, e.g. a case number. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json");
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = response.body();
      JsonNode body = bytes.length == 0 ? null : json.readTree(new String(bytes, StandardCharsets.UTF_8));
      return new Response(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.uri(), e);
    }
  }
}
