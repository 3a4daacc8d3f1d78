package cn.ecolaw.platform.engine;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flyway migrations on the engine's own tables (indexes for the Tasklist, the case page and the case list at scale):
 * {@code db/engine-migration-postgres} on PostgreSQL, {@code db/engine-migration-h2} on H2 (the same versions for the
 * same purpose, each in its database's dialect), with their own history table {@code app_engine_schema_history}. They run once the engine has built, i.e. after Camunda created
 * or updated its tables: the application's migrations ({@code db/migration}) run before the engine (see
 * {@code shared.ProcessEngineAfterMigrationsDetector}), when the engine's tables may not exist yet.
 */
@Component
public class EngineTableMigrations extends AbstractProcessEnginePlugin {

  static final String HISTORY_TABLE = "app_engine_schema_history";

  private final DataSource dataSource;
  private final boolean enabled;

  public EngineTableMigrations(DataSource dataSource,
      @Value("${platform.engine-migrations.enabled:true}") boolean enabled) {
    this.dataSource = dataSource;
    this.enabled = enabled;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!enabled) {
      return;
    }
    migrate(dataSource);
  }

  /** Applies the pending engine-table migrations of the data source's database. */
  public static void migrate(DataSource dataSource) {
    String location = isPostgres(dataSource) ? "classpath:db/engine-migration-postgres" : "classpath:db/engine-migration-h2";
    Flyway.configure().dataSource(dataSource).locations(location).table(HISTORY_TABLE)
        .baselineOnMigrate(true).baselineVersion("1").load().migrate();
  }

  static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("数据库不可用，无法执行流程引擎表的迁移", e);
    }
  }
}
