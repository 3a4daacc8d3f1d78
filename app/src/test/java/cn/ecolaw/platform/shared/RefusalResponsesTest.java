package cn.ecolaw.platform.shared;

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
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8, part 6, "refusals a clerk sees are English or empty": every refusal on every door — {@code /api},
 * {@code /engine-rest} and the webapps' APIs ({@code /camunda/api}) — answers JSON with a code and a Chinese message:
 * 401 (Camunda's REST answered with no body), 403 (Camunda's English AuthorizationException), 404, 405, 415 and 400
 * for malformed JSON (Spring's, Tomcat's and Jersey's English error pages and texts).
 */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefusalResponsesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private IdentityService identity;
  @LocalServerPort private int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void users() {
    Logins.ensureDemoUsers(identity);
  }

  // ------------------------------------------------------------------------------------------------ /api

  @Test
  void api401_anonymous() throws Exception {
    assertRefusal(send("GET", "/api/cases", null, null, null), 401, "AUTH-001", false);
  }

  @Test
  void api403_noRightToStartACase() throws Exception {
    assertRefusal(send("POST", "/api/cases", "analyst1", "application/json", "{}"), 403, null, false);
  }

  @Test
  void api404_unknownAddress() throws Exception {
    assertRefusal(send("GET", "/api/no-such-thing", "officer1", null, null), 404, "REQ-404", false);
  }

  @Test
  void api405_wrongMethod() throws Exception {
    assertRefusal(send("DELETE", "/api/cases", "officer1", null, null), 405, "REQ-405", false);
  }

  @Test
  void api415_notJson() throws Exception {
    assertRefusal(send("POST", "/api/cases", "officer1", "text/plain", "partyName=x"), 415, "REQ-415", false);
  }

  @Test
  void api400_malformedJson() throws Exception {
    assertRefusal(send("POST", "/api/cases", "officer1", "application/json", "{\"partyName\": "), 400, "REQ-003",
        false);
  }

  // ------------------------------------------------------------------------------------------------ /engine-rest

  @Test
  void engineRest401_anonymousHadNoBody() throws Exception {
    assertRefusal(send("GET", "/engine-rest/task", null, null, null), 401, "AUTH-001", true);
  }

  @Test
  void engineRest403_authorizationExceptionWasEnglish() throws Exception {
    // Camunda's own authorization check (no UPDATE on process definitions), not a platform door
    assertRefusal(send("PUT", "/engine-rest/process-definition/key/case-review/suspended", "officer1",
        "application/json", "{\"suspended\": true, \"includeProcessInstances\": true}"), 403, "AUTH-005", true);
  }

  @Test
  void engineRest403_platformDoorAnswersItsOwnCode() throws Exception {
    assertRefusal(send("POST", "/engine-rest/process-definition/key/case-review/start", "officer1",
        "application/json", "{}"), 403, "DOOR-001", true);
  }

  @Test
  void engineRest404_unknownAddressAndUnknownTask() throws Exception {
    assertRefusal(send("GET", "/engine-rest/no-such-thing", "officer1", null, null), 404, "REQ-404", true);
    assertRefusal(send("GET", "/engine-rest/task/no-such-task", "officer1", null, null), 404, "REQ-404", true);
  }

  @Test
  void engineRest405_wrongMethod() throws Exception {
    assertRefusal(send("DELETE", "/engine-rest/task", "officer1", null, null), 405, "REQ-405", true);
  }

  @Test
  void engineRest415_notJson() throws Exception {
    assertRefusal(send("POST", "/engine-rest/task", "officer1", "text/plain", "x"), 415, "REQ-415", true);
  }

  @Test
  void engineRest400_malformedJson() throws Exception {
    // Jersey refuses the body before or inside Camunda's JSON reader: REQ-003 or REQ-400, Chinese either way
    HttpResponse<String> r = send("POST", "/engine-rest/task", "officer1", "application/json", "{\"name\": ");
    assertRefusal(r, 400, null, true);
    assertThat(JSON.readTree(r.body()).path("code").asText()).isIn("REQ-003", "REQ-400");
  }

  // ------------------------------------------------------------------------------------------------ webapps

  @Test
  void webapp401_notSignedIn() throws Exception {
    assertRefusal(send("GET", "/camunda/api/engine/engine/default/task", null, null, null), 401, "AUTH-001", true);
  }

  @Test
  void webapp401_wrongPasswordAtTheLoginHadNoBody() throws Exception {
    Browser b = new Browser();
    assertRefusal(b.login("judge1", "wrong"), 401, "AUTH-001", true);
  }

  @Test
  void webapp403_aChangeWithoutTheCsrfTokenIsRefusedInChinese() throws Exception {
    Browser b = new Browser();
    assertThat(b.login("officer1", "officer1").statusCode()).isEqualTo(200);
    b.token = "stale";
    assertRefusal(b.send("POST", "/camunda/api/engine/engine/default/task", "application/json", "{}"), 403,
        "AUTH-007", true);
  }

  @Test
  void webapp403_authorizationExceptionWasEnglish() throws Exception {
    Browser b = new Browser();
    assertThat(b.login("officer1", "officer1").statusCode()).isEqualTo(200);
    assertRefusal(b.send("PUT", "/camunda/api/engine/engine/default/process-definition/key/case-review/suspended",
        "application/json", "{\"suspended\": true, \"includeProcessInstances\": true}"), 403, "AUTH-005", true);
  }

  @Test
  void webapp404_unknownAddress() throws Exception {
    Browser b = new Browser();
    assertThat(b.login("officer1", "officer1").statusCode()).isEqualTo(200);
    assertRefusal(b.send("GET", "/camunda/api/engine/engine/default/task/no-such-task", null, null), 404, "REQ-404",
        true);
  }

  @Test
  void webapp405_wrongMethod() throws Exception {
    Browser b = new Browser();
    assertThat(b.login("officer1", "officer1").statusCode()).isEqualTo(200);
    assertRefusal(b.send("DELETE", "/camunda/api/engine/engine/default/task", null, null), 405, "REQ-405", true);
  }

  @Test
  void webapp415_notJson() throws Exception {
    Browser b = new Browser();
    assertThat(b.login("officer1", "officer1").statusCode()).isEqualTo(200);
    assertRefusal(b.send("POST", "/camunda/api/engine/engine/default/task", "text/plain", "x"), 415, "REQ-415", true);
  }

  @Test
  void webapp400_malformedJson() throws Exception {
    Browser b = new Browser();
    assertThat(b.login("officer1", "officer1").statusCode()).isEqualTo(200);
    // as on /engine-rest: Jersey refuses the body before or inside Camunda's JSON reader (REQ-003 or REQ-400)
    assertRefusal(b.send("POST", "/camunda/api/engine/engine/default/task", "application/json", "{\"name\": "), 400,
        null, true);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** JSON, the code (when given), a Chinese message; Camunda's shape ("【CODE】…") on the engine's doors. */
  private static void assertRefusal(HttpResponse<String> r, int status, String code, boolean engineShape)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("message").asText()).as(r.body()).containsPattern("\\p{IsHan}")
        .doesNotContain("does not have", "Not Found", "Method Not Allowed", "Unsupported Media Type", "Unexpected");
    assertThat(body.path("code").asText()).as(r.body()).isNotBlank();
    if (code != null) {
      assertThat(body.path("code").asText()).as(r.body()).isEqualTo(code);
    }
    if (engineShape) {
      assertThat(body.path("message").asText()).as(r.body()).startsWith("【" + body.path("code").asText() + "】");
    }
  }

  private HttpResponse<String> send(String method, String path, String user, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("Authorization", Logins.basic(user));
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The webapps as a browser: a session cookie and the CSRF token the webapps require for changes. */
  private final class Browser {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String token = "";

    HttpResponse<String> login(String user, String password) throws Exception {
      HttpResponse<String> page = send("GET", "/camunda/api/admin/auth/user/default", null, null);
      token = page.headers().firstValue("X-XSRF-TOKEN").orElse(token);
      HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
      // the session changes at login: fetch the new session's CSRF token
      send("GET", "/camunda/api/admin/auth/user/default", null, null);
      return login;
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json").header("X-XSRF-TOKEN", token)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      token = r.headers().firstValue("X-XSRF-TOKEN").orElse(token);
      return r;
    }
  }
}
