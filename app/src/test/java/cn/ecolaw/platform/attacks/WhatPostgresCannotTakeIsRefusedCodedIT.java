package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: PostgreSQL refuses a NUL character in text (the driver throws before the statement runs), so a NUL that
 * reaches a query answers 5xx; every door refuses it first with 4xx, a code and a Chinese message: a user name with
 * NUL on HTTP Basic (the login throttle's database store and the identity service both query by it) and on the
 * webapps' login form answers 401 AUTH-002; a NUL in a case-list search 400 REQ-007. A task query listing more
 * values than PostgreSQL binds in one statement (65,535) answers 400 REQ-400 (it answered 500).
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatPostgresCannotTakeIsRefusedCodedIT {

  static final String USER = "a3-nul-officer";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void givenAnOfficer() {
    if (identity.createUserQuery().userId(USER).count() == 0) {
      User u = identity.newUser(USER);
      u.setPassword(Logins.password(USER));
      identity.saveUser(u);
    }
    if (identity.createGroupQuery().groupId("eco-officer").count() == 0) {
      identity.saveGroup(identity.newGroup("eco-officer"));
    }
    if (identity.createUserQuery().userId(USER).memberOfGroup("eco-officer").count() == 0) {
      identity.createMembership(USER, "eco-officer");
    }
  }

  @AfterEach
  void clean() {
    identity.deleteUser(USER);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void coded(HttpResponse<String> r, int status, String code, String what) throws Exception {
    assertThat(r.statusCode()).as(what + " → " + r.body()).isEqualTo(status);
    assertThat(PlatformHttp.json().readTree(r.body()).path("code").asText()).as(what + " → " + r.body())
        .isEqualTo(code);
    assertThat(r.body()).containsPattern("\\p{IsHan}");
  }

  @Test
  void aUserNameWithNulIsAWrongLoginAtEveryDoor() throws Exception {
    for (String name : List.of("a\u0000b", USER + "\u0000", "\u0000")) {
      for (String path : List.of("/api/session", "/engine-rest/task/count")) {
        coded(get(path, Logins.basic(name, "x")), 401, "AUTH-002", "Basic " + name.replace("\u0000", "\\0") + " " + path);
      }
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String token = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString())
          .headers().firstValue("X-XSRF-TOKEN").orElse("");
      HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
          .header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + name.replace("\u0000", "%00") + "&password=x"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(form.statusCode()).as("login form → " + form.body()).isEqualTo(401);
      assertThat(form.body()).containsPattern("\\p{IsHan}");
    }
    // the real officer still signs in
    assertThat(get("/api/session", Logins.basic(USER, Logins.password(USER))).statusCode()).isEqualTo(200);
  }

  /** PostgreSQL takes at most 65,535 bind parameters per statement: a longer list is refused, not a 500. */
  @Test
  void aTaskQueryWithMoreIdsThanPostgresTakesIsRefused() throws Exception {
    StringBuilder ids = new StringBuilder("{\"taskIdIn\":[");
    for (int i = 0; i < 70_000; i++) {
      ids.append(i == 0 ? "" : ",").append('"').append(i).append('"');
    }
    ids.append("]}");
    for (String door : List.of("/engine-rest/task", "/engine-rest/task/count")) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + door))
          .header("Authorization", Logins.basic(USER, Logins.password(USER))).header("Accept", "application/json")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ids.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(door + " → " + r.body()).isEqualTo(400);
      assertThat(PlatformHttp.json().readTree(r.body()).path("message").asText()).startsWith("【REQ-400】")
          .containsPattern("\\p{IsHan}");
    }
  }

  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void aNulInACommentOrACaseIsRefusedCoded() throws Exception {
    org.camunda.bpm.engine.task.Task task = tasks.newTask();
    task.setName("NUL 试验任务");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "eco-officer");
    try {
      for (String[] door : List.of(new String[] {"/engine-rest/task/" + task.getId() + "/comment/create",
          "{\"message\":\"a\\u0000b\"}"}, new String[] {"/api/cases", "{\"caseNo\":\"湖环罚〔2026〕99001号\","
          + "\"partyName\":\"某\\u0000公司\"}"})) {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + door[0]))
            .header("Authorization", Logins.basic(USER, Logins.password(USER))).header("Accept", "application/json")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(door[1])).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(door[0] + " → " + r.body()).isBetween(400, 499);
        assertThat(r.body()).containsPattern("\\p{IsHan}");
      }
      assertThat(tasks.getTaskComments(task.getId())).isEmpty();
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void aNulInTheCaseListSearchIsRefused() throws Exception {
    String officer = Logins.basic(USER, Logins.password(USER));
    for (String query : List.of("q=a%00b", "region=%00x", "q=%00")) {
      coded(get("/api/workspace/cases?" + query, officer), 400, "REQ-007", query);
    }
    assertThat(get("/api/workspace/cases?q=a", officer).statusCode()).isEqualTo(200);
  }
}
