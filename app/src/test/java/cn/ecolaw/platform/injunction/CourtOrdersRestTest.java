package cn.ecolaw.platform.injunction;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.enforcement.TasklistForms;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Works {@code injunction} and {@code restoration} through {@code /engine-rest} as the Tasklist does: start forms and
 * task forms with only their required fields, candidate groups and Chinese forms checked; the bureau's
 * {@code POST /api/cases/{caseNo}/injunction}.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CourtOrdersRestTest {

  static final Map<String, String> GROUPS = Map.ofEntries(
      Map.entry("Task_Rule", "court-judge"), Map.entry("Task_ServeRuling", "court-filing"),
      Map.entry("Task_MonitorCompliance", "eco-officer"), Map.entry("Task_RegisterChallenge", "court-filing"),
      Map.entry("Task_DraftPlan", "eco-officer"), Map.entry("Task_ApprovePlan", "court-judge"),
      Map.entry("Task_SuperviseExecution", "eco-officer"), Map.entry("Task_AcceptanceCheck", "eco-officer"));

  @LocalServerPort int port;
  @Autowired CaseLauncher launcher;
  @Autowired ProcessDriver driver;

  PlatformHttp http;
  TasklistForms forms;

  @BeforeEach
  void setUp() {
    http = new PlatformHttp(port);
    forms = new TasklistForms(http);
  }

  /** The start form's values as the Tasklist submits them: the user's input, untouched fields empty, hidden dropped. */
  private PlatformHttp.Response submitStart(String key, Map<String, Object> input) {
    JsonNode form = http.getOk("/engine-rest/process-definition/key/" + key + "/deployed-start-form");
    TasklistForms.assertChineseForm(form);
    Map<String, Object> values = new LinkedHashMap<>();
    for (JsonNode f : TasklistForms.fields(form)) {
      String k = f.get("key").asText();
      if (f.path("validate").path("required").asBoolean()) {
        assertThat(input).as("required start field %s", k).containsKey(k);
      }
      String hide = f.path("conditional").path("hide").asText("");
      if (hide.contains("securityProvided") && !"true".equals(input.get("securityProvided"))) {
        continue;
      }
      values.put(k, input.getOrDefault(k, f.path("type").asText().startsWith("text") ? "" : null));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Map<String, Object> dto = new HashMap<>();
      dto.put("value", v);
      vars.put(k, dto);
    });
    return http.post("/engine-rest/process-definition/key/" + key + "/submit-form", Map.of("variables", vars));
  }

  private JsonNode openTask(String pid, String taskKey) {
    JsonNode list = http.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey);
    assertThat(list).as("open %s", taskKey).hasSize(1);
    JsonNode task = list.get(0);
    List<String> groups = new ArrayList<>();
    http.getOk("/engine-rest/task/" + task.get("id").asText() + "/identity-links").forEach(l -> {
      if ("candidate".equals(l.path("type").asText())) {
        groups.add(l.path("groupId").asText());
      }
    });
    assertThat(groups).as("candidate group of %s", taskKey).containsExactly(GROUPS.get(taskKey));
    TasklistForms.assertChineseForm(http.getOk("/engine-rest/task/" + task.get("id").asText() + "/deployed-form"));
    return task;
  }

  private void work(String pid, String taskKey, Map<String, Object> answers) {
    PlatformHttp.Response r = forms.submit(openTask(pid, taskKey).get("id").asText(), answers);
    assertThat(r.status()).as("%s: %s", taskKey, r.text()).isEqualTo(204);
  }

  private Object variable(String pid, String name) {
    JsonNode list = http.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&variableName=" + name);
    return list.isEmpty() ? null : list.get(0).path("value").asText();
  }

  static Map<String, Object> injunctionInput() {
    Map<String, Object> in = new HashMap<>();
    in.put("applicant", "湖州市南太湖环保公益协会");
    in.put("applicantType", "PRESCRIBED_ORGANISATION");
    in.put("respondent", "湖州测试化工有限公司");
    in.put("respondentType", "ENTERPRISE");
    in.put("preSuit", "false");
    in.put("urgent", "true");
    in.put("facts", "被申请人持续向东苕溪排放含铬废水。");
    in.put("harmEvidence", "监测报告、现场照片。");
    in.put("requestedMeasures", "停止排放含铬废水");
    in.put("securityProvided", "false");
    return in;
  }

  @Test
  void injunctionFromTheStartFormThroughTheTasklistWithItsFortyEightHourDueTime() {
    PlatformHttp.Response started = submitStart("injunction", injunctionInput());
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    assertThat(started.json().get("businessKey").asText()).matches("（\\d{4}）浙0502民保令\\d+号");

    JsonNode rule = openTask(pid, "Task_Rule");
    Duration clock = Duration.between(OffsetDateTime.parse(rule.get("created").asText().replaceAll("(\\d{2})(\\d{2})$", "$1:$2")),
        OffsetDateTime.parse(rule.get("due").asText().replaceAll("(\\d{2})(\\d{2})$", "$1:$2")));
    assertThat(clock.toMinutes()).isBetween(48 * 60L - 1, 48 * 60L);

    work(pid, "Task_Rule", Map.of("injunctionGranted", "true", "rulingReason", "损害正在发生",
        "prohibitedConduct", "排放含铬废水"));
    work(pid, "Task_ServeRuling", Map.of("serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "王经理"));
    openTask(pid, "Task_RegisterChallenge");
    work(pid, "Task_MonitorCompliance", Map.of("complianceStatus", "CONCLUDED",
        "inspectionDate", Dates.today().toString(), "complianceNote", "已判决，禁止令执行完毕"));
    assertThat(variable(pid, "caseOutcome")).isEqualTo("CONCLUDED");
  }

  @Test
  void rejectedWithOnlyTheRequiredFields() {
    String pid = submitStart("injunction", injunctionInput()).json().get("id").asText();
    work(pid, "Task_Rule", Map.of("injunctionGranted", "false", "rulingReason", "证据不足"));
    assertThat(variable(pid, "caseOutcome")).isEqualTo("REJECTED");
  }

  @Test
  void preSuitStartWithoutSecurityIsRefusedIn400AndStartsNothing() {
    long before = http.getOk("/engine-rest/history/process-instance/count?processDefinitionKey=injunction")
        .get("count").asLong();
    Map<String, Object> in = injunctionInput();
    in.put("preSuit", "true");
    PlatformHttp.Response r = submitStart("injunction", in);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("INJ-004").contains("应当提供担保");
    assertThat(http.getOk("/engine-rest/history/process-instance/count?processDefinitionKey=injunction")
        .get("count").asLong()).isEqualTo(before);
  }

  @Test
  void bureauAppliesFromACaseWithAContinuingViolation() {
    String caseNo = TestCases.caseNo();
    String pid = driver.instanceOf(launcher.start(caseNo, TestCases.enterpriseWater()));
    driver.complete(pid, "Task_ProposeFiling", Map.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    driver.complete(pid, "Task_ApproveFiling", Map.of("filingApproved", "true", "headOpinion", "同意"));

    Map<String, Object> body = Map.of("urgent", true, "facts", "暗管排放仍在持续", "harmEvidence", "在线监控数据",
        "requestedMeasures", "停止通过暗管排放", "securityProvided", true, "securityAmount", 100000);
    PlatformHttp.Response notYet = http.post("/api/cases/" + enc(caseNo) + "/injunction", body);
    assertThat(notYet.status()).isEqualTo(409);
    assertThat(notYet.text("code")).isEqualTo("INJ-006");

    Map<String, Object> v = new HashMap<>();
    v.put("evidence", "现场检查笔录");
    v.put("officers", "张三、李四");
    v.put("crimeSuspected", "false");
    v.put("measure", "NONE");
    v.put("continuingViolation", true);
    driver.complete(pid, "Task_Investigate", v);

    PlatformHttp.Response r = http.post("/api/cases/" + enc(caseNo) + "/injunction", body);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(r.text("docketNo")).matches("（\\d{4}）浙0502民保令\\d+号");
    assertThat(r.text("rulingClock")).isEqualTo("诉前申请，四十八小时内裁定");
    String injunction = r.text("processInstanceId");
    assertThat(variable(injunction, "caseNo")).isEqualTo(caseNo);
    assertThat(variable(injunction, "applicant")).isEqualTo("湖州市生态环境局");
    openTask(injunction, "Task_Rule");

    PlatformHttp.Response twice = http.post("/api/cases/" + enc(caseNo) + "/injunction", body);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(http.post("/api/cases/" + enc("湖环罚〔2026〕99999号") + "/injunction", body).status()).isEqualTo(404);
    JsonNode kase = http.getOk("/api/cases/" + enc(caseNo));
    assertThat(kase.toString()).contains("injunction");
  }

  @Test
  void restorationFromTheStartFormThroughTheTasklist() {
    Map<String, Object> in = new HashMap<>();
    in.put("respondent", "湖州测试化工有限公司");
    in.put("site", "东苕溪吴兴段河岸带");
    in.put("damageDescription", "河岸土壤铬污染");
    in.put("restorationRequirements", "清挖并异位修复");
    in.put("restorationDeadline", Dates.today().plusMonths(3).toString());
    in.put("fallbackCost", 500000);
    PlatformHttp.Response started = submitStart("restoration", in);
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    assertThat(started.json().get("businessKey").asText()).matches("（\\d{4}）浙0502民初\\d+号");

    work(pid, "Task_DraftPlan", Map.of("planSummary", "异位修复", "planMeasures", "清挖、修复、复绿",
        "planCost", 450000, "planDrafter", "湖州市生态环境局"));
    work(pid, "Task_ApprovePlan", Map.of("planApproved", "true", "planOpinion", "同意"));
    forms.fireTimer(pid, "Timer_SupervisionCycle");
    work(pid, "Task_SuperviseExecution", Map.of("completionDate", Dates.today().toString(), "completionNote", "完成"));
    work(pid, "Task_AcceptanceCheck", Map.of("acceptancePassed", "true", "experts", "王专家、李专家",
        "acceptanceDate", Dates.today().toString(), "acceptanceOpinion", "合格"));
    assertThat(variable(pid, "caseOutcome")).isEqualTo("RESTORED");
    assertThat(http.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=Task_SupervisionReport"))
        .hasSize(1);
  }
}
