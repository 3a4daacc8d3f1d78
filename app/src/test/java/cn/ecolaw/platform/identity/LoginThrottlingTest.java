package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 8, part 6, "one wrong password from anyone locks the real user out": a stranger's 20 wrong passwords for
 * judge1 get 401 and then 429 with {@code Retry-After} and a Chinese message (AUTH-006), on each door — {@code /api},
 * {@code /engine-rest} and the webapps' login form — while judge1 signs in from another address at once, and Camunda
 * never locks judge1. The addresses are told by {@code X-Forwarded-For}, which Tomcat trusts from a local proxy
 * ({@code server.forward-headers-strategy=native}, as behind the production reverse proxy).
 */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class LoginThrottlingTest {

  private static final AtomicInteger SOURCE = new AtomicInteger(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private IdentityService identity;
  @LocalServerPort private int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void users() {
    Logins.ensureDemoUsers(identity);
  }

  @Test
  void aStrangersTwentyWrongPasswordsOnApi_get429AfterTheLimit_andJudge1SignsInFromAnotherSource() throws Exception {
    basicDoor("/api/cases");
  }

  @Test
  void aStrangersTwentyWrongPasswordsOnEngineRest_get429AfterTheLimit_andJudge1SignsInFromAnotherSource()
      throws Exception {
    basicDoor("/engine-rest/task");
  }

  @Test
  void aStrangersTwentyWrongPasswordsOnTheWebappLogin_get429AfterTheLimit_andJudge1SignsInFromAnotherSource()
      throws Exception {
    String stranger = "203.0.113." + SOURCE.incrementAndGet();
    String office = "198.51.100." + SOURCE.incrementAndGet();
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 20; i++) {
      last = webappLogin(stranger, "judge1", "guess" + i);
      statuses.add(last.statusCode());
    }
    assertThrottled(statuses, last);
    assertThat(webappLogin(office, "judge1", "judge1").statusCode()).as("judge1 from the office").isEqualTo(200);
    assertThat(identity.checkPassword("judge1", "judge1")).as("Camunda never locks judge1").isTrue();
  }

  /** Camunda's {@code identity/verify} let any signed-in user test anyone's password, unthrottled: closed. */
  @Test
  void thePasswordOracleOfEngineRestIsClosed() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/identity/verify"))
        .header("Authorization", Logins.basic("officer1")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"judge1\",\"password\":\"guess\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("AUTH-008");
  }

  private void basicDoor(String path) throws Exception {
    String stranger = "203.0.113." + SOURCE.incrementAndGet();
    String office = "198.51.100." + SOURCE.incrementAndGet();
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 20; i++) {
      last = get(path, stranger, Logins.basic("judge1", "guess" + i));
      statuses.add(last.statusCode());
      if (last.statusCode() == 401) {
        JsonNode body = JSON.readTree(last.body());
        assertThat(body.path("code").asText()).isEqualTo("AUTH-002");
        assertThat(body.path("message").asText()).contains("用户名或密码错误");
      }
    }
    assertThrottled(statuses, last);
    // the real judge, at the same moment, from the court's own address
    HttpResponse<String> judge = get(path, office, Logins.basic("judge1", "judge1"));
    assertThat(judge.statusCode()).as("judge1 from the office: %s", judge.body()).isEqualTo(200);
    // the stranger with the right password is still made to wait (the throttle does not tell right from wrong)
    assertThat(get(path, stranger, Logins.basic("judge1", "judge1")).statusCode()).isEqualTo(429);
    assertThat(identity.checkPassword("judge1", "judge1")).as("Camunda never locks judge1").isTrue();
  }

  private static void assertThrottled(List<Integer> statuses, HttpResponse<String> last) throws Exception {
    assertThat(statuses.subList(0, 5)).as("the first five wrong passwords").containsOnly(401);
    assertThat(statuses.get(5)).as("the sixth attempt, at once").isEqualTo(429);
    // each wait (1 s, 2 s, 4 s …) lets one more guess through once it has passed: a slow client gets a few
    assertThat(statuses.subList(5, 20)).as("after the limit").contains(429).isSubsetOf(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count()).as("guesses checked in all").isLessThanOrEqualTo(9);
    assertThat(statuses.get(19)).as("the last attempt").isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
        v -> assertThat(Long.parseLong(v)).isBetween(1L, 300L));
    JsonNode body = JSON.readTree(last.body());
    assertThat(body.path("code").asText()).isEqualTo("AUTH-006");
    assertThat(body.path("message").asText()).contains("登录失败次数过多").containsPattern("\\p{IsHan}");
  }

  private HttpResponse<String> get(String path, String source, String authorization) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Forwarded-For", source).header("Authorization", authorization).header("Accept", "application/json")
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The Tasklist's login: a session and its CSRF token first, then the form post. */
  private HttpResponse<String> webappLogin(String source, String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
        .header("X-Forwarded-For", source).GET().build(), HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-Forwarded-For", source).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
