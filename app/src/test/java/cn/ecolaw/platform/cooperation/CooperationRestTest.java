package cn.ecolaw.platform.cooperation;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code clue-transfer} and {@code consultation} worked through {@code /api} and {@code /engine-rest} as the member
 * units do in the Tasklist: each task by a demo user of its candidate group, through its deployed Camunda Form with
 * only the required fields; and what each unit sees: a unit sees what is transferred or addressed to it, nothing else.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CooperationRestTest {

  /** The demo user of each candidate group. */
  static final Map<String, String> USERS = Map.of("eco-officer", "officer1", "eco-head", "head1", "police", "police1",
      "expert", "expert1", "natural-resources", "nr1", "procuratorate", "prosecutor1", "court-judge", "judge1");

  /** What the users type into the required fields of the new forms. */
  static final Map<String, Answer> REQUIRED = Map.of(
      "transferApprovalGranted", v -> "true",
      "approvalNote", v -> "同意移送。",
      "transferAccepted", v -> "true",
      "receiverOpinion", v -> "湖公（环）立字〔2026〕5号：决定立案侦查。",
      "transferSupervisionNote", v -> "请公安机关抓紧答复。",
      "consultationOpinion", v -> "属于通过暗管逃避监管的方式排放污染物。",
      "consultationConclusion", v -> "构成逃避监管，移送公安机关并依法处罚。");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  PlatformHttp http;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
  }

  /** Completes the instance's open task (of this group) as the group's demo user, required fields only. */
  private void work(String pid, String taskKey, String group) {
    PlatformHttp as = http.as(USERS.get(group));
    JsonNode list = as.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey
        + "&candidateGroup=" + group);
    assertThat(list).as("%s visible to %s", taskKey, USERS.get(group)).hasSize(1);
    String taskId = list.get(0).get("id").asText();
    List<String> groups = new ArrayList<>();
    as.getOk("/engine-rest/task/" + taskId + "/identity-links").forEach(l -> {
      if ("candidate".equals(l.path("type").asText())) {
        groups.add(l.path("groupId").asText());
      }
    });
    assertThat(groups).as("candidate groups of %s", taskKey).containsExactly(group);
    TasklistDriver.assertChineseForm(as.getOk("/engine-rest/task/" + taskId + "/deployed-form"));
    TasklistDriver driver = new TasklistDriver(as, REQUIRED);
    PlatformHttp.Response r = driver.submitTask(taskId, driver.taskFormValues(taskId, Map.of()));
    assertThat(r.status()).as("%s: %s", taskKey, r.text()).isEqualTo(204);
  }

  private String bureauCase() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    assertThat(http.as("officer1").post("/api/cases", body).status()).isEqualTo(201);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        TestCases.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        TestCases.of("filingApproved", "true", "headOpinion", "同意立案"));
    return caseNo;
  }

  @Test
  void bureauTransfersACrimeToThePoliceWhoAnswerAndOnlyTheTwoUnitsSeeIt() {
    String otherCase = bureauCase();
    PlatformHttp.Response sent = http.as("officer1").post("/api/clues", TestCases.of("receiverUnit", "unit-police",
        "kind", "CRIME", "subject", "湖州某化工有限公司", "facts", "夜间通过暗管排放含铬废水，涉嫌污染环境罪。",
        "materials", "现场检查笔录\n监测报告"));
    assertThat(sent.status()).as(sent.text()).isEqualTo(201);
    String transferNo = sent.json().path("transferNo").asText();
    String pid = sent.json().path("processInstanceId").asText();
    assertThat(transferNo).matches("（\\d{4}）湖环移\\d+号");
    assertThat(sent.json().path("senderUnit").asText()).isEqualTo("unit-bureau");

    work(pid, "Task_ApproveSending", "eco-head");
    // the answer deadline passes (the job executor's work, here the administrator's), the head chases
    new TasklistDriver(http, Map.of()).fireTimer(pid, "Timer_AnswerDeadline");
    work(pid, "Task_SuperviseAnswer", "eco-head");
    work(pid, "Task_ReviewTransfer", "police");

    JsonNode seenByPolice = http.as("police1").getOk("/api/clues/" + enc(transferNo));
    assertThat(seenByPolice.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(seenByPolice.path("documents")).extracting(d -> d.path("title").asText())
        .containsExactly("移送函", "移送回执");
    String pdf = "/api/clues/" + enc(transferNo) + "/documents/" + seenByPolice.path("documents").get(0).path("id")
        .asLong() + "/pdf";
    assertThat(http.as("police1").get(pdf).status()).isEqualTo(200);
    assertThat(http.as("officer1").getOk("/api/clues/" + enc(transferNo)).path("statusLabel").asText())
        .isEqualTo("已接收");
    assertThat(http.as("police1").getOk("/api/clues?direction=in").toString()).contains(transferNo);
    assertThat(http.as("officer1").getOk("/api/clues?direction=out").toString()).contains(transferNo);
    assertThat(http.as("officer1").getOk("/api/clues?direction=in").toString()).doesNotContain(transferNo);

    // nobody else: the natural resources bureau, the court; the police not the bureau's other case
    for (String user : List.of("nr1", "judge1", "expert1")) {
      PlatformHttp.Response r = http.as(user).get("/api/clues/" + enc(transferNo));
      assertThat(r.status()).as(user).isEqualTo(403);
      assertThat(r.text("code")).isEqualTo("CLUE-403");
      assertThat(http.as(user).get(pdf).status()).as(user).isEqualTo(403);
      assertThat(http.as(user).getOk("/api/clues").toString()).doesNotContain(transferNo);
    }
    PlatformHttp.Response police = http.as("police1").get("/api/cases/" + enc(otherCase));
    assertThat(police.status()).isEqualTo(403);
    assertThat(police.text("code")).isEqualTo("AUTH-003");
    assertThat(http.as("police1").getOk("/api/cases").toString()).doesNotContain(otherCase);
    assertThat(http.as("police1").getOk("/engine-rest/history/process-instance?processInstanceId=" + pid))
        .hasSize(1);
    assertThat(http.as("nr1").getOk("/engine-rest/history/process-instance?processInstanceId=" + pid)).isEmpty();
  }

  @Test
  void refusedTransferRequestsAreCodedAndChineseAndStartNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("clue-transfer").count();
    Map<String, String> expected = Map.of(
        "CLUE-001", "unit-nowhere|CLUE", "CLUE-002", "unit-bureau|CLUE", "CLUE-004", "unit-agriculture|CRIME",
        "CLUE-003", "unit-police|THEFT");
    expected.forEach((code, request) -> {
      String[] p = request.split("\\|");
      PlatformHttp.Response r = http.as("officer1").post("/api/clues", TestCases.of("receiverUnit", p[0], "kind", p[1],
          "subject", "某公司", "facts", "线索事实"));
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertThat(r.text("code")).isEqualTo(code);
      assertThat(r.text("message")).containsPattern("\\p{IsHan}");
    });
    PlatformHttp.Response foreign = http.as("police1").post("/api/clues", TestCases.of("receiverUnit", "unit-court",
        "kind", "CLUE", "subject", "某公司", "facts", "线索事实", "caseNo", bureauCase()));
    assertThat(foreign.status()).as("the police may not transfer a bureau case they were not given").isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("clue-transfer").count()).isEqualTo(before);
  }

  @Test
  void consultationSharesTheChosenMaterialsWithTheInvitedUnitsUntilTheConclusion() {
    String caseNo = bureauCase();
    long filing = http.as("officer1").getOk("/api/cases/" + enc(caseNo) + "/documents").get(0).path("id").asLong();
    PlatformHttp.Response convened = http.as("officer1").post("/api/cases/" + enc(caseNo) + "/consultations",
        TestCases.of("question", "暗管排放是否构成逃避监管？", "participants", List.of("unit-police", "unit-expert"),
            "documentIds", List.of(filing)));
    assertThat(convened.status()).as(convened.text()).isEqualTo(201);
    String no = convened.json().path("consultationNo").asText();
    String pid = convened.json().path("processInstanceId").asText();
    String shared = "/api/consultations/" + enc(no) + "/documents/" + filing + "/pdf";

    assertThat(http.as("expert1").getOk("/api/consultations/" + enc(no)).path("question").asText())
        .isEqualTo("暗管排放是否构成逃避监管？");
    assertThat(http.as("expert1").get(shared).status()).isEqualTo(200);
    assertThat(http.as("expert1").get("/api/cases/" + enc(caseNo)).status()).as("the case itself is not shared")
        .isEqualTo(403);
    assertThat(http.as("nr1").get("/api/consultations/" + enc(no)).status()).isEqualTo(403);
    assertThat(http.as("nr1").get(shared).status()).isEqualTo(403);
    assertThat(http.as("expert1").getOk("/engine-rest/process-instance?processInstanceIds=" + pid)).hasSize(1);

    work(pid, "Task_GiveOpinion", "police");
    work(pid, "Task_GiveOpinion", "expert");
    work(pid, "Task_RecordConclusion", "eco-officer");

    JsonNode done = http.as("officer1").getOk("/api/consultations/" + enc(no));
    assertThat(done.path("status").asText()).isEqualTo("CONCLUDED");
    assertThat(done.path("opinions")).hasSize(2);
    PlatformHttp.Response after = http.as("expert1").get(shared);
    assertThat(after.status()).isEqualTo(403);
    assertThat(after.text("code")).isEqualTo("CONS-010");
    assertThat(http.as("officer1").get(shared).status()).isEqualTo(200);
    assertThat(http.as("expert1").getOk("/engine-rest/history/process-instance?processInstanceId=" + pid)).isEmpty();
    assertThat(http.as("officer1").getOk("/api/cases/" + enc(caseNo) + "/documents").toString()).contains("会商纪要");
    assertThat(http.as("officer1").getOk("/api/cases/" + enc(caseNo) + "/trail").toString())
        .contains("sharedWithNames", "sharingRevokedDate");
  }
}
