package cn.ecolaw.platform.dispatch;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.TasklistForms;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * Works {@code inspection-dispatch} over HTTP as its users do: the bureau posts an alarm and a complaint and draws
 * (head), the assigned officer uploads a photo and submits the inspection form in the Tasklist with its required
 * fields only (and the finding's two fields where there is one), the case opened by a finding is the bureau's, and the
 * head reads the summary.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InspectionDispatchRestTest {

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

  @LocalServerPort int port;
  @Autowired DispatchRoster roster;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService taskService;

  PlatformHttp officer;
  PlatformHttp head;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, taskService);
    DispatchFixture.officers(roster);
    PlatformHttp http = new PlatformHttp(port);
    officer = http.as("officer1");
    head = http.as("head1");
  }

  /** The open inspection task, checked as the Tasklist shows it: candidate group, assignee, Chinese form. */
  private JsonNode openInspection(PlatformHttp as, String pid, String assignee) {
    JsonNode list = as.getOk("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=Task_Inspect");
    assertThat(list).hasSize(1);
    JsonNode task = list.get(0);
    assertThat(task.get("assignee").asText()).isEqualTo(assignee);
    assertThat(task.get("due").asText()).isNotBlank();
    List<String> groups = new ArrayList<>();
    as.getOk("/engine-rest/task/" + task.get("id").asText() + "/identity-links").forEach(l -> {
      if ("candidate".equals(l.path("type").asText())) {
        groups.add(l.path("groupId").asText());
      }
    });
    assertThat(groups).containsExactly("eco-officer");
    TasklistForms.assertChineseForm(as.getOk("/engine-rest/task/" + task.get("id").asText() + "/deployed-form"));
    return task;
  }

  /** A member of eco-supervisor (the supervisors' group another branch adds to the demo users) and of no unit. */
  private PlatformHttp asSupervisor() {
    if (identity.createUserQuery().userId("supervisor-test").count() == 0) {
      if (identity.createGroupQuery().groupId("eco-supervisor").count() == 0) {
        org.camunda.bpm.engine.identity.Group g = identity.newGroup("eco-supervisor");
        g.setName("监督人员");
        g.setType("WORKFLOW");
        identity.saveGroup(g);
      }
      org.camunda.bpm.engine.identity.User u = identity.newUser("supervisor-test");
      u.setFirstName("督");
      u.setLastName("查");
      u.setPassword("supervisor-test");
      identity.saveUser(u);
      identity.createMembership("supervisor-test", "eco-supervisor");
    }
    return new PlatformHttp(port).as("supervisor-test");
  }

  @Test
  void anAlarmBecomesAnInspectionWhoseFindingOpensTheBureausCase() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    PlatformHttp.Response alarm = officer.post("/api/alarms", DispatchFixture.alarm(source.sourceId()));
    assertThat(alarm.status()).as(alarm.text()).isEqualTo(201);
    String no = alarm.text("inspectionNo");
    String pid = alarm.text("processInstanceId");
    assertThat(alarm.text("leadInspector")).isEqualTo("officer1");

    PlatformHttp.Response photo = officer.postBytes("/api/inspections/" + enc(no) + "/photos?name=" + enc("排放口.jpg"),
        "image/jpeg", JPEG);
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);
    PlatformHttp.Response pdf = officer.postBytes("/api/inspections/" + enc(no) + "/photos", "application/pdf", JPEG);
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(pdf.text("code")).isEqualTo("INS-023");
    assertThat(head.postBytes("/api/inspections/" + enc(no) + "/photos", "image/jpeg", JPEG).text("code"))
        .isEqualTo("INS-403");

    JsonNode task = openInspection(officer, pid, "officer1");
    PlatformHttp.Response done = new TasklistForms(officer).submit(task.get("id").asText(), Map.of(
        "inspectionDate", Dates.today().toString(), "sitePerson", "沈建国（厂长）",
        "inspectionSituation", "总排口有废水外排，在线监测仪显示化学需氧量超标。", "violationFound", "true",
        "findingViolationType", "WATER_EXCEED", "findingFacts", "总排口废水化学需氧量超过排放限值。"));
    assertThat(done.status()).as(done.text()).isEqualTo(204);

    String caseNo = officer.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=enforcementCaseNo").get(0).path("value").asText();
    JsonNode kase = officer.getOk("/api/cases/" + enc(caseNo));
    assertThat(kase.toString()).contains(source.name());
    JsonNode docs = officer.getOk("/api/cases/" + enc(caseNo) + "/documents");
    assertThat(docs.toString()).contains("现场检查笔录");
    assertThat(new PlatformHttp(port).as("judge1").get("/api/cases/" + enc(caseNo)).status()).isEqualTo(403);
  }

  @Test
  void aComplaintWithNoFindingIsClosedWithTheRequiredFieldsOnly() {
    PollutionSource source = DispatchFixture.unlocated(roster, "南浔区");
    PlatformHttp.Response complaint = officer.post("/api/inspections/complaints", Map.of("sourceId", source.sourceId(),
        "complaintContent", "夜间偷排，河水发黑。"));
    assertThat(complaint.status()).as(complaint.text()).isEqualTo(201);
    String pid = complaint.text("processInstanceId");
    PlatformHttp officer2 = new PlatformHttp(port).as("officer2");
    JsonNode task = openInspection(officer2, pid, "officer2");
    PlatformHttp.Response done = new TasklistForms(officer2).submit(task.get("id").asText(), Map.of(
        "inspectionDate", Dates.today().toString(), "sitePerson", "王强（环保专员）",
        "inspectionSituation", "治污设施正常运行，未见偷排痕迹。", "violationFound", "false"));
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(officer.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
        + "&variableName=caseOutcome").get(0).path("value").asText()).isEqualTo("NO_FINDING");
  }

  @Test
  void theHeadDrawsWithARecordedSeedAndReadsTheSummary() {
    String area = "抽查片区" + System.nanoTime();
    DispatchFixture.nearWuxing(roster, area);
    DispatchFixture.nearWuxing(roster, area);
    PlatformHttp.Response draw = head.post("/api/inspections/draws", Map.of("count", 2, "seed", 7, "area", area));
    assertThat(draw.status()).as(draw.text()).isEqualTo(201);
    assertThat(draw.json().get("seed").asLong()).isEqualTo(7);
    assertThat(draw.json().get("inspections")).hasSize(2);
    PlatformHttp.Response unseeded = head.post("/api/inspections/draws", Map.of("count", 1, "area", area));
    assertThat(unseeded.status()).isEqualTo(201);
    assertThat(unseeded.json().get("seed").isNumber()).isTrue();
    assertThat(officer.post("/api/inspections/draws", Map.of("count", 1)).text("code")).isEqualTo("INS-403");

    JsonNode summary = head.getOk("/api/inspections/summary");
    assertThat(summary.get("units").toString()).contains("湖州市生态环境局");
    assertThat(summary.get("officers").toString()).contains("张伟");
    JsonNode bureau = summary.get("units").get(0);
    assertThat(bureau.get("dispatched").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(officer.get("/api/inspections/summary").status()).isEqualTo(403);
    assertThat(asSupervisor().get("/api/inspections/summary").status()).isEqualTo(200);
    PlatformHttp.Response bad = officer.post("/api/alarms", Map.of("sourceId", "PS-不存在"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("code")).isEqualTo("INS-002");
  }
}
