package cn.ecolaw.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's pages call {@code /api} on the webapps' session (same login as Tasklist): reading needs the session
 * only, writing also the session's anti-forgery token, so that another site cannot write through a user's cookie.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageSessionTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  HttpClient client;

  @BeforeEach
  void givenDemoUsersAndABrowserWithCookies() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  @Test
  void anonymousPageCallIsAskedToLogIn() throws Exception {
    HttpResponse<String> session = send(get("/api/session"));

    assertThat(session.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(session.body()).at("/code").asText()).isEqualTo("AUTH-001");
  }

  @Test
  void webappLoginOpensTheApiWithTheUsersIdentityAndUnits() throws Exception {
    loginAs("officer1");

    JsonNode me = JSON.readTree(send(get("/api/session")).body());

    assertThat(me.at("/userId").asText()).isEqualTo("officer1");
    assertThat(me.at("/name").asText()).contains("张伟");
    assertThat(me.at("/units/0/id").asText()).isEqualTo("unit-bureau");
    assertThat(me.at("/groups/0/id").asText()).isEqualTo("eco-officer");
    assertThat(me.at("/csrfToken").asText()).hasSizeGreaterThan(16);
    assertThat(send(get("/api/cases")).statusCode()).isEqualTo(200);
  }

  @Test
  void sessionWriteWithoutAntiForgeryTokenIsRefusedAndChangesNothing() throws Exception {
    loginAs("officer1");
    long before = runtime.createProcessInstanceQuery().count();

    HttpResponse<String> forged = send(post("/api/cases", null));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forged.body()).at("/code").asText()).isEqualTo("AUTH-007");
    assertThat(JSON.readTree(forged.body()).at("/message").asText()).contains("防伪令牌");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void sessionWriteWithAWrongTokenIsRefused() throws Exception {
    loginAs("officer1");

    HttpResponse<String> forged = send(post("/api/cases", "0123456789ABCDEF0123456789ABCDEF"));

    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void sessionWriteWithTheSessionsTokenReachesTheApi() throws Exception {
    loginAs("officer1");
    String token = JSON.readTree(send(get("/api/session")).body()).at("/csrfToken").asText();

    HttpResponse<String> write = send(post("/api/cases", token));

    assertThat(write.statusCode()).as(write.body()).isEqualTo(400);
    assertThat(JSON.readTree(write.body()).at("/code").asText()).isEqualTo("CASE-002");
  }

  @Test
  void aUserOfAnotherUnitIsStillRefusedOnTheSession() throws Exception {
    loginAs("filing1");
    String token = JSON.readTree(send(get("/api/session")).body()).at("/csrfToken").asText();

    HttpResponse<String> write = send(post("/api/cases", token));

    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(write.body()).at("/code").asText()).isEqualTo("AUTH-004");
  }

  private void loginAs(String user) throws Exception {
    HttpResponse<String> probe = send(get("/camunda/api/admin/auth/user/default"));
    String token = probe.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/welcome"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build();
  }

  private HttpRequest post(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      builder.header("X-XSRF-TOKEN", token);
    }
    return builder.build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
