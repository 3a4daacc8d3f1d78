package cn.ecolaw.platform.shared;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Starts the process engine only after Flyway has migrated the application's tables (registered in
 * {@code META-INF/spring.factories}). Otherwise the engine creates its tables first on an empty database,
 * Flyway finds a non-empty schema, baselines it and never runs {@code V1__case_file.sql}; and process
 * deployment or listeners could run before the application's tables exist.
 */
public class ProcessEngineAfterMigrationsDetector
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class);
  }
}
