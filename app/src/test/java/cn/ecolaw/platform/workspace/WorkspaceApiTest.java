package cn.ecolaw.platform.workspace;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.enforcement.PartyIds;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12: the workspace's list, a case's timeline, the party's file and the violations it counts. */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceApiTest {

  @LocalServerPort int port;
  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;

  PlatformHttp http;
  String partyId;

  @BeforeEach
  void givenAPartyOfItsOwn() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
    StringBuilder body = new StringBuilder("91330502");
    for (int i = 0; i < 9; i++) {
      body.append(ThreadLocalRandom.current().nextInt(10));
    }
    partyId = PartyIds.withUsccCheck(body.toString());
  }

  @Test
  void theListHoldsTheUnitsCasesNearestStatutoryDeadlineFirstAndFiltersThem() {
    String investigating = start(1);
    approveFiling(investigating);
    String filing = start(1);

    JsonNode rows = http.as("officer1").getOk("/api/workspace/cases?q=" + partyId);

    assertThat(caseNos(rows)).containsExactly(filing, investigating);
    assertThat(rows.get(0).at("/nextDeadline/label").asText()).isEqualTo("立案期限");
    assertThat(rows.get(0).at("/nextDeadline/passed").asBoolean()).isFalse();
    assertThat(rows.get(1).at("/statusLabel").asText()).isEqualTo("调查取证");
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + partyId + "&status=INVESTIGATING")))
        .containsExactly(investigating);
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + partyId + "&flow=injunction"))).isEmpty();
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + partyId + "&due=overdue"))).isEmpty();
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + partyId + "&region=吴兴区")))
        .containsExactly(filing, investigating);
  }

  @Test
  void anotherUnitListsNoneOfTheBureausCasesAndABadFilterIsRefused() {
    start(1);

    assertThat(http.as("judge1").getOk("/api/workspace/cases?q=" + partyId)).isEmpty();
    PlatformHttp.Response bad = http.as("officer1").get("/api/workspace/cases?status=NOPE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("code").asText()).isEqualTo("WS-001");
    assertThat(http.as("officer1").get("/api/workspace/cases?due=tomorrow").json().path("code").asText())
        .isEqualTo("WS-003");
  }

  @Test
  void partyFileShowsEveryCaseOfTheCreditCodeWithTotalsAndTheRepeatOffender() {
    String first = start(1);
    String second = start(2);

    JsonNode file = http.as("officer1").getOk("/api/parties/" + partyId);

    assertThat(file.at("/partyName").asText()).isEqualTo("湖州测试印染有限公司");
    assertThat(file.at("/partyIdKind").asText()).isEqualTo("统一社会信用代码");
    assertThat(caseNos(file.at("/cases"))).containsExactlyInAnyOrder(first, second);
    assertThat(file.at("/totals/cases").asInt()).isEqualTo(2);
    assertThat(file.at("/totals/openCases").asInt()).isEqualTo(2);
    assertThat(file.at("/totals/violationsIn2Years").asInt()).isEqualTo(2);
    assertThat(file.at("/totals/repeatOffender").asBoolean()).isTrue();
  }

  @Test
  void partyFileAnswersAsTheCasesDo() {
    start(1);

    PlatformHttp.Response court = http.as("judge1").get("/api/parties/" + partyId);
    assertThat(court.status()).isEqualTo(404);
    assertThat(court.json().path("code").asText()).isEqualTo("PARTY-404");
    PlatformHttp.Response bad = http.as("officer1").get("/api/parties/" + enc("9133050212345678XX"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("code").asText()).isEqualTo("PARTY-001");
  }

  @Test
  void violationsIn2YearsLeftEmptyAtFilingIsPrefilledFromThePartyFileForTheOfficerToConfirm() {
    String earlier = start(1);
    String notFiled = start(1);
    Task propose = task(pid(notFiled), "Task_ProposeFiling");
    tasks.complete(propose.getId(), Map.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    tasks.complete(task(pid(notFiled), "Task_ApproveFiling").getId(),
        Map.of("filingApproved", false, "headOpinion", "证据不足，不予立案"));
    Map<String, Object> input = withParty(TestCases.enterpriseWater());
    input.remove("violationsIn2Years");
    input.put("firstViolation", false);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, input);

    approveFiling(caseNo);

    assertThat(runtime.getVariable(pid(caseNo), "violationsIn2Years")).isEqualTo(2);
    assertThat((String) runtime.getVariable(pid(caseNo), "violationsIn2YearsNote"))
        .contains("两年内违法2次（含本次）", earlier, "已预填2次").doesNotContain(notFiled);
  }

  @Test
  void violationsIn2YearsTypedAtFilingIsKeptAndTheNoteShowsThePlatformsCount() {
    start(1);
    String caseNo = start(1);

    approveFiling(caseNo);

    assertThat(runtime.getVariable(pid(caseNo), "violationsIn2Years")).isEqualTo(1);
    assertThat((String) runtime.getVariable(pid(caseNo), "violationsIn2YearsNote"))
        .contains("两年内违法2次（含本次）", "立案时填写1次，与平台记录不一致");
  }

  @Test
  void timelineShowsWhoDidEachStepAndTheStatutoryDeadlineItMet() {
    String caseNo = start(1);
    Task propose = task(pid(caseNo), "Task_ProposeFiling");
    PlatformHttp.Response done = http.as("officer1").post("/engine-rest/task/" + propose.getId() + "/complete",
        Map.of("variables", Map.of("filingReason", Map.of("value", "涉嫌超标排放"),
            "officerOpinion", Map.of("value", "建议立案"))));
    assertThat(done.status()).as(done.text()).isEqualTo(204);

    JsonNode timeline = http.as("head1").getOk("/api/cases/" + enc(caseNo) + "/timeline");

    JsonNode proposed = step(timeline, "立案审查");
    assertThat(proposed.path("userId").asText()).isEqualTo("officer1");
    assertThat(proposed.path("deadlineState").asText()).isEqualTo("MET");
    assertThat(proposed.path("deadlineLabel").asText()).isEqualTo("立案期限");
    JsonNode approval = step(timeline, "立案审批");
    assertThat(approval.path("deadlineState").asText()).isEqualTo("PENDING");
    assertThat(approval.path("taskId").asText()).isNotBlank();
    assertThat(timeline.at("/steps/0/kind").asText()).isEqualTo("PROCESS");
    assertThat(http.as("judge1").get("/api/cases/" + enc(caseNo) + "/timeline").status()).isEqualTo(403);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  String start(int violations) {
    Map<String, Object> input = withParty(TestCases.enterpriseWater());
    input.put("violationsIn2Years", violations);
    input.put("firstViolation", violations == 1);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, input);
    return caseNo;
  }

  Map<String, Object> withParty(Map<String, Object> input) {
    input.put("partyId", partyId);
    return input;
  }

  void approveFiling(String caseNo) {
    String pid = pid(caseNo);
    tasks.complete(task(pid, "Task_ProposeFiling").getId(), Map.of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    tasks.complete(task(pid, "Task_ApproveFiling").getId(), Map.of("filingApproved", true, "headOpinion", "同意立案"));
  }

  String pid(String caseNo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
  }

  Task task(String pid, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task %s", key).isNotNull();
    return t;
  }

  static List<String> caseNos(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.path("caseNo").asText()));
    return out;
  }

  static JsonNode step(JsonNode timeline, String name) {
    for (JsonNode s : timeline.path("steps")) {
      if (name.equals(s.path("name").asText())) {
        return s;
      }
    }
    throw new AssertionError("no step " + name + " in " + timeline);
  }
}
