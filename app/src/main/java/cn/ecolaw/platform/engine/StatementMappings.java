package cn.ecolaw.platform.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Maps engine statements to the platform's own, for one engine. */
final class StatementMappings {

  private StatementMappings() {}

  /**
   * Adds {@code mapped} (engine statement → platform statement) to the engine's statement mappings, on a copy: the
   * engine shares its database's mappings between all engines of the JVM.
   */
  static void add(ProcessEngineConfigurationImpl configuration, Map<String, String> mapped) {
    Map<String, String> existing = configuration.getDbSqlSessionFactory().getStatementMappings();
    Map<String, String> mappings = existing == null ? new HashMap<>() : new HashMap<>(existing);
    mappings.putAll(mapped);
    configuration.getDbSqlSessionFactory().setStatementMappings(mappings);
  }
}
