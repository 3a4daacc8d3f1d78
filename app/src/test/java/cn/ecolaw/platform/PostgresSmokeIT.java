package cn.ecolaw.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.PostgresTestSupport;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application starts on PostgreSQL: Flyway migrated its tables, Camunda created its own. */
@PostgresIntegrationTest
class PostgresSmokeIT {

  @Autowired private ProcessEngine processEngine;
  @Autowired private JdbcTemplate jdbc;

  @Test
  void theApplicationRunsOnTheTestServer() {
    String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());

    assertThat(url).isEqualTo(PostgresTestSupport.url());
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
  }

  @Test
  void theEngineUsesThePostgresDialect() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
  }

  @Test
  void flywayAppliedTheCaseFileMigration() {
    List<Boolean> applied =
        jdbc.queryForList(
            "select success from app_schema_history where script = 'V1__case_file.sql'",
            Boolean.class);

    assertThat(applied).containsExactly(true);
    assertThat(tableExists("case_file")).isTrue();
    assertThat(tableExists("case_number_sequence")).isTrue();
  }

  @Test
  void camundaCreatedItsTablesOfVersion724() {
    assertThat(tableExists("act_ru_task")).isTrue();
    assertThat(tableExists("act_re_procdef")).isTrue();
    assertThat(tableExists("act_hi_procinst")).isTrue();
    assertThat(tableExists("act_id_user")).isTrue();
    List<String> schemaVersions =
        jdbc.queryForList("select version_ from act_ge_schema_log", String.class);
    assertThat(schemaVersions).containsExactly("7.24.0");
  }

  @Test
  void chineseTextSurvivesARoundTrip() {
    String caseNo = "湖环罚〔2026〕smoke号";
    Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 11, 22, 9, 30));
    try {
      jdbc.update(
          "insert into case_file (case_no, party_name, party_type, party_id, region, domain,"
              + " violation_type, clue_source, status, created_at, updated_at)"
              + " values (?, ?, 'ENTERPRISE', '91330502MA2B3C4D5E', ?, 'WATER', 'WATER_EXCEED',"
              + " 'INSPECTION', 'FILED', ?, ?)",
          caseNo,
          "湖州某某印染有限公司",
          "浙江省湖州市吴兴区",
          now,
          now);

      assertThat(
              jdbc.queryForObject(
                  "select party_name from case_file where case_no = ?", String.class, caseNo))
          .isEqualTo("湖州某某印染有限公司");
      assertThat(
              jdbc.queryForObject(
                  "select created_at from case_file where case_no = ?", Timestamp.class, caseNo))
          .isEqualTo(now);
    } finally {
      jdbc.update("delete from case_file where case_no = ?", caseNo);
    }
  }

  private boolean tableExists(String table) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from information_schema.tables"
                + " where table_schema = current_schema() and table_name = ?",
            Integer.class,
            table);
    return count != null && count == 1;
  }
}
