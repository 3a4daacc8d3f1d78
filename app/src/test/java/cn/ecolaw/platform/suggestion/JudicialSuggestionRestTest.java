package cn.ecolaw.platform.suggestion;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.enforcement.TasklistForms;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Works {@code judicial-suggestion} through {@code /engine-rest} as the Tasklist does: the judge submits the start
 * form, the bureau head replies and the judge follows up an overdue one, each with its form's required fields only;
 * both units read 司法建议书 and 回复函 in the case.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JudicialSuggestionRestTest {

  @LocalServerPort int port;
  @Autowired CaseLauncher launcher;
  @Autowired CaseAccess access;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService taskService;

  PlatformHttp judge;
  PlatformHttp head;
  String caseNo;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, taskService);
    PlatformHttp http = new PlatformHttp(port);
    judge = http.as("judge1");
    head = http.as("head1");
    caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    access.grant(caseNo, "unit-court", "申请强制执行"); // a bureau case handed to the court
  }

  private String start() {
    JsonNode form = judge.getOk("/engine-rest/process-definition/key/judicial-suggestion/deployed-start-form");
    TasklistForms.assertChineseForm(form);
    Map<String, Object> input = Map.of("caseNo", caseNo, "addresseeUnit", "unit-bureau",
        "suggestionSubject", "排污单位在线监测监管", "problemsFound", "在线监测设备长期故障未被发现。",
        "suggestionContent", "建立在线监测设备定期核查制度。");
    Map<String, Object> vars = new LinkedHashMap<>();
    for (JsonNode f : TasklistForms.fields(form)) {
      String k = f.get("key").asText();
      if (f.path("validate").path("required").asBoolean()) {
        assertThat(input).as("required start field %s", k).containsKey(k);
      }
      Map<String, Object> dto = new HashMap<>();
      dto.put("value", input.getOrDefault(k, f.path("type").asText().startsWith("text") ? "" : null));
      vars.put(k, dto);
    }
    PlatformHttp.Response r = judge.post("/engine-rest/process-definition/key/judicial-suggestion/submit-form",
        Map.of("variables", vars));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().get("businessKey").asText()).matches("（\\d{4}）浙0502司建\\d+号");
    return r.json().get("id").asText();
  }

  private JsonNode open(PlatformHttp as, String pid, String taskKey, String... groups) {
    JsonNode list = as.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey);
    assertThat(list).as("open %s", taskKey).hasSize(1);
    JsonNode task = list.get(0);
    List<String> candidates = new ArrayList<>();
    as.getOk("/engine-rest/task/" + task.get("id").asText() + "/identity-links").forEach(l -> {
      if ("candidate".equals(l.path("type").asText())) {
        candidates.add(l.path("groupId").asText());
      }
    });
    assertThat(candidates).as("candidate groups of %s", taskKey).containsExactlyInAnyOrder(groups);
    TasklistForms.assertChineseForm(as.getOk("/engine-rest/task/" + task.get("id").asText() + "/deployed-form"));
    return task;
  }

  @Test
  void theJudgeSuggestsTheBureauRepliesAndBothReadTheDocuments() {
    String pid = start();
    JsonNode reply = open(head, pid, "Task_ReplySuggestion", "eco-officer", "eco-legal", "eco-head");
    assertThat(reply.get("due").asText()).isNotBlank();

    PlatformHttp.Response adoptedWithoutMeasures = new TasklistForms(head).submit(reply.get("id").asText(),
        Map.of("replyAdoption", "ADOPTED", "replyContent", "全部采纳。"));
    assertThat(adoptedWithoutMeasures.status()).isEqualTo(400);
    assertThat(adoptedWithoutMeasures.text()).contains("SUG-101");
    PlatformHttp.Response done = new TasklistForms(head).submit(reply.get("id").asText(),
        Map.of("replyAdoption", "NOT_ADOPTED", "replyContent", "该事项已由省厅统一部署，暂不单独建立制度。"));
    assertThat(done.status()).as(done.text()).isEqualTo(204);

    for (PlatformHttp reader : List.of(judge, head)) {
      String docs = reader.getOk("/api/cases/" + enc(caseNo) + "/documents").toString();
      assertThat(docs).contains("司法建议书").contains("司法建议回复函");
    }
  }

  @Test
  void anOverdueSuggestionIsFollowedUpByTheJudge() {
    String pid = start();
    TasklistForms forms = new TasklistForms(new PlatformHttp(port));
    forms.fireTimer(pid, "Timer_ReplyReminder");
    forms.fireTimer(pid, "Timer_ReplyOverdue");
    JsonNode followUp = open(judge, pid, "Task_FollowUpOverdue", "court-judge");
    PlatformHttp.Response done = new TasklistForms(judge).submit(followUp.get("id").asText(),
        Map.of("followUpAction", "URGE", "followUpNote", "已电话督促。"));
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    open(head, pid, "Task_ReplySuggestion", "eco-officer", "eco-legal", "eco-head");
  }

  @Test
  void theBureauDoesNotDraftSuggestions() {
    PlatformHttp.Response r = head.post("/engine-rest/process-definition/key/judicial-suggestion/submit-form",
        Map.of("variables", Map.of("caseNo", Map.of("value", caseNo))));
    assertThat(r.status()).isIn(403, 404);
  }
}
