package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.enforcement.TasklistDriver.caseUrl;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.court.EnforcementApplication;
import cn.ecolaw.platform.court.NonLitigationExecution;
import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.enforcement.TasklistDriver.Scenario;
import cn.ecolaw.platform.enforcement.TasklistDriver.Visit;
import cn.ecolaw.platform.enforcement.TasklistDriver.Walk;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The court's side of an unpaid case ({@code non-litigation-execution}) worked through {@code /engine-rest} as the
 * Tasklist does, with only the required fields of each form (plus the optional ones a path needs, e.g. the ACEL 58
 * ground of a refusal): every court and bureau task of the court process, each with its candidate group and Chinese
 * form, and the result arriving back at the bureau's case.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CourtTasklistRestTest {

  @LocalServerPort
  int port;

  @Autowired NonLitigationExecution court;
  @Autowired RuntimeService runtime;

  PlatformHttp http;
  TasklistDriver driver;

  @BeforeEach
  void setUp() {
    http = new PlatformHttp(port);
    driver = new TasklistDriver(http, TasklistRestTest.REQUIRED_ANSWERS);
  }

  private Walk toCourtAndBack(Map<String, Answer> answers) {
    String pid = driver.start(TestCases.caseNo(), TestCases.enterpriseWater());
    return driver.walk(pid, Scenario.of(answers)
        .firing("Task_MonitorPayment", "Timer_RemedyPeriodEnds")
        .firing("Task_AwaitReminderResponse", "Timer_ReminderPeriod"));
  }

  private static List<Visit> court(Walk walk) {
    return walk.visits().stream().filter(v -> v.processDefinitionKey().equals("non-litigation-execution")).toList();
  }

  private JsonNode variable(String pid, String name) {
    JsonNode list = http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=" + name);
    assertThat(list).as("historic variable %s", name).hasSize(1);
    return list.get(0).path("value");
  }

  private void assertBackAtTheBureau(Walk walk, String courtResult) {
    assertThat(variable(walk.processInstanceId(), "caseOutcome").asText()).isEqualTo("COURT_ENFORCEMENT");
    assertThat(variable(walk.processInstanceId(), "courtResult").asText()).isEqualTo(courtResult);
    JsonNode view = http.getOk(caseUrl(walk.caseNo()));
    assertThat(view.path("outcome").asText()).isEqualTo("COURT_ENFORCEMENT");
    assertThat(view.path("active").asBoolean()).isFalse();
  }

  private List<String> documentTitles(String caseNo) {
    List<String> titles = new ArrayList<>();
    http.getOk(caseUrl(caseNo) + "/documents").forEach(d -> titles.add(d.path("title").asText()));
    return titles;
  }

  @Test
  void refusedChallengedRevokedAndExecutedByTheAgency() {
    Walk walk = toCourtAndBack(Map.of(
        "enforcementGranted", v -> "false",
        "refusalGround", v -> "NO_LEGAL_BASIS",
        "challengeFiled", v -> "true",
        "challengeReason", v -> "处罚依据为水污染防治法第八十三条，原裁定认定缺乏法律依据有误。",
        "executedBy", v -> "AGENCY"));

    assertThat(court(walk)).extracting(Visit::taskKey).containsExactly("Task_ReviewApplication",
        "Task_ChooseReviewMode", "Task_ReviewAndRule", "Task_ServeRefusal", "Task_ConsiderChallenge",
        "Task_DecideChallenge", "Task_ExecuteByAgency");
    assertThat(court(walk)).extracting(Visit::candidateGroup).containsExactly("court-filing", "court-judge",
        "court-judge", "court-filing", "eco-legal", "court-judge", "eco-officer");
    assertBackAtTheBureau(walk, "GRANTED");
    assertThat(variable(walk.processInstanceId(), "courtExecutedBy").asText()).isEqualTo("AGENCY");
    assertThat(documentTitles(walk.caseNo())).contains("强制执行申请书", "强制执行申请受理通知书", "不准予强制执行裁定书",
        "不准予强制执行裁定复议决定书");
  }

  @Test
  void notAcceptedAppealedThenHeardGrantedAndExecutedByTheCourt() {
    Walk walk = toCourtAndBack(Map.of(
        "courtAccepted", v -> "false",
        "acceptanceNote", v -> "申请材料不齐全。",
        "appealFiled", v -> "true",
        "appealReason", v -> "申请材料已按行政强制法第五十五条提交齐全。",
        "reviewMode", v -> "HEARING",
        "reviewModeNote", v -> "被执行人主张监测数据有误，决定可能明显缺乏事实根据。",
        "hearingDate", v -> Dates.today().toString()));

    assertThat(court(walk)).extracting(Visit::taskKey).containsExactly("Task_ReviewApplication",
        "Task_ConsiderAppeal", "Task_DecideAppeal", "Task_ChooseReviewMode", "Task_HearBothSides",
        "Task_ReviewAndRule", "Task_ExecuteByCourt");
    assertThat(court(walk)).extracting(Visit::candidateGroup).containsExactly("court-filing", "eco-legal",
        "court-judge", "court-judge", "court-judge", "court-judge", "court-enforcement");
    assertBackAtTheBureau(walk, "GRANTED");
    assertThat(variable(walk.processInstanceId(), "courtExecutedBy").asText()).isEqualTo("COURT");
    assertThat(variable(walk.processInstanceId(), "courtAmountCollected").asDouble()).isPositive();
    assertThat(documentTitles(walk.caseNo())).contains("不予受理强制执行申请裁定书", "强制执行申请受理通知书",
        "准予强制执行裁定书");
  }

  @Test
  void notAcceptedAndLeftStandingComesBackNotAccepted() {
    Walk walk = toCourtAndBack(Map.of(
        "courtAccepted", v -> "false",
        "acceptanceNote", v -> "超过法定申请期限。"));

    assertThat(court(walk)).extracting(Visit::taskKey).containsExactly("Task_ReviewApplication",
        "Task_ConsiderAppeal");
    assertBackAtTheBureau(walk, "NOT_ACCEPTED");
    assertThat(variable(walk.processInstanceId(), "courtRulingReason").asText()).isEqualTo("超过法定申请期限。");
  }

  @Test
  void aRefusalWithoutItsGroundIsAnsweredWith400InChineseAndChangesNothing() {
    String docketNo = court.apply(new EnforcementApplication(TestCases.caseNo(), null, "湖州市生态环境局",
        "湖州测试化工有限公司", TestCases.uscc(), 150000d, "1", List.of("1")));
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(docketNo).singleResult().getId();
    driver.complete(pid, "Task_ReviewApplication", Map.of());
    driver.complete(pid, "Task_ChooseReviewMode", Map.of());
    JsonNode task = driver.openTask(pid, "Task_ReviewAndRule");
    String taskId = task.get("id").asText();

    PlatformHttp.Response r = driver.submitTask(taskId,
        driver.taskFormValues(taskId, Map.of("enforcementGranted", v -> "false")));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("COURT-002").containsPattern("[\\u4e00-\\u9fff]");
    assertThat(driver.openTask(pid, "Task_ReviewAndRule").get("id").asText()).isEqualTo(taskId);
    assertThat(http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=refusalServiceDue")).isEmpty();
  }
}
