package cn.ecolaw.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.search.Outbox;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Elasticsearch down (nothing listens at the configured address): the {@code search} component and the overall
 * health are DOWN (503), with the reason in Chinese and the outbox waiting; the liveness and readiness probes stay
 * UP, because the platform works on without search (a case can still be started; its change waits in the outbox).
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"platform.search.url=http://127.0.0.1:9", "platform.search.retry-interval=200ms"})
class SearchDownHealthTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Outbox outbox;

  @Test
  void searchDownIsDownInHealthButNeitherInLivenessNorInReadiness() {
    Logins.ensureDemoUsers(identity);
    PlatformHttp http = new PlatformHttp(port);
    // given the platform still takes a case while search is down
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", TestCases.caseNo());
    assertThat(http.as("officer1").post("/api/cases", body).status()).isEqualTo(201);
    assertThat(outbox.pending()).isPositive();

    // when the operator looks at health
    PlatformHttp.Response health = http.get("/actuator/health");

    // then search is DOWN with the reason, and so is the whole
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
    assertThat(health.json().at("/components/search/status").asText()).isEqualTo("DOWN");
    assertThat(health.json().at("/components/search/details/message").asText()).contains("Elasticsearch 不可达");
    assertThat(health.json().at("/components/search/details/outboxPending").asLong()).isPositive();
    assertThat(health.json().at("/components/search/details/outboxOldestAgeSeconds").isNumber()).isTrue();
    assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
    // and the probes a load balancer asks stay UP
    assertThat(http.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    PlatformHttp.Response readiness = http.anonymous().get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
  }
}
