package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
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
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 (Tasklist counts): the engine runs with {@code authorizationCheckRevokes = never}, which is right only
 * while no REVOKE authorization exists; so a REVOKE is refused through every door that writes one, with 400 AUTH-021
 * and nothing written, while grants are written as before.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoRevokeAuthorizationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  PlatformHttp http;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity);
    http = new PlatformHttp(port);
  }

  private long revokes() {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
  }

  private static Map<String, Object> authorization(int type) {
    return Map.of("type", type, "permissions", new String[] {"READ"}, "userId", "officer1",
        "resourceType", Resources.TASK.resourceType(), "resourceId", "no-revoke-" + System.nanoTime());
  }

  @Test
  void engineSkipsTheRevokeCheck() {
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void revokeRefusedThroughEngineRest() {
    long total = authorizations.createAuthorizationQuery().count();

    PlatformHttp.Response revoke = http.post("/engine-rest/authorization/create", authorization(2));
    PlatformHttp.Response grant = http.post("/engine-rest/authorization/create", authorization(1));

    assertThat(revoke.status()).as(revoke.text()).isEqualTo(400);
    assertThat(revoke.text("message")).startsWith("【" + NoRevokeAuthorizations.CODE + "】").contains("撤销");
    assertThat(grant.status()).as(grant.text()).isEqualTo(200);
    assertThat(revokes()).isZero();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(total + 1);
    authorizations.deleteAuthorization(grant.json().path("id").asText());
  }

  @Test
  void revokeRefusedThroughAdminWebapp() throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String[] token = {""};
    java.util.function.BiFunction<String, String, HttpResponse<String>> send = (path, form) -> {
      try {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json").header("X-XSRF-TOKEN", token[0]);
        if (form == null) {
          b.GET();
        } else if (form.startsWith("{")) {
          b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
          b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        token[0] = r.headers().firstValue("X-XSRF-TOKEN").orElse(token[0]);
        return r;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    send.apply("/camunda/api/admin/auth/user/default", null);
    HttpResponse<String> login = send.apply("/camunda/api/admin/auth/user/default/login/admin",
        "username=admin&password=" + URLEncoder.encode(Logins.password("admin"), StandardCharsets.UTF_8));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    send.apply("/camunda/api/admin/auth/user/default", null);

    HttpResponse<String> revoke = send.apply("/camunda/api/engine/engine/default/authorization/create",
        JSON.writeValueAsString(authorization(2)));

    assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(revoke.body());
    assertThat(body.path("message").asText()).startsWith("【" + NoRevokeAuthorizations.CODE + "】");
    assertThat(revokes()).isZero();
  }

  @Test
  void revokeRefusedThroughAuthorizationService() {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("officer1");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("no-revoke-java");
    revoke.removePermission(Permissions.READ);

    assertThatThrownBy(() -> authorizations.saveAuthorization(revoke)).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("【" + NoRevokeAuthorizations.CODE + "】");
    assertThat(revokes()).isZero();
  }

  @Test
  void grantCannotBeTurnedIntoRevoke() {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("officer1");
    grant.setResource(Resources.TASK);
    grant.setResourceId("no-revoke-update");
    grant.addPermission(Permissions.READ);
    Authorization saved = authorizations.saveAuthorization(grant);
    AuthorizationEntity changed = (AuthorizationEntity) authorizations.createAuthorizationQuery()
        .authorizationId(saved.getId()).singleResult();
    changed.setAuthorizationType(Authorization.AUTH_TYPE_REVOKE);

    assertThatThrownBy(() -> authorizations.saveAuthorization(changed)).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("【" + NoRevokeAuthorizations.CODE + "】");
    assertThat(revokes()).isZero();
    assertThat(authorizations.createAuthorizationQuery().authorizationId(saved.getId()).singleResult()
        .getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
    authorizations.deleteAuthorization(saved.getId());
  }
}
