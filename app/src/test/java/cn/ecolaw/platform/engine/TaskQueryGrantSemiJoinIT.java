package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 (Tasklist counts) on PostgreSQL: the engine-table migration V260 adds the grant indexes the semi-join
 * reads, and the Tasklist's counts and lists answer what Camunda's own statement answers (unit isolation kept).
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskQueryGrantSemiJoinIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired CaseLauncher launcher;
  @Autowired JdbcTemplate jdbc;

  @Test
  void engineTableMigrationAddsTheGrantIndexes() {
    assertThat(jdbc.queryForList("select success from app_engine_schema_history where version = '260'", Boolean.class))
        .containsExactly(true);
    for (String index : List.of("eco_idx_auth_group_grant", "eco_idx_auth_user_grant")) {
      assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class, index))
          .contains("act_ru_authorization").contains("INCLUDE (type_, perms_, resource_id_)");
    }
  }

  @Test
  void tasklistCountsAndListsAreCamundasOnPostgres() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    launcher.start(TestCases.caseNo(), TestCases.enterpriseWater());
    launcher.start(TestCases.caseNo(), TestCases.enterpriseWater());

    Map<String, Object> semiJoin = visible();
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> camundas = new HashMap<>(ours);
    TaskQueryGrantSemiJoin.STATEMENTS.keySet().forEach(camundas::remove);
    sessions.setStatementMappings(camundas);
    Map<String, Object> camunda;
    try {
      camunda = visible();
    } finally {
      sessions.setStatementMappings(ours);
    }

    assertThat(semiJoin).isEqualTo(camunda);
    assertThat((Long) semiJoin.get("officer1 /task/count")).isGreaterThanOrEqualTo(2);
  }

  private Map<String, Object> visible() {
    Map<String, Object> out = new LinkedHashMap<>();
    PlatformHttp http = new PlatformHttp(port);
    for (String user : List.of("officer1", "legal1", "judge1")) {
      PlatformHttp as = http.as(user);
      out.put(user + " /task/count", as.getOk("/engine-rest/task/count").path("count").asLong());
      TreeSet<String> ids = new TreeSet<>();
      as.getOk("/engine-rest/task?maxResults=1000").forEach(t -> ids.add(t.path("id").asText()));
      out.put(user + " /task", ids);
      for (Filter f : filters.createTaskFilterQuery().list()) {
        out.put(user + " " + f.getName(), as.getOk("/engine-rest/filter/" + f.getId() + "/count").path("count").asLong());
      }
    }
    return out;
  }
}
