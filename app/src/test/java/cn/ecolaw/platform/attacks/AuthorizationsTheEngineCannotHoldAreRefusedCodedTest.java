package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: an authorization the engine cannot hold — a type other than global (0) or grant (1) (a REVOKE is AUTH-021), a
 * global one for a named user, one without a resource type, one naming neither or both of a user and a group — is
 * refused with 400 AUTH-022 and a Chinese message on create and on update, on {@code /engine-rest} and the admin
 * webapp's engine API, and nothing is written (the engine answered 500 "internal error" or 404 "not found"). Twenty
 * identical REVOKE requests at once are twenty coded refusals and write nothing.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationsTheEngineCannotHoldAreRefusedCodedTest {

  static final String RESOURCE = "attack3-authorization";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;

  PlatformHttp admin;
  String grantId;

  @BeforeEach
  void givenAGrant() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    admin = new PlatformHttp(port).as("admin");
    Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setUserId(Authorization.ANY);
    global.setResource(Resources.TASK);
    global.setResourceId(RESOURCE);
    global.addPermission(Permissions.READ);
    grantId = authorizations.saveAuthorization(global).getId();
  }

  @AfterEach
  void clean() {
    authorizations.createAuthorizationQuery().resourceId(RESOURCE).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  static final List<String> CANNOT_BE = List.of(
      "{\"type\":3,\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"resourceType\":7,\"resourceId\":\"" + RESOURCE + "\"}",
      "{\"type\":-1,\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"resourceType\":7,\"resourceId\":\"" + RESOURCE + "\"}",
      "{\"type\":0,\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"resourceType\":7,\"resourceId\":\"" + RESOURCE + "\"}",
      "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"resourceId\":\"" + RESOURCE + "\"}",
      "{\"type\":1,\"permissions\":[\"READ\"],\"resourceType\":7,\"resourceId\":\"" + RESOURCE + "\"}",
      "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"groupId\":\"eco-officer\",\"resourceType\":7,"
          + "\"resourceId\":\"" + RESOURCE + "\"}");

  private static void refused(int status, String body, String code, String what) {
    assertThat(status).as(what + " → " + body).isEqualTo(400);
    PlatformHttp.Response parsed = new PlatformHttp.Response(status, parse(body), body);
    assertThat(parsed.text("code")).as(what + " → " + body).isEqualTo(code);
    assertThat(parsed.text("message")).as(what).startsWith("【" + code + "】").containsPattern("\\p{IsHan}");
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String body) {
    try {
      return PlatformHttp.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  void anAuthorizationTheEngineCannotHoldIsRefusedOnCreateAndUpdate() {
    for (String body : CANNOT_BE) {
      PlatformHttp.Response created = admin.postBytes("/engine-rest/authorization/create", "application/json",
          body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      refused(created.status(), created.text(), "AUTH-022", "create " + body);
    }
    // the global grant: made one for a named user, stripped of its resource type
    for (String body : List.of("{\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"resourceType\":7,\"resourceId\":\""
        + RESOURCE + "\"}", "{\"permissions\":[\"READ\"],\"userId\":\"*\",\"resourceId\":\"" + RESOURCE + "\"}")) {
      PlatformHttp.Response updated = admin.put("/engine-rest/authorization/" + grantId, parse(body));
      refused(updated.status(), updated.text(), "AUTH-022", "update " + body);
    }
    HttpResponse<String> webapp = TasklistSession.login(port, "admin").send("POST",
        TasklistSession.ENGINE + "/authorization/create", "application/json", CANNOT_BE.get(0));
    refused(webapp.statusCode(), webapp.body(), "AUTH-022", "admin webapp create");
    assertThat(authorizations.createAuthorizationQuery().resourceId(RESOURCE).list()).singleElement()
        .satisfies(a -> {
          assertThat(a.getId()).isEqualTo(grantId);
          assertThat(a.getUserId()).isEqualTo("*");
          assertThat(a.getResourceType()).isEqualTo(Resources.TASK.resourceType());
        });
    // a well-formed grant is still written
    PlatformHttp.Response ok = admin.postBytes("/engine-rest/authorization/create", "application/json",
        ("{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"officer1\",\"resourceType\":7,\"resourceId\":\"" + RESOURCE
            + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
  }

  @Test
  void twentyIdenticalRevokesAtOnceAreTwentyCodedRefusalsAndWriteNothing() throws Exception {
    byte[] revoke = ("{\"type\":2,\"permissions\":[\"READ\"],\"groupId\":\"eco-officer\",\"resourceType\":7,"
        + "\"resourceId\":\"" + RESOURCE + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PlatformHttp.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return admin.postBytes("/engine-rest/authorization/create", "application/json", revoke);
        }));
      }
      go.countDown();
      for (Future<PlatformHttp.Response> answer : answers) {
        PlatformHttp.Response r = answer.get();
        refused(r.status(), r.text(), "AUTH-021", "one of 20 revokes");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(authorizations.createAuthorizationQuery().resourceId(RESOURCE).authorizationType(
        Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().resourceId(RESOURCE).count()).isOne();
  }
}
