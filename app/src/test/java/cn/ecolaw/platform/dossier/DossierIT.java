package cn.ecolaw.platform.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.filecheck.FileCheckService;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL: a case closes, its dossier is archived in {@code case_dossier}; the stored version cannot be
 * rewritten or deleted (trigger of V141); the machine checks find nothing on the clean file.
 */
@PostgresIntegrationTest
class DossierIT {

  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DossierService dossiers;
  @Autowired FileCheckService checks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void closedCaseIsArchivedOnceAndTheArchiveCannotBeRewritten() {
    String caseNo = new ClosedCases(launcher, runtime, tasks).paid();

    assertThat(dossiers.versions(caseNo)).hasSize(1);
    assertThat(dossiers.current(caseNo).version().version()).isEqualTo(1);
    assertThat(checks.check(caseNo)).isEmpty();
    assertThatThrownBy(() -> jdbc.update("UPDATE case_dossier SET reason = '改写' WHERE case_no = ?", caseNo))
        .hasStackTraceContaining("已归档的电子卷宗不得修改或删除");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM case_dossier WHERE case_no = ?", caseNo))
        .hasStackTraceContaining("已归档的电子卷宗不得修改或删除");
    assertThat(dossiers.version(caseNo, 1).pdf()).startsWith("%PDF-".getBytes());
  }
}
