package cn.ecolaw.platform.review;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.enforcement.TasklistDriver;
import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review worked through {@code /engine-rest} as the Tasklist does, with only the required fields of each form
 * (TasklistDriver): the file drawn over {@code /api/reviews/samples}, each task's candidate group and Chinese form
 * checked, the province's form showing nothing of the city's score; the statistics afterwards.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseReviewRestTest {

  static final Map<String, String> CANDIDATE_GROUPS = Map.of(
      "Task_CityScoring", "reviewer-city",
      "Task_ProvinceScoring", "reviewer-province",
      "Task_Arbitrate", "review-arbiter",
      "Task_Rectify", "eco-officer",
      "Task_VerifyRectification", "reviewer-city",
      "Task_SuperviseRectification", "eco-head");

  static final Map<String, Answer> REQUIRED = Map.of(
      "cityVetoFailed", v -> "false",
      "cityOpinion", v -> "案卷规范。",
      "provinceVetoFailed", v -> "false",
      "provinceOpinion", v -> "同意。",
      "arbiterVetoFailed", v -> "false",
      "arbiterOpinion", v -> "仲裁意见。",
      "rectificationReport", v -> "已整改。",
      "rectified", v -> "true",
      "verifyOpinion", v -> "整改到位。");

  @LocalServerPort int port;
  @Autowired CaseFileRepository cases;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  PlatformHttp http;
  TasklistDriver driver;

  @BeforeEach
  void client() {
    http = new PlatformHttp(port);
    driver = new TasklistDriver(http, REQUIRED);
  }

  private String draw(String caseNo) {
    PlatformHttp.Response r = http.post("/api/reviews/samples", Map.of("caseNos", List.of(caseNo)));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("drawn").get(0).get("processInstanceId").asText();
  }

  /** Works every open task of the review until it ends; returns the task keys in order. */
  private List<String> walk(String pid, Map<String, Answer> answers) {
    List<String> keys = new ArrayList<>();
    for (int step = 0; step < 20; step++) {
      JsonNode open = http.getOk("/engine-rest/task?processInstanceId=" + pid);
      if (open.isEmpty()) {
        return keys;
      }
      JsonNode task = open.get(0);
      String key = task.get("taskDefinitionKey").asText();
      check(task);
      keys.add(key);
      PlatformHttp.Response r = driver.submitTask(task.get("id").asText(),
          driver.taskFormValues(task.get("id").asText(), answers));
      assertThat(r.status()).as("%s: %s", key, r.text()).isEqualTo(204);
    }
    throw new AssertionError("review did not end: " + keys);
  }

  private void check(JsonNode task) {
    String key = task.get("taskDefinitionKey").asText();
    List<String> groups = new ArrayList<>();
    http.getOk("/engine-rest/task/" + task.get("id").asText() + "/identity-links").forEach(l -> {
      if ("candidate".equals(l.path("type").asText())) {
        groups.add(l.path("groupId").asText());
      }
    });
    assertThat(groups).as(key).containsExactly(CANDIDATE_GROUPS.get(key));
    JsonNode form = http.getOk("/engine-rest/task/" + task.get("id").asText() + "/deployed-form");
    TasklistDriver.assertChineseForm(form);
    if (key.equals("Task_ProvinceScoring")) {
      assertThat(form.toString()).doesNotContain("{{city").doesNotContain("市级初评：");
    }
  }

  private String outcome(String pid) {
    return http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&variableName=caseOutcome")
        .get(0).get("value").asText();
  }

  @Test
  void requiredFieldsOnlyGradesTheFileWithoutProblems() {
    String caseNo = ReviewFixture.closedCase(cases);
    String pid = draw(caseNo);

    assertThat(walk(pid, Map.of())).containsExactly("Task_CityScoring", "Task_ProvinceScoring");
    assertThat(outcome(pid)).isEqualTo("NO_PROBLEMS");
    JsonNode documents = http.getOk("/api/cases/" + enc(caseNo) + "/documents");
    assertThat(documents.toString()).contains("案卷评查表");
  }

  @Test
  void vetoDisagreementIsArbitratedAndTheProblemRectified() {
    String caseNo = ReviewFixture.closedCase(cases);
    JsonNode before = http.getOk("/api/reviews/statistics");
    String pid = draw(caseNo);
    Map<String, Answer> answers = new HashMap<>();
    answers.put("provinceVetoFailed", v -> "true");
    answers.put("provinceVetoItems", v -> "VETO-04");
    answers.put("arbiterVetoFailed", v -> "true");
    answers.put("arbiterVetoItems", v -> "VETO-04");

    assertThat(walk(pid, answers)).containsExactly("Task_CityScoring", "Task_ProvinceScoring", "Task_Arbitrate",
        "Task_Rectify", "Task_VerifyRectification");
    assertThat(outcome(pid)).isEqualTo("RECTIFIED");
    assertThat(http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&variableName=grade")
        .get(0).get("value").asText()).isEqualTo("不合格");
    assertThat(http.getOk("/api/cases/" + enc(caseNo) + "/documents").toString()).contains("案卷评查表", "整改通知书");

    JsonNode after = http.getOk("/api/reviews/statistics");
    assertThat(after.get("filesReviewed").asLong()).isEqualTo(before.get("filesReviewed").asLong() + 1);
    assertThat(after.get("problemsFound").asLong()).isEqualTo(before.get("problemsFound").asLong() + 1);
    assertThat(after.get("problemsCorrected").asLong()).isEqualTo(before.get("problemsCorrected").asLong() + 1);
    assertThat(after.get("byUnit").toString()).contains("湖州市生态环境局");
    assertThat(after.get("byProblemType").toString()).contains("VETO-04", "告知与听证");
  }

  @Test
  void reviewersReadTheSampledCaseFileAndOnlyTheOfficeDraws() {
    cn.ecolaw.platform.support.Logins.ensureDemoUsers(identity, filters, taskService);
    String caseNo = ReviewFixture.closedCase(cases);
    String other = ReviewFixture.closedCase(cases);
    draw(caseNo);
    for (String reviewer : List.of("reviewer1", "reviewer2", "arbiter1")) {
      PlatformHttp as = http.as(reviewer);
      assertThat(as.get("/api/cases/" + enc(caseNo)).status()).as(reviewer).isEqualTo(200);
      assertThat(as.get("/api/cases/" + enc(caseNo) + "/documents").status()).isEqualTo(200);
      assertThat(as.get("/api/cases/" + enc(caseNo) + "/trail").status()).isEqualTo(200);
      assertThat(as.get("/api/cases/" + enc(other)).status()).as("not sampled").isEqualTo(403);
    }
    PlatformHttp.Response officer = http.as("officer1").post("/api/reviews/samples",
        Map.of("caseNos", List.of(other)));
    assertThat(officer.status()).isEqualTo(403);
    assertThat(officer.text()).contains("AUTH-010");
  }

  @Test
  void aDeductionWithoutAReasonIsRefusedInChinese() {
    String pid = draw(ReviewFixture.closedCase(cases));
    JsonNode task = driver.openTask(pid, "Task_CityScoring");
    Map<String, Object> values = driver.taskFormValues(task.get("id").asText(),
        Map.of("cityDeductions", v -> "INV-03 2"));

    PlatformHttp.Response r = driver.submitTask(task.get("id").asText(), values);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("REV-003").contains("扣分必须写明理由");
    assertThat(driver.openTask(pid, "Task_CityScoring").get("id").asText()).isEqualTo(task.get("id").asText());
  }
}
