package cn.ecolaw.platform.dispatch;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.TasklistForms;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dispatch → inspection → case on PostgreSQL, over HTTP as the users do it: the bureau posts an online-monitoring
 * exceedance, the nearest officer uploads a photo and records the inspection with a finding, the finding opens the
 * bureau's enforcement case with the inspection's facts and the 现场检查笔录 in its file; the task, the photo and a
 * seeded draw are in the database; the head's summary counts the inspection as done.
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InspectionDispatchIT {

  @LocalServerPort int port;
  @Autowired DispatchRoster roster;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  PlatformHttp officer;
  PlatformHttp head;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    DispatchFixture.officers(roster);
    officer = new PlatformHttp(port).as("officer1");
    head = new PlatformHttp(port).as("head1");
  }

  @Test
  void anAlarmIsInspectedAndItsFindingBecomesACase() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    PlatformHttp.Response alarm = officer.post("/api/alarms", DispatchFixture.alarm(source.sourceId()));
    assertThat(alarm.status()).as(alarm.text()).isEqualTo(201);
    String no = alarm.text("inspectionNo");
    String pid = alarm.text("processInstanceId");
    assertThat(alarm.text("leadInspector")).isEqualTo("officer1");
    assertThat(alarm.text("secondInspector")).isEqualTo("officer3");

    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    PlatformHttp.Response photo = officer.postBytes("/api/inspections/" + enc(no) + "/photos?name=" + enc("总排口.jpg"),
        "image/jpeg", jpeg);
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);

    JsonNode task = officer.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=Task_Inspect").get(0);
    assertThat(task.get("assignee").asText()).isEqualTo("officer1");
    PlatformHttp.Response done = new TasklistForms(officer).submit(task.get("id").asText(), Map.of(
        "inspectionDate", Dates.today().toString(), "sitePerson", "沈建国（厂长）",
        "inspectionSituation", "总排口有废水外排，在线监测仪显示化学需氧量超标。", "violationFound", "true",
        "findingViolationType", "WATER_EXCEED", "findingFacts", "总排口废水化学需氧量浓度130毫克/升，超过排放限值。"));
    assertThat(done.status()).as(done.text()).isEqualTo(204);

    Map<String, Object> row = jdbc.queryForMap("SELECT outcome, case_no, lead_officer, second_officer, done_at"
        + " FROM inspection_task WHERE inspection_no = ?", no);
    assertThat(row.get("outcome")).isEqualTo("CASE_OPENED");
    assertThat(row.get("done_at")).isNotNull();
    String caseNo = row.get("case_no").toString();
    JsonNode kase = officer.getOk("/api/cases/" + enc(caseNo));
    assertThat(kase.toString()).contains(source.name());
    assertThat(jdbc.queryForObject("SELECT clue_source FROM case_file WHERE case_no = ?", String.class, caseNo))
        .isEqualTo("INSPECTION");
    assertThat(officer.getOk("/api/cases/" + enc(caseNo) + "/documents").toString()).contains("现场检查笔录");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_attachment WHERE proc_inst_id_ = ?", Long.class, pid))
        .isEqualTo(1);

    JsonNode summary = head.getOk("/api/inspections/summary");
    JsonNode officer1 = null;
    for (JsonNode o : summary.get("officers")) {
      if (o.get("key").asText().equals("officer1")) {
        officer1 = o;
      }
    }
    assertThat(officer1).isNotNull();
    assertThat(officer1.get("done").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aSeededDrawOnPostgresqlIsRecordedAndReproducible() {
    String area = "抽查片区" + System.nanoTime();
    for (int i = 0; i < 4; i++) {
      DispatchFixture.nearWuxing(roster, area);
    }
    JsonNode first = head.post("/api/inspections/draws", Map.of("count", 2, "seed", 99, "area", area)).json();
    JsonNode again = head.post("/api/inspections/draws", Map.of("count", 2, "seed", 99, "area", area)).json();
    for (int i = 0; i < 2; i++) {
      assertThat(again.get("inspections").get(i).get("sourceId")).isEqualTo(first.get("inspections").get(i).get("sourceId"));
      assertThat(again.get("inspections").get(i).get("leadInspector"))
          .isEqualTo(first.get("inspections").get(i).get("leadInspector"));
    }
    assertThat(jdbc.queryForObject("SELECT seed FROM inspection_draw WHERE draw_id = ?", Long.class,
        first.get("drawId").asText())).isEqualTo(99L);
  }
}
