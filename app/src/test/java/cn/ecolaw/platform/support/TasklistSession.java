package cn.ecolaw.platform.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The Tasklist's own door: a webapp session signed in through the login form, each request carrying the session's
 * anti-forgery token, as the Tasklist sends its calls to {@code /camunda/api/engine/engine/default/...}.
 */
public final class TasklistSession {

  public static final String ENGINE = "/camunda/api/engine/engine/default";

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;
  private String token = "";

  private TasklistSession(int port) {
    this.port = port;
  }

  /** Signs the demo user in (password from {@link Logins}); fails when the login is refused. */
  public static TasklistSession login(int port, String user) {
    TasklistSession s = new TasklistSession(port);
    s.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    HttpResponse<String> login = s.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(Logins.password(user), StandardCharsets.UTF_8));
    if (login.statusCode() != 200) {
      throw new AssertionError("Tasklist login of " + user + " → " + login.statusCode() + " " + login.body());
    }
    s.send("GET", "/camunda/api/admin/auth/user/default", null, null); // the new session's token
    return s;
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      token = r.headers().firstValue("X-XSRF-TOKEN").orElse(token);
      return r;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
