package cn.ecolaw.platform.review;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.workflow.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A review that goes to arbitration, on PostgreSQL: drawn over HTTP, the city and the province more than 10 points
 * apart, the arbitrator's score final, the problems rectified after one return; the tiers' scores and every
 * deduction in the tables with the sheet version, the documents and the statistics over HTTP.
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseReviewIT {

  @Autowired CaseFileRepository cases;
  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  PlatformHttp http;

  @BeforeEach
  void connect() {
    http = new PlatformHttp(port);
  }

  @Test
  void reviewWithArbitrationAndRectification() {
    String caseNo = ReviewFixture.closedCase(cases);
    JsonNode before = http.getOk("/api/reviews/statistics");
    PlatformHttp.Response sample = http.post("/api/reviews/samples", Map.of("caseNos", List.of(caseNo)));
    assertThat(sample.status()).as(sample.text()).isEqualTo(201);
    String pid = sample.json().get("drawn").get(0).get("processInstanceId").asText();
    int sheetVersion = ((Number) runtime.getVariable(pid, "sheetVersion")).intValue();

    driver.complete(pid, "Task_CityScoring", Map.of("cityVetoFailed", "false", "cityOpinion", "基本规范",
        "cityDeductions", "ARC-02 1 结案后未按期归档"));
    driver.complete(pid, "Task_ProvinceScoring", Map.of("provinceVetoFailed", "false", "provinceOpinion", "问题较多",
        "provinceDeductions", "INV-04 6 证据链不完整\nDIS-02 5 偏离裁量基准理由不充分\nSER-01 2 送达超过法定期限"));
    assertThat(runtime.getVariable(pid, "arbitrationRequired")).isEqualTo(true);
    driver.complete(pid, "Task_Arbitrate", Map.of("arbiterVetoFailed", "false", "arbiterOpinion", "以证据问题为主",
        "arbiterDeductions", "INV-04 4 证据链不完整\nDIS-02 3 偏离裁量基准理由不充分"));
    assertThat(runtime.getVariable(pid, "grade")).isEqualTo("优秀");
    assertThat(runtime.getVariable(pid, "totalScore")).isEqualTo(93d);

    driver.complete(pid, "Task_Rectify", Map.of("rectificationReport", "补充了证据"));
    driver.complete(pid, "Task_VerifyRectification", Map.of("rectified", "false", "verifyOpinion", "理由仍未补充"));
    driver.complete(pid, "Task_Rectify", Map.of("rectificationReport", "补充了偏离理由"));
    driver.complete(pid, "Task_VerifyRectification", Map.of("rectified", "true", "verifyOpinion", "整改到位"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName("caseOutcome")
        .singleResult().getValue()).isEqualTo("RECTIFIED");
    assertThat(jdbc.queryForList("SELECT tier || ':' || total_score || ':' || sheet_version FROM review_score"
        + " WHERE process_instance_id = ? ORDER BY id", String.class, pid))
        .containsExactly("CITY:99.0:" + sheetVersion, "PROVINCE:87.0:" + sheetVersion,
            "ARBITER:93.0:" + sheetVersion);
    assertThat(jdbc.queryForList("SELECT d.item_code || ' ' || d.reason FROM review_deduction d"
        + " JOIN review_score s ON s.id = d.score_id WHERE s.process_instance_id = ? AND s.tier = 'ARBITER'"
        + " ORDER BY d.id", String.class, pid))
        .containsExactly("INV-04 证据链不完整", "DIS-02 偏离裁量基准理由不充分");
    assertThat(jdbc.queryForMap("SELECT final_tier, grade, status, outcome FROM review_case"
        + " WHERE process_instance_id = ?", pid))
        .containsEntry("final_tier", "ARBITER").containsEntry("grade", "优秀").containsEntry("status", "CLOSED")
        .containsEntry("outcome", "RECTIFIED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_problem WHERE process_instance_id = ?"
        + " AND rectified = TRUE AND rectified_at IS NOT NULL", Integer.class, pid)).isEqualTo(2);

    assertThat(http.getOk("/api/cases/" + enc(caseNo) + "/documents").toString()).contains("案卷评查表", "整改通知书");
    JsonNode after = http.getOk("/api/reviews/statistics");
    assertThat(after.get("filesReviewed").asLong()).isEqualTo(before.get("filesReviewed").asLong() + 1);
    assertThat(after.get("problemsFound").asLong()).isEqualTo(before.get("problemsFound").asLong() + 2);
    assertThat(after.get("problemsCorrected").asLong()).isEqualTo(before.get("problemsCorrected").asLong() + 2);
    assertThat(after.get("arbitrated").asLong()).isEqualTo(before.get("arbitrated").asLong() + 1);
  }
}
