package cn.ecolaw.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The one place where tests build HTTP requests against the running application ({@code /engine-rest} and
 * {@code /api}). Every request carries HTTP Basic credentials from {@link Logins}: the administrator by default,
 * another user with {@link #as(String)}, none with {@link #anonymous()}.
 */
public final class PlatformHttp {

  /** A response: status, body as JSON (MissingNode when the body is empty or not JSON), and the raw text. */
  public record Response(int status, JsonNode json, String text) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** One text field of the JSON body, or null. */
    public String text(String field) {
      JsonNode node = json.get(field);
      return node == null || node.isNull() ? null : node.asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;
  private final String baseUrl;
  private final UnaryOperator<HttpRequest.Builder> credentials;

  /** Requests as the administrator ({@link Logins#ADMIN}), who may do everything. */
  public PlatformHttp(int port) {
    this(port, b -> Logins.as(b, Logins.ADMIN));
  }

  public PlatformHttp(int port, UnaryOperator<HttpRequest.Builder> credentials) {
    this.port = port;
    this.baseUrl = "http://localhost:" + port;
    this.credentials = credentials;
  }

  /** The same server, requests as another user (password from {@link Logins}). */
  public PlatformHttp as(String user) {
    return new PlatformHttp(port, b -> Logins.as(b, user));
  }

  /** The same server, requests without credentials. */
  public PlatformHttp anonymous() {
    return new PlatformHttp(port, UnaryOperator.identity());
  }

  /** Encodes one path segment or query value (case numbers carry Chinese characters and brackets). */
  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static ObjectMapper json() {
    return JSON;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response put(String path, Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** POST of raw bytes with their content type (e.g. a photo). */
  public Response postBytes(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** POST of a multipart/form-data body (e.g. a deployment): each part a file name and its bytes. */
  public Response postMultipart(String path, java.util.Map<String, String> fields,
      java.util.Map<String, byte[]> files) {
    String boundary = "----platform" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, bytes) -> {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(bytes);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  /** GET that must succeed; returns the JSON body. */
  public JsonNode getOk(String path) {
    Response r = get(path);
    if (!r.ok()) {
      throw new AssertionError("GET " + path + " → " + r.status() + " " + r.text());
    }
    return r.json();
  }

  /** POST that must succeed; returns the JSON body. */
  public JsonNode postOk(String path, Object body) {
    Response r = post(path, body);
    if (!r.ok()) {
      throw new AssertionError("POST " + path + " → " + r.status() + " " + r.text());
    }
    return r.json();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    return authenticate(b);
  }

  /** Adds the credentials of this client to every request. */
  private HttpRequest.Builder authenticate(HttpRequest.Builder b) {
    return credentials.apply(b);
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), parse(r.body()), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
