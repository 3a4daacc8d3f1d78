package cn.ecolaw.platform.discretion;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One in-memory Camunda engine per test JVM with the real decisions/*.dmn files deployed, and a fresh H2 database
 * migrated by the application's Flyway scripts for the service tests. Cheaper than a Spring Boot context and
 * evaluates exactly what the app deploys.
 */
final class DiscretionTestEngine {

  private static ProcessEngine engine;

  private DiscretionTestEngine() {}

  static synchronized ProcessEngine engine() {
    if (engine == null) {
      ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl)
          ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
      cfg.setProcessEngineName("discretion-test");
      cfg.setJdbcUrl("jdbc:h2:mem:discretion-engine;DB_CLOSE_DELAY=-1");
      cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      cfg.setHistory(System.getProperty("discretion.history", ProcessEngineConfiguration.HISTORY_NONE));
      cfg.setJobExecutorActivate(false);
      cfg.setEnforceHistoryTimeToLive(false);
      if (Boolean.getBoolean("discretion.feelCache")) {
        // as in the application (bench/discretion-bench.sh measures both)
        cfg.getProcessEnginePlugins().add(new cn.ecolaw.platform.engine.FeelParseCachePlugin(
            cn.ecolaw.platform.engine.CachingFeelEngineFactory.DEFAULT_CAPACITY, true));
      }
      engine = cfg.buildProcessEngine();
      engine.getRepositoryService().createDeployment()
          .name("discretion-test")
          .addClasspathResource("decisions/penalty-discretion.dmn")
          .addClasspathResource("decisions/procedure-requirements.dmn")
          .deploy();
    }
    return engine;
  }

  /** A service backed by the shared engine and a new, migrated application database. */
  static PenaltyDiscretionService service() {
    DriverManagerDataSource ds = new DriverManagerDataSource(
        "jdbc:h2:mem:discretion-app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("app_schema_history").load().migrate();
    ProcessEngine e = engine();
    return new PenaltyDiscretionService(e.getDecisionService(), e.getRepositoryService(),
        new DiscretionRecordRepository(new JdbcTemplate(ds), new ObjectMapper()));
  }
}
