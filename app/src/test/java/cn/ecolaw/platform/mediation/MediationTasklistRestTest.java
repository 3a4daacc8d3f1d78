package cn.ecolaw.platform.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.TasklistDriver;
import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code mediation-routing}, {@code judicial-confirmation} and {@code appraisal} worked through {@code /engine-rest}
 * as the Tasklist does: start forms and task forms with only their required fields (plus what a chosen answer makes
 * necessary), each task by a demo user of its candidate group.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MediationTasklistRestTest {

  /** Task → candidate group → the demo user who works it. */
  static final Map<String, String> GROUPS = Map.ofEntries(
      Map.entry("Task_ReviewDispute", "court-filing"),
      Map.entry("Task_Mediate", "mediator"),
      Map.entry("Task_RecordJointApplication", "mediator"),
      Map.entry("Task_FileForLitigation", "court-filing"),
      Map.entry("Task_ReviewAgreement", "court-judge"),
      Map.entry("Task_ChooseInstitution", "eco-officer"),
      Map.entry("Task_AcceptCommission", "appraiser"),
      Map.entry("Task_Appraise", "appraiser"),
      Map.entry("Task_CrossExamine", "eco-officer"));
  static final Map<String, String> USERS = Map.of("court-filing", "filing1", "mediator", "mediator1",
      "court-judge", "judge1", "eco-officer", "officer1", "appraiser", "appraiser1");

  @LocalServerPort int port;
  @Autowired cn.ecolaw.platform.enforcement.CaseLauncher launcher;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired cn.ecolaw.platform.documents.DocumentService documents;

  PlatformHttp http;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
  }

  private static Map<String, Answer> answers(Object... pairs) {
    Map<String, Answer> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      m.put((String) pairs[i], v -> value);
    }
    return m;
  }

  private String startByForm(String user, String processKey, Map<String, Object> input) {
    TasklistDriver driver = new TasklistDriver(http.as(user), Map.of());
    PlatformHttp.Response r = driver.submitStart(processKey, null, driver.startFormValues(processKey, input));
    assertThat(r.status()).as("start %s: %s", processKey, r.text()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  /** Completes the instance's one open task as a user of its candidate group; returns the task key. */
  private String work(String pid, String taskKey, Map<String, Answer> answers) {
    String group = GROUPS.get(taskKey);
    PlatformHttp as = http.as(USERS.get(group));
    JsonNode list = as.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey);
    assertThat(list).as("%s visible to %s", taskKey, USERS.get(group)).hasSize(1);
    String taskId = list.get(0).get("id").asText();
    List<String> groups = new ArrayList<>();
    as.getOk("/engine-rest/task/" + taskId + "/identity-links").forEach(l -> {
      if ("candidate".equals(l.path("type").asText())) {
        groups.add(l.path("groupId").asText());
      }
    });
    assertThat(groups).as("candidate groups of %s", taskKey).containsExactly(group);
    TasklistDriver driver = new TasklistDriver(as, Map.of());
    PlatformHttp.Response r = driver.submitTask(taskId, driver.taskFormValues(taskId, answers));
    assertThat(r.status()).as("%s: %s", taskKey, r.text()).isEqualTo(204);
    return taskKey;
  }

  /** The variable of exactly this instance, as the REST API reports it (the instance may have ended). */
  private String variable(String pid, String name) {
    JsonNode found = http.getOk("/engine-rest/history/variable-instance?processInstanceIdIn=" + pid
        + "&variableName=" + name);
    assertThat(found).as("%s of %s", name, pid).hasSize(1);
    assertThat(found.get(0).path("processInstanceId").asText()).isEqualTo(pid);
    return found.get(0).path("value").asText();
  }

  private Map<String, Object> dispute(double amount) {
    Map<String, Object> in = new HashMap<>();
    in.put("applicant", "王某某");
    in.put("respondent", "湖州织里恒通印染有限公司");
    in.put("caseCategory", "NEIGHBOUR_NUISANCE");
    in.put("publicInterest", "false");
    in.put("claimAmount", amount);
    in.put("partiesConsent", "true");
    in.put("facts", "夜间生产噪声扰民，请求停止侵害并赔偿损失。");
    return in;
  }

  @Test
  void disputeDivertedMediatedAndConfirmed() {
    String pid = startByForm("filing1", MediationRouting.PROCESS_KEY, dispute(30000));
    String caseNo = variable(pid, "caseNo");
    assertThat(caseNo).matches("（\\d{4}）浙0502民诉前调\\d+号");
    work(pid, "Task_ReviewDispute", answers("divertToMediation", "true"));
    work(pid, "Task_Mediate", answers("mediationSucceeded", "true", "agreementTerms", "被申请人赔偿申请人3万元。"));
    work(pid, "Task_RecordJointApplication", answers("jointApplication", "true"));
    assertThat(variable(pid, "caseOutcome")).isEqualTo("MEDIATED_CONFIRMATION_APPLIED");

    JsonNode confirmations = http.as("judge1").getOk("/engine-rest/process-instance?processDefinitionKey="
        + "judicial-confirmation&variables=" + PlatformHttp.enc("caseNo_eq_" + caseNo));
    assertThat(confirmations).hasSize(1);
    String cid = confirmations.get(0).get("id").asText();
    work(cid, "Task_ReviewAgreement", answers("confirmed", "true", "rulingReason", "协议合法有效。"));
    assertThat(variable(cid, "caseOutcome")).isEqualTo("CONFIRMED");
    assertThat(http.getOk("/api/cases/" + PlatformHttp.enc(caseNo) + "/documents").toString()).as("documents of %s", caseNo)
        .contains("调解告知书", "调解协议", "司法确认申请书", "司法确认裁定书");
  }

  @Test
  void disputeFailedInMediationIsFiled() {
    String pid = startByForm("filing1", MediationRouting.PROCESS_KEY, dispute(30000));
    work(pid, "Task_ReviewDispute", answers("divertToMediation", "true"));
    work(pid, "Task_Mediate", answers("mediationSucceeded", "false"));
    work(pid, "Task_FileForLitigation", answers("filingOpinion", "调解不成，登记立案。"));
    assertThat(variable(pid, "caseOutcome")).isEqualTo("FILED_FOR_LITIGATION");
  }

  @Test
  void badStartFormIsRefusedWith400InChinese() {
    TasklistDriver driver = new TasklistDriver(http.as("filing1"), Map.of());
    Map<String, Object> values = driver.startFormValues(MediationRouting.PROCESS_KEY, dispute(30000));
    values.put("claimAmount", -5);
    PlatformHttp.Response r = driver.submitStart(MediationRouting.PROCESS_KEY, null, values);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.text()).contains("MED-004").contains("标的额");
  }

  @Test
  void appraisalAskedByTheBureauRunsToAnAdmittedOpinion() {
    // the bureau asks in a registered case of its own (a bureau case number nobody registered is refused: UNIT-003)
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    Map<String, Object> in = new HashMap<>();
    in.put("caseNo", caseNo);
    in.put("requestedBy", "BUREAU");
    in.put("category", "SURFACE_WATER");
    in.put("matter", "某河段水体污染损害数额");
    in.put("parties", "湖州测试印染有限公司");
    in.put("estimatedAmount", 900000);
    String pid = startByForm("officer1", "appraisal", in);
    work(pid, "Task_ChooseInstitution", answers("selectionMethod", "RANDOM"));
    work(pid, "Task_AcceptCommission", answers("commissionAccepted", "true", "fee", 60000));
    work(pid, "Task_Appraise", answers("materialRequested", "false", "appraisalOpinion", "损害数额92万元。"));
    work(pid, "Task_CrossExamine", answers("objectionRaised", "false", "crossExaminationNote", "无异议。"));
    assertThat(variable(pid, "caseOutcome")).isEqualTo("OPINION_ADMITTED");
  }

  @Test
  void appraisalApiRefusesBadInputWith400() {
    PlatformHttp.Response r = http.post("/api/cases/" + PlatformHttp.enc(TestCases.caseNo()) + "/appraisals",
        Map.of("requestedBy", "COURT", "category", "NOISE", "matter", "x", "parties", "甲", "estimatedAmount", 1));
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.json().path("code").asText()).isEqualTo("APR-003");
  }
}
