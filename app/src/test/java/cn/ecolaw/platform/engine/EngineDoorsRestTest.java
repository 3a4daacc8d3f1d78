package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.identity.DemoUsers;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 8's expression and deployment holes, tried through {@code /engine-rest} with the demo users: decisions run
 * FEEL only (JUEL, scripts refused at deployment, for everyone), the policy analyst deploys decisions and nothing
 * else, and an expression in any deployed model reaches only the beans the platform's models name.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineDoorsRestTest {

  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  @LocalServerPort
  int port;

  @Autowired ApplicationContext context;

  @Autowired IdentityService identity;

  PlatformHttp http;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity);
    http = new PlatformHttp(port);
  }

  static String decision(String id, String outputAttributes, String output) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="%s" id="d_%s" name="测试" namespace="http://ecolaw.cn/test">
          <decision id="%s" name="测试决策">
            <decisionTable id="t_%s">
              <input id="i1" label="数额"><inputExpression id="ie1" typeRef="double"><text>amount</text></inputExpression></input>
              <output id="o1" name="result" typeRef="string"/>
              <rule id="r1"><inputEntry id="e1"><text>&gt;= 0</text></inputEntry>
                <outputEntry id="oe1"%s><text>%s</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(DMN_NS, id, id, id, outputAttributes, output);
  }

  private PlatformHttp.Response deploy(String user, String name, String resource, String content) {
    return http.as(user).postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", name, "enable-duplicate-filtering", "false"),
        Map.of(resource, content.getBytes(StandardCharsets.UTF_8)));
  }

  private long count(String path) {
    return http.getOk(path).path("count").asLong();
  }

  @Test
  void analystCannotDeployJuelDecision() {
    long deployments = count("/engine-rest/deployment/count");

    PlatformHttp.Response juel = deploy("analyst1", "juel", "steal.dmn",
        decision("steal", "", "${jdbcTemplate.queryForList('select * from ACT_ID_USER')}"));
    PlatformHttp.Response language = deploy("analyst1", "javascript", "script.dmn",
        decision("script", " expressionLanguage=\"javascript\"", "\"x\""));
    PlatformHttp.Response byAdmin = deploy("admin", "juel", "steal.dmn",
        decision("steal", " expressionLanguage=\"juel\"", "\"x\""));

    assertThat(juel.status()).as(juel.text()).isEqualTo(400);
    assertThat(juel.text("message")).startsWith("【DEPLOY-003】").contains("FEEL");
    assertThat(language.status()).as(language.text()).isEqualTo(400);
    assertThat(language.text("message")).startsWith("【DEPLOY-002】").contains("javascript");
    assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(400);
    assertThat(byAdmin.text("message")).startsWith("【DEPLOY-002】");
    assertThat(count("/engine-rest/deployment/count")).isEqualTo(deployments);
    assertThat(count("/engine-rest/decision-definition/count?key=steal")).isZero();
    assertThat(count("/engine-rest/decision-definition/count?key=script")).isZero();

    // a FEEL decision is the analyst's to deploy
    PlatformHttp.Response feel = deploy("analyst1", "feel", "grade.dmn", decision("feelGrade", "", "\"A\""));
    assertThat(feel.status()).as(feel.text()).isEqualTo(200);
    assertThat(count("/engine-rest/decision-definition/count?key=feelGrade")).isEqualTo(1);
  }

  @Test
  void analystCannotDeployProcess() {
    long deployments = count("/engine-rest/deployment/count");
    String process = executable("enforcement-case", "${true}");

    PlatformHttp.Response bpmn = deploy("analyst1", "replace", "enforcement-case.bpmn", process);
    PlatformHttp.Response form = deploy("analyst1", "form", "payment-record.form", "{\"id\":\"payment-record\"}");

    assertThat(bpmn.status()).as(bpmn.text()).isEqualTo(403);
    assertThat(bpmn.text("message")).startsWith("【DEPLOY-001】").contains("DMN");
    assertThat(form.status()).as(form.text()).isEqualTo(403);
    assertThat(form.text("message")).startsWith("【DEPLOY-001】");
    assertThat(count("/engine-rest/deployment/count")).isEqualTo(deployments);
    assertThat(http.getOk("/engine-rest/process-definition/key/enforcement-case").path("name").asText())
        .isNotEqualTo("替换");
  }

  @Test
  void expressionsCannotReachJdbcTemplate() {
    assertThat(context.containsBean("jdbcTemplate")).isTrue();
    assertThat(ModelBeans.of(context).names()).contains("registerCaseDelegate", "closeCaseDelegate")
        .doesNotContain("jdbcTemplate", "dataSource", "caseLauncher");
    PlatformHttp.Response deployed = deploy("admin", "probe", "probe.bpmn",
        executable("jdbc-probe", "${jdbcTemplate.queryForList('select * from ACT_ID_USER')}"));
    assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);

    PlatformHttp.Response started = http.post("/engine-rest/process-definition/key/jdbc-probe/start", Map.of());

    assertThat(started.status()).as(started.text()).isEqualTo(400);
    assertThat(started.text("code")).isEqualTo("EXPR-001");
    assertThat(started.text("detail")).contains("jdbcTemplate");
    assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=jdbc-probe")).isZero();
    assertThat(count("/engine-rest/history/variable-instance/count?variableName=rows")).isZero();
  }

  /**
   * The engine's write doors for every demo user (the access matrix of the engine doors): only the administrator may
   * correlate messages, send signals, write variables directly, execute jobs, modify instances or deploy processes;
   * the others are refused (403) whatever their Camunda authorizations, and the case does not change.
   */
  @Test
  void engineWriteDoorsAreTheAdministratorsOnly() {
    Logins.ensureDemoUsers(identity);
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new java.util.HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    body.put("partyAddress", "浙江省湖州市吴兴区织里镇工业园区1号");
    body.put("legalRepresentative", "沈建国");
    assertThat(http.as("officer1").post("/api/cases", body).status()).isEqualTo(201);
    String pid = http.getOk("/engine-rest/process-instance?businessKey=" + PlatformHttp.enc(caseNo)).get(0)
        .path("id").asText();
    String taskId = http.getOk("/engine-rest/task?processInstanceId=" + pid).get(0).path("id").asText();
    String jobs = http.getOk("/engine-rest/job?processInstanceId=" + pid).toString();
    String variables = http.getOk("/engine-rest/process-instance/" + pid + "/variables").toString();
    long deployments = count("/engine-rest/deployment/count");

    for (DemoUsers.Role role : DemoUsers.ROLES) {
      String user = role.userId();
      if (user.equals(Logins.ADMIN)) {
        continue;
      }
      PlatformHttp as = http.as(user);
      Map<String, PlatformHttp.Response> doors = new java.util.LinkedHashMap<>();
      doors.put("message", as.post("/engine-rest/message", Map.of("messageName", "CourtEnforcementResult",
          "businessKey", caseNo)));
      doors.put("signal", as.post("/engine-rest/signal", Map.of("name", "CourtEnforcementResult")));
      doors.put("put variable", as.put("/engine-rest/process-instance/" + pid + "/variables/caseOutcome",
          Map.of("value", "PAID")));
      doors.put("task variable", as.put("/engine-rest/task/" + taskId + "/variables/fineAmount",
          Map.of("value", 1)));
      doors.put("modification", as.post("/engine-rest/process-instance/" + pid + "/modification",
          Map.of("instructions", java.util.List.of(Map.of("type", "startBeforeActivity",
              "activityId", "Task_ServeDecision")))));
      if (!jobs.equals("[]")) {
        String jobId = http.getOk("/engine-rest/job?processInstanceId=" + pid).get(0).path("id").asText();
        doors.put("job", as.post("/engine-rest/job/" + jobId + "/execute", Map.of()));
      }
      doors.put("deploy process", deploy(user, "replace", "enforcement-case.bpmn",
          executable("enforcement-case", "${true}")));
      doors.forEach((door, r) -> assertThat(r.status()).as("%s %s: %s", user, door, r.text()).isEqualTo(403));
    }

    assertThat(http.getOk("/engine-rest/process-instance/" + pid + "/variables").toString()).isEqualTo(variables);
    assertThat(http.getOk("/engine-rest/job?processInstanceId=" + pid).toString()).isEqualTo(jobs);
    assertThat(http.getOk("/engine-rest/task?processInstanceId=" + pid).get(0).path("id").asText())
        .isEqualTo(taskId);
    assertThat(count("/engine-rest/deployment/count")).isEqualTo(deployments);
  }

  /** A one-step process whose service task evaluates the expression into {@code rows}. */
  static String executable(String key, String expression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://ecolaw.cn/test">
          <bpmn:process id="%s" name="替换" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="s"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
            <bpmn:serviceTask id="t" camunda:expression="%s" camunda:resultVariable="rows"/>
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
            <bpmn:endEvent id="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, expression.replace("'", "&apos;"));
  }
}
