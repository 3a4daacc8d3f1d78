package cn.ecolaw.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's endpoints (issue 14): the probes are open, everything else under {@code /actuator} is read by the
 * administrator and the scraping account only, answered in Chinese with a code otherwise; nothing there changes
 * anything; health names each component.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class OperationsEndpointsTest {

  static final List<String> GUARDED = List.of("/actuator", "/actuator/health", "/actuator/health/db",
      "/actuator/health/search", "/actuator/health/calendar", "/actuator/health/jobExecutor", "/actuator/info",
      "/actuator/metrics", "/actuator/metrics/jvm.threads.live", "/actuator/prometheus");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  PlatformHttp http;

  @BeforeEach
  void users() {
    Logins.ensureDemoUsers(identity);
    MonitorAccountInitializer.createAccount(identity);
    http = new PlatformHttp(port);
  }

  @Test
  void livenessAndReadinessAreOpenAndAnswerTheirStatusOnly() {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      // when a load balancer asks without credentials
      PlatformHttp.Response r = http.anonymous().get(probe);
      // then the status, and no component or detail
      assertThat(r.status()).as(probe + " " + r.text()).isEqualTo(200);
      assertThat(r.json().path("status").asText()).isEqualTo("UP");
      assertThat(r.json().has("components")).as(r.text()).isFalse();
      assertThat(r.json().has("details")).isFalse();
    }
  }

  @Test
  void everyOtherActuatorEndpointIsReadByTheAdministratorAndTheMonitorOnly() {
    for (String path : GUARDED) {
      PlatformHttp.Response anonymous = http.anonymous().get(path);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.text("code")).isEqualTo("AUTH-001");
      assertThat(anonymous.text("message")).startsWith("请先登录");

      PlatformHttp.Response officer = http.as("officer1").get(path);
      assertThat(officer.status()).as(path).isEqualTo(403);
      assertThat(officer.text("code")).isEqualTo("OPS-001");
      assertThat(officer.text("message")).contains("无权查看运维端点");

      assertThat(http.as("analyst1").get(path).status()).as(path).isEqualTo(403);
      assertThat(read(path, Logins.ADMIN)).as("admin " + path).isEqualTo(200);
      assertThat(read(path, MonitorAccountInitializer.USER)).as("monitor " + path).isEqualTo(200);
    }
  }

  /** Status of a GET as a scraper or a browser sends it (any content type). */
  int read(String path, String user) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", Logins.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWrongPasswordIsRefusedInChinese() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/actuator/prometheus"))
        .header("Authorization", Logins.basic("monitor", "not-the-password")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("AUTH-002", "用户名或密码错误");
  }

  @Test
  void noActuatorEndpointChangesAnythingOrShowsConfiguration() {
    for (String path : List.of("/actuator/shutdown", "/actuator/env", "/actuator/configprops", "/actuator/beans",
        "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings")) {
      PlatformHttp.Response get = http.get(path);
      assertThat(get.status()).as("GET " + path).isEqualTo(404);
      assertThat(get.text("code")).as(get.text()).isEqualTo("REQ-404");
      assertThat(http.post(path, "{}").status()).as("POST " + path).isIn(404, 405);
    }
    PlatformHttp.Response post = http.post("/actuator/health", "{}");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.text("code")).isEqualTo("REQ-405");
  }

  @Test
  void healthShowsEachComponent() {
    JsonNode health = http.getOk("/actuator/health");

    assertThat(health.path("components").fieldNames()).toIterable()
        .contains("db", "search", "jobExecutor", "calendar", "livenessState", "readinessState");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    // the test context has no search cluster and no job executor (PlatformTest)
    assertThat(health.at("/components/search/status").asText()).isEqualTo("UNKNOWN");
    assertThat(health.at("/components/search/details/message").asText()).contains("未配置案件搜索");
    assertThat(health.at("/components/search/details/outboxPending").isNumber()).isTrue();
    assertThat(health.at("/components/jobExecutor/status").asText()).isEqualTo("UNKNOWN");
    assertThat(health.at("/components/jobExecutor/details/jobsDue").isNumber()).isTrue();
    assertThat(health.at("/components/jobExecutor/details/jobsFailed").isNumber()).isTrue();
    assertThat(health.at("/components/jobExecutor/details/incidents").isNumber()).isTrue();
    assertThat(health.at("/components/calendar/status").asText()).isIn("UP", "WARNING");
    assertThat(health.at("/components/calendar/details/coveredUntil").asText()).isNotBlank();
  }
}
