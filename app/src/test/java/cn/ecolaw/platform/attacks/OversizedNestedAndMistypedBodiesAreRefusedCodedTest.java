package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TasklistSession;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
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
 * Rule: a body too large, nested too deep or of the wrong type is refused with 4xx, a code and a Chinese message at
 * every door, and changes nothing: a 20 MB JSON (with or without a length) answers 413 REQ-413 before anything reads
 * it (a user's 100 MB task query used to run the node out of heap and answer 500); JSON nested 5,000 objects deep
 * answers 400 with a code (the engine's REST API answered 500); text, XML or a form where JSON is expected answers 4xx
 * with a code.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizedNestedAndMistypedBodiesAreRefusedCodedTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired CaseLauncher launcher;

  String taskId;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void givenACaseWithAnOpenTask() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
  }

  /** Doors taking JSON, with the user who may use them. */
  private List<String[]> doors() {
    return List.of(new String[] {"officer1", "/engine-rest/task"}, new String[] {"officer1", "/engine-rest/task/count"},
        new String[] {"admin", "/engine-rest/authorization/create"},
        new String[] {"officer1", "/engine-rest/task/" + taskId + "/comment/create"},
        new String[] {"officer1", "/engine-rest/task/" + taskId + "/submit-form"},
        new String[] {"officer1", "/api/cases"});
  }

  private HttpResponse<String> post(String user, String path, String type, HttpRequest.BodyPublisher body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", Logins.basic(user)).header("Accept", "application/json").POST(body);
    if (type != null) {
      request.header("Content-Type", type);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void coded(HttpResponse<String> r, int status, String code, String what) throws Exception {
    assertThat(r.statusCode()).as(what + " → " + r.body()).isEqualTo(status);
    JsonNode json = PlatformHttp.json().readTree(r.body());
    if (code != null) {
      assertThat(json.path("code").asText()).as(what + " → " + r.body()).isEqualTo(code);
    } else {
      assertThat(json.path("code").asText()).as(what + " → " + r.body()).matches("[A-Z]+-\\d{3}");
    }
    assertThat(json.path("message").asText()).as(what).containsPattern("\\p{IsHan}");
  }

  private static byte[] twentyMegabytesOfJson() {
    byte[] body = new byte[20 * 1024 * 1024];
    Arrays.fill(body, (byte) 'a');
    byte[] head = "{\"message\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, head.length);
    body[body.length - 2] = '"';
    body[body.length - 1] = '}';
    return body;
  }

  @Test
  void aTwentyMegabyteJsonIsRefusedWith413AtEveryDoor() throws Exception {
    byte[] body = twentyMegabytesOfJson();
    long comments = tasks.getTaskComments(taskId).size();
    for (String[] door : doors()) {
      HttpResponse<String> r = post(door[0], door[1], "application/json", HttpRequest.BodyPublishers.ofByteArray(body));
      coded(r, 413, "REQ-413", "20 MB to " + door[1]);
    }
    // without a length (chunked) too
    HttpResponse<String> chunked = post("officer1", "/engine-rest/task/count", "application/json",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    coded(chunked, 413, "REQ-413", "20 MB chunked");
    // the Tasklist's own engine API
    HttpResponse<String> tasklist = TasklistSession.login(port, "officer1").send("POST", TasklistSession.ENGINE
        + "/task/count", "application/json", new String(body, StandardCharsets.US_ASCII));
    coded(tasklist, 413, "REQ-413", "20 MB to the Tasklist");
    assertThat(tasks.getTaskComments(taskId)).hasSize((int) comments);
    // an ordinary body, and a small chunked one, still pass
    assertThat(post("officer1", "/engine-rest/task/count", "application/json",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes()))).statusCode())
        .isEqualTo(200);
  }

  @Test
  void jsonNestedFiveThousandDeepIsRefusedWith400AtEveryDoor() throws Exception {
    String objects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    String arrays = "[".repeat(5000) + "]".repeat(5000);
    for (String nested : List.of(objects, arrays)) {
      for (String[] door : doors()) {
        HttpResponse<String> r = post(door[0], door[1], "application/json", HttpRequest.BodyPublishers.ofString(nested));
        coded(r, 400, null, "nested to " + door[1]);
      }
    }
  }

  @Test
  void aBodyOfTheWrongTypeIsRefusedCoded() throws Exception {
    long before = authorizations.createAuthorizationQuery().count();
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png")) {
      for (String[] door : doors()) {
        HttpResponse<String> r = post(door[0], door[1], type,
            HttpRequest.BodyPublishers.ofString("{\"type\":1,\"message\":\"x\"}"));
        assertThat(r.statusCode()).as(type + " to " + door[1] + " → " + r.body()).isBetween(400, 499);
        coded(r, r.statusCode(), null, type + " to " + door[1]);
      }
    }
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
  }
}
