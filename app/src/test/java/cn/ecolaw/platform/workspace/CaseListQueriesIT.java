package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.engine.CaseInstanceIndex;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.enforcement.PartyIds;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 (Tasklist at scale): the case list's narrow reads on PostgreSQL: the instances carrying a case number and
 * their open tasks are read for the listed cases only, by the index the engine-table migration adds; the list's
 * answers and its unit isolation are those of before.
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListQueriesIT {

  @LocalServerPort int port;
  @Autowired CaseLauncher launcher;
  @Autowired CaseInstanceIndex index;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;

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
  void engineTableMigrationsAddTheCaseNumberIndexAfterTheEngineCreatedItsTables() {
    assertThat(jdbc.queryForList("select success from app_engine_schema_history where version = '181'", Boolean.class))
        .containsExactly(true);
    String definition = jdbc.queryForObject(
        "select indexdef from pg_indexes where indexname = 'eco_idx_hi_varinst_case_no'", String.class);
    assertThat(definition).contains("act_hi_varinst").contains("WHERE").contains("'caseNo'");
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'idx_case_file_created'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void instancesCarryingACaseNumberAreFoundByTheirVariableAndOnlyThose() {
    String caseNo = start();
    String other = start();
    String pid = pid(caseNo);

    Map<String, Set<String>> found = index.instancesCarrying(List.of(caseNo, "湖环罚〔2026〕999999号"));

    assertThat(found).containsOnlyKeys(caseNo);
    assertThat(found.get(caseNo)).containsExactly(pid);
    assertThat(index.instancesCarrying(List.of(other)).get(other)).doesNotContain(pid);
  }

  @Test
  void openTasksOfTheGivenInstancesOnlyWithTheirDueDates() {
    String caseNo = start();
    String other = start();

    Map<String, List<CaseInstanceIndex.OpenTask>> open = index.openTasks(List.of(pid(caseNo)));

    assertThat(open).containsOnlyKeys(pid(caseNo));
    assertThat(open.get(pid(caseNo))).extracting(CaseInstanceIndex.OpenTask::name).containsExactly("立案审查");
    assertThat(open.get(pid(caseNo)).get(0).dueDate()).isNotNull();
    assertThat(open).doesNotContainKey(pid(other));
  }

  @Test
  void theListShowsTheCasesFlowsAndNearestDeadlineToTheUnitAndNothingToAnotherUnit() {
    String caseNo = start();

    JsonNode rows = http.as("officer1").getOk("/api/workspace/cases?q=" + partyId);

    assertThat(caseNos(rows)).containsExactly(caseNo);
    assertThat(rows.get(0).at("/flows/0").asText()).isEqualTo("enforcement-case");
    assertThat(rows.get(0).at("/openTasks").asInt()).isEqualTo(1);
    assertThat(rows.get(0).at("/nextDeadline/label").asText()).isEqualTo("立案期限");
    assertThat(http.as("judge1").getOk("/api/workspace/cases?q=" + partyId)).isEmpty();
  }

  @Test
  void theSearchInSqlRunsOnPostgresqlWithEveryFilterTheDeadlineOrderAndThePages() {
    String later = start();
    String sooner = start();
    // the engine's due dates: sooner's task overdue since yesterday, later's due in a month
    tasks.setDueDate(tasks.createTaskQuery().processInstanceId(pid(sooner)).singleResult().getId(),
        java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
    tasks.setDueDate(tasks.createTaskQuery().processInstanceId(pid(later)).singleResult().getId(),
        java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(30))));
    String q = "/api/workspace/cases?q=" + partyId;

    assertThat(caseNos(http.as("officer1").getOk(q))).containsExactly(sooner, later);
    assertThat(caseNos(http.as("officer1").getOk(q + "&due=overdue"))).containsExactly(sooner);
    assertThat(caseNos(http.as("officer1").getOk(q + "&due=week"))).isEmpty();
    assertThat(caseNos(http.as("officer1").getOk(q + "&status=FILING&flow=enforcement-case&region="
        + PlatformHttp.enc("湖州")))).containsExactly(sooner, later);
    // injunction: read instance by instance (the bureau has no READ_HISTORY on the process): the grant table's branch
    assertThat(caseNos(http.as("officer1").getOk(q + "&flow=injunction"))).isEmpty();
    assertThat(caseNos(http.as("officer1").getOk(q + "&size=1&page=1"))).containsExactly(later);
    assertThat(caseNos(http.as("officer1").getOk(q + PlatformHttp.enc("%")))).isEmpty();
    assertThat(http.as("judge1").getOk(q + "&due=overdue")).isEmpty();
  }

  @Test
  void anOldCaseBeyondTheLatest500IsFoundOnPostgresql() {
    String tag = "旧案" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    java.time.Instant now = java.time.Instant.now();
    List<Object[]> files = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    for (int i = 0; i < 510; i++) {
      java.sql.Timestamp at = java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(600 - i)));
      String caseNo = "湖环罚〔2024〕" + tag + "-" + i + "号";
      files.add(new Object[] {caseNo, tag + "有限公司" + i, "LEGAL_PERSON", "9133" + tag + i, "浙江省湖州市吴兴区",
          "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", at, at});
      grants.add(new Object[] {caseNo, "unit-bureau", at});
    }
    jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
        + " clue_source, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", files);
    jdbc.batchUpdate("INSERT INTO case_access (case_no, unit, granted_at) VALUES (?,?,?)", grants);

    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?q=" + PlatformHttp.enc(tag + "有限公司0"))))
        .contains("湖环罚〔2024〕" + tag + "-0号");
    assertThat(caseNos(http.as("officer1").getOk("/api/workspace/cases?size=200&page=2&q=" + PlatformHttp.enc(tag))))
        .hasSize(110).endsWith("湖环罚〔2024〕" + tag + "-0号");
  }

  String start() {
    Map<String, Object> input = TestCases.enterpriseWater();
    input.put("partyId", partyId);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, input);
    return caseNo;
  }

  String pid(String caseNo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
  }

  static List<String> caseNos(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.path("caseNo").asText()));
    return out;
  }
}
