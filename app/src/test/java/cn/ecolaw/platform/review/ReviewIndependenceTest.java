package cn.ecolaw.platform.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 市级初评 and 省级复评 are independent (issue 8): while the province scores, its reviewer finds the city's score and
 * findings through no door of {@code /engine-rest} (task, form, instance, variable and history endpoints), and what it
 * puts in the city's place does not change the city's score.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewIndependenceTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CITY_FINDING = "询问笔录未载明执法证件号";
  static final String CITY_OPINION = "市级意见：笔录存在瑕疵";

  @Autowired TestRestTemplate http;
  @Autowired CaseFileRepository cases;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired SealedScores sealed;

  String pid;
  String provinceTask;

  /** A drawn file, scored by the city (98 points) through REST: the province's task is open. */
  @BeforeEach
  void cityHasScored() throws Exception {
    Logins.ensureDemoUsers(identity, filters, tasks);
    String caseNo = ReviewFixture.closedCase(cases);
    ResponseEntity<String> drawn = call("admin", HttpMethod.POST, "/api/reviews/samples",
        Map.of("caseNos", List.of(caseNo)));
    assertThat(drawn.getStatusCode().value()).as(drawn.getBody()).isEqualTo(201);
    pid = JSON.readTree(drawn.getBody()).at("/drawn/0/processInstanceId").asText();
    ResponseEntity<String> city = call("reviewer1", HttpMethod.POST,
        "/engine-rest/task/" + task("Task_CityScoring").getId() + "/complete",
        Map.of("variables", typed(Map.of("cityVetoFailed", false, "cityOpinion", CITY_OPINION,
            "cityDeductions", "INV-03 2 " + CITY_FINDING))));
    assertThat(city.getStatusCode().value()).as(city.getBody()).isEqualTo(204);
    provinceTask = task("Task_ProvinceScoring").getId();
  }

  @Test
  void provinceReviewerCannotReadCityScore() {
    List<String> doors = List.of(
        "/engine-rest/task/" + provinceTask + "/variables",
        "/engine-rest/task/" + provinceTask + "/form-variables",
        "/engine-rest/task?processInstanceId=" + pid + "&processVariables=cityScore_gt_0",
        "/engine-rest/process-instance/" + pid + "/variables",
        "/engine-rest/variable-instance?processInstanceIdIn=" + pid,
        "/engine-rest/variable-instance?variableName=cityScore&processInstanceIdIn=" + pid,
        "/engine-rest/history/process-instance/" + pid,
        "/engine-rest/history/variable-instance?processInstanceId=" + pid,
        "/engine-rest/history/variable-instance?processInstanceId=" + pid + "&includeDeleted=true",
        "/engine-rest/history/variable-instance?variableName=cityDeductions&includeDeleted=true",
        "/engine-rest/history/detail?processInstanceId=" + pid,
        "/engine-rest/history/detail?variableUpdates=true",
        "/engine-rest/history/activity-instance?processInstanceId=" + pid,
        "/engine-rest/history/task?processInstanceId=" + pid);
    for (String user : List.of("reviewer2")) {
      for (String door : doors) {
        ResponseEntity<String> r = call(user, HttpMethod.GET, door, null);
        assertThat(r.getStatusCode().value()).as(door + " " + r.getBody()).isLessThan(500);
        assertThat(String.valueOf(r.getBody())).as(user + " " + door)
            .doesNotContain("cityScore", "cityDeductions", "cityOpinion", CITY_FINDING, CITY_OPINION);
      }
    }
    // the province's own form still shows what it needs (the case and the sheet), and the city's score is kept
    assertThat(call("reviewer2", HttpMethod.GET, "/engine-rest/task/" + provinceTask + "/form-variables", null)
        .getBody()).contains("sheetText");
    assertThat(sealed.find(pid, ReviewTier.CITY).orElseThrow().total()).isEqualByComparingTo("98");
  }

  @Test
  void provinceReviewerCannotOverwriteCityScore() throws Exception {
    // a direct write, a write on the instance, and the city's variables slipped into the province's completion
    call("reviewer2", HttpMethod.PUT, "/engine-rest/task/" + provinceTask + "/variables/cityScore",
        Map.of("value", 60, "type", "Double"));
    assertThat(call("reviewer2", HttpMethod.PUT, "/engine-rest/process-instance/" + pid + "/variables/cityScore",
        Map.of("value", 60, "type", "Double")).getStatusCode().value()).isIn(403, 404);
    Map<String, Object> province = new HashMap<>(Map.of("provinceVetoFailed", false, "provinceOpinion", "省级意见",
        "provinceDeductions", ""));
    Map<String, Object> forged = new HashMap<>(province);
    forged.putAll(Map.of("cityScore", 60d, "cityDeductions", "INV-03 1 改写", "cityOpinion", "改写"));
    ResponseEntity<String> r = call("reviewer2", HttpMethod.POST, "/engine-rest/task/" + provinceTask + "/complete",
        Map.of("variables", typed(forged)));
    if (r.getStatusCode().value() != 204) {
      assertThat(r.getStatusCode().value()).as(r.getBody()).isBetween(400, 499);
      r = call("reviewer2", HttpMethod.POST, "/engine-rest/task/" + provinceTask + "/complete",
          Map.of("variables", typed(province)));
      assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
    }

    // both are in: the city's sealed score is revealed, not what the province put there
    assertThat(historic("cityScore").asDouble()).isEqualTo(98d);
    assertThat(historic("cityOpinion").asText()).isEqualTo(CITY_OPINION);
    assertThat(historic("cityDeductions").asText()).contains(CITY_FINDING);
    assertThat(historic("provinceScore").asDouble()).isEqualTo(100d);
  }

  JsonNode historic(String name) throws Exception {
    ResponseEntity<String> r = call("admin", HttpMethod.GET,
        "/engine-rest/history/variable-instance?processInstanceId=" + pid + "&variableName=" + name, null);
    JsonNode list = JSON.readTree(r.getBody());
    assertThat(list.size()).as(name + " " + r.getBody()).isEqualTo(1);
    return list.get(0).get("value");
  }

  Task task(String key) {
    Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    assertThat(t).as(key).isNotNull();
    return t;
  }

  ResponseEntity<String> call(String user, HttpMethod method, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, Logins.basic(user));
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
  }

  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    variables.forEach((k, v) -> out.put(k, Map.of("value", v)));
    return out;
  }
}
