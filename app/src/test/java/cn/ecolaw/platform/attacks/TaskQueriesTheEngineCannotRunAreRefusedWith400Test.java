package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TasklistSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: a task query the engine refuses to run — criteria it cannot combine ("Invalid query usage": withoutCandidateGroups
 * inside an or-query, candidateUser with candidateGroup, tenantIdIn with withoutTenantId, a due date with
 * withoutDueDate, includeAssignedTasks alone), a boolean compared with "greater than" or an object with "equals", a null
 * where a value is needed (a null task id, a process-variable sort without its variable, a variable without a name) —
 * answers 400 with a code and a Chinese message through every door that runs task queries, never the engine's 500
 * ("internal error") nor 404 ("not found"), and the Tasklist's query is the same.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskQueriesTheEngineCannotRunAreRefusedWith400Test {

  static final List<String> BODIES = List.of(
      "{\"orQueries\":[{\"withoutCandidateGroups\":true}]}",
      "{\"orQueries\":[{\"withoutCandidateUsers\":true,\"candidateGroupLike\":\"%\"}]}",
      "{\"candidateUser\":\"judge1\",\"candidateGroup\":\"court-judge\"}",
      "{\"candidateUser\":\"judge1\",\"candidateGroups\":[\"court-judge\"]}",
      "{\"tenantIdIn\":[\"a\"],\"withoutTenantId\":true}",
      "{\"dueDate\":\"2026-01-01T00:00:00.000+0800\",\"withoutDueDate\":true}",
      "{\"includeAssignedTasks\":true}",
      "{\"orQueries\":[{\"includeAssignedTasks\":true}]}",
      "{\"processVariables\":[{\"name\":\"caseNo\",\"operator\":\"gt\",\"value\":true}]}",
      "{\"processVariables\":[{\"name\":\"caseNo\",\"operator\":\"eq\",\"value\":{\"x\":1}}]}",
      "{\"taskIdIn\":[null]}",
      "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\"}]}",
      "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":{\"variable\":\"caseNo\","
          + "\"type\":\"Zz\"}}]}",
      "{\"processVariables\":[{\"name\":null,\"operator\":\"eq\",\"value\":1}]}");

  static final List<String> GETS = List.of("candidateUser=judge1&candidateGroup=court-judge",
      "tenantIdIn=a&withoutTenantId=true", "includeAssignedTasks=true",
      "dueDate=2026-01-01T00:00:00.000%2B0800&withoutDueDate=true");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  PlatformHttp officer;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    officer = new PlatformHttp(port).as("officer1");
  }

  private static void refused400(int status, String body, String what) {
    assertThat(status).as(what + " → " + body).isEqualTo(400);
    JsonNode json;
    try {
      json = PlatformHttp.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
    assertThat(json.path("message").asText()).as(what + " → " + body).startsWith("【REQ-400】")
        .containsPattern("\\p{IsHan}");
  }

  @Test
  void engineRestTaskQueriesTheEngineCannotRunAnswer400() {
    for (String body : BODIES) {
      for (String door : List.of("/engine-rest/task", "/engine-rest/task/count")) {
        PlatformHttp.Response r = officer.postBytes(door, "application/json",
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        refused400(r.status(), r.text(), "POST " + door + " " + body);
      }
    }
    for (String get : GETS) {
      for (String door : List.of("/engine-rest/task?", "/engine-rest/task/count?")) {
        PlatformHttp.Response r = officer.get(door + get);
        refused400(r.status(), r.text(), "GET " + door + get);
      }
    }
  }

  @Test
  void filterListsAndCountsWithSuchAQueryAnswer400() {
    Filter any = filters.createTaskFilterQuery().list().get(0);
    for (String body : List.of(BODIES.get(0), BODIES.get(4), BODIES.get(8), BODIES.get(11))) {
      for (String door : List.of("/list", "/count")) {
        String url = "/engine-rest/filter/" + any.getId() + door;
        PlatformHttp.Response r = officer.postBytes(url, "application/json",
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        refused400(r.status(), r.text(), "POST " + url + " " + body);
      }
    }
  }

  @Test
  void theTasklistsTaskQueriesTheEngineCannotRunAnswer400() {
    TasklistSession tasklist = TasklistSession.login(port, "officer1");
    for (String body : List.of(BODIES.get(0), BODIES.get(2), BODIES.get(8), BODIES.get(11))) {
      for (String door : List.of("/task", "/task/count")) {
        HttpResponse<String> r = tasklist.send("POST", TasklistSession.ENGINE + door, "application/json", body);
        refused400(r.statusCode(), r.body(), "Tasklist POST " + door + " " + body);
      }
    }
    // well-formed queries still work
    assertThat(tasklist.send("POST", TasklistSession.ENGINE + "/task/count", "application/json",
        "{\"candidateGroupLike\":\"%\"}").statusCode()).isEqualTo(200);
    assertThat(officer.post("/engine-rest/task/count", java.util.Map.of("withoutCandidateGroups", true)).status())
        .isEqualTo(200);
  }
}
