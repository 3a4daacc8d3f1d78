package cn.ecolaw.platform.cooperation;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.TasklistDriver;
import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the real PostgreSQL server, a transfer between two units: the natural resources bureau hands a clue to the
 * ecology bureau over {@code /api/clues}; its head approves, the bureau's officer accepts in the Tasklist, the clue
 * becomes an {@code enforcement-case} with the facts carried over, and both sides follow it; the police, who were
 * given nothing, see nothing.
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClueTransferIT {

  static final Map<String, Answer> REQUIRED = Map.of(
      "transferApprovalGranted", v -> "true",
      "approvalNote", v -> "同意移送生态环境局。",
      "transferAccepted", v -> "true",
      "receiverOpinion", v -> "属于本局职责，接收并立案审查。");

  @Autowired private IdentityService identity;
  @Autowired private JdbcTemplate jdbc;
  @LocalServerPort private int port;

  private PlatformHttp http;

  @BeforeEach
  void connect() {
    Logins.ensureDemoUsers(identity);
    http = new PlatformHttp(port);
  }

  private void work(String user, String pid, String taskKey) {
    PlatformHttp as = http.as(user);
    JsonNode list = as.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey);
    assertThat(list).as("%s visible to %s", taskKey, user).hasSize(1);
    String taskId = list.get(0).get("id").asText();
    TasklistDriver driver = new TasklistDriver(as, REQUIRED);
    PlatformHttp.Response r = driver.submitTask(taskId, driver.taskFormValues(taskId, Map.of()));
    assertThat(r.status()).as("%s: %s", taskKey, r.text()).isEqualTo(204);
  }

  @Test
  void aClueFromTheNaturalResourcesBureauBecomesTheBureausCaseAndBothFollowIt() {
    Map<String, Object> fields = new HashMap<>(TestCases.enterpriseWater());
    fields.remove("clueSource");
    fields.remove("facts");
    PlatformHttp.Response sent = http.as("nr1").post("/api/clues", TestCases.of("receiverUnit", "unit-bureau",
        "kind", "CLUE", "subject", "湖州测试印染有限公司", "facts", "国土执法巡查发现该公司向河道排放黑色废水。",
        "materials", "巡查记录、现场照片", "caseFields", fields));
    assertThat(sent.status()).as(sent.text()).isEqualTo(201);
    String transferNo = sent.json().path("transferNo").asText();
    String pid = sent.json().path("processInstanceId").asText();

    work("nr1", pid, "Task_ApproveSending");
    assertThat(http.as("officer1").getOk("/api/clues?direction=in").toString()).contains(transferNo);
    work("officer1", pid, "Task_ReviewTransfer");

    JsonNode followed = http.as("nr1").getOk("/api/clues/" + enc(transferNo));
    assertThat(followed.path("status").asText()).isEqualTo("CASE_OPENED");
    String caseNo = followed.path("resultingCaseNo").asText();
    assertThat(followed.path("resultingCase").path("status").asText()).isEqualTo("FILING");
    assertThat(followed.path("documents")).hasSize(2);

    JsonNode byBureau = http.as("officer1").getOk("/api/cases/" + enc(caseNo));
    JsonNode byNr = http.as("nr1").getOk("/api/cases/" + enc(caseNo));
    assertThat(byNr.path("caseNo").asText()).isEqualTo(byBureau.path("caseNo").asText());
    assertThat(http.as("police1").get("/api/cases/" + enc(caseNo)).status()).isEqualTo(403);
    assertThat(http.as("police1").get("/api/clues/" + enc(transferNo)).status()).isEqualTo(403);

    Map<String, Object> row = jdbc.queryForMap("select * from clue_transfer where transfer_no = ?", transferNo);
    assertThat(row.get("sender_unit")).isEqualTo("unit-natural-resources");
    assertThat(row.get("receiver_unit")).isEqualTo("unit-bureau");
    assertThat(row.get("resulting_case_no")).isEqualTo(caseNo);
    assertThat(jdbc.queryForObject("select clue_source from case_file where case_no = ?", String.class, caseNo))
        .isEqualTo("TRANSFER");
    assertThat(jdbc.queryForList("select unit from case_access where case_no = ? order by unit", String.class, caseNo))
        .containsExactly("unit-bureau", "unit-natural-resources");
  }
}
