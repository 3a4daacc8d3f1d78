package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** The plugin puts the caching factory into a process engine's DMN engine, and only where nobody chose otherwise. */
class FeelParseCachePluginTest {

  @Test
  void theProcessEnginesDecisionsParseEachFeelTextOnce() {
    ProcessEngine engine = engine("feel-cache-plugin", cfg -> {});
    ProcessEngine stock = engine("feel-cache-stock", cfg -> {}, false);
    try {
      // given: the real penalty-discretion graph deployed on an engine with the plugin
      for (ProcessEngine e : List.of(engine, stock)) {
        e.getRepositoryService().createDeployment().addClasspathResource("decisions/penalty-discretion.dmn").deploy();
      }
      CachingScalaFeelEngine feel = (CachingScalaFeelEngine) feelEngine(engine);
      assertThat(feelEngine(stock)).isExactlyInstanceOf(ScalaFeelEngine.class);
      List<Map<String, Object>> corpus = new DecisionCorpus(11).inputs("penalty-discretion", 300);

      // when: the DecisionService evaluates the corpus
      long parsedAfterFirst = -1;
      for (Map<String, Object> variables : corpus) {
        String got = DmnEngines.outcome(() -> engine.getDecisionService()
            .evaluateDecisionByKey("penalty-discretion").variables(variables).evaluate());
        // then: as on a process engine without the plugin, and nothing is parsed twice
        assertThat(got).isEqualTo(DmnEngines.outcome(() -> stock.getDecisionService()
            .evaluateDecisionByKey("penalty-discretion").variables(variables).evaluate()));
        if (parsedAfterFirst < 0 && got.startsWith("rows[{")) {
          parsedAfterFirst = feel.expressionCache().misses() + feel.unaryTestsCache().misses();
        }
      }
      assertThat(feel.expressionCache().misses()).isEqualTo(feel.expressionCache().size());
      assertThat(feel.unaryTestsCache().misses()).isEqualTo(feel.unaryTestsCache().size());
      assertThat(feel.expressionCache().hits()).isGreaterThan(100L * feel.expressionCache().misses());
      assertThat(parsedAfterFirst).isPositive();
    } finally {
      engine.close();
      stock.close();
    }
  }

  @Test
  void aFeelEngineFactoryConfiguredElsewhereIsKept() {
    ScalaFeelEngineFactory chosen = new ScalaFeelEngineFactory();
    ProcessEngine engine = engine("feel-cache-other", cfg -> {
      DefaultDmnEngineConfiguration dmn =
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      dmn.setFeelEngineFactory(chosen);
      cfg.setDmnEngineConfiguration(dmn);
    });
    try {
      assertThat(configuration(engine).getDmnEngineConfiguration().getFeelEngineFactory()).isSameAs(chosen);
      assertThat(feelEngine(engine)).isExactlyInstanceOf(ScalaFeelEngine.class);
    } finally {
      engine.close();
    }
  }

  @Test
  void legacyFeelBehaviourKeepsCamundasJuelEngine() {
    ProcessEngine engine = engine("feel-cache-legacy", cfg -> cfg.setDmnFeelEnableLegacyBehavior(true));
    try {
      assertThat(feelEngine(engine).getClass())
          .isEqualTo(new FeelEngineFactoryImpl().createInstance().getClass());
    } finally {
      engine.close();
    }
  }

  private static ProcessEngine engine(String name, Consumer<ProcessEngineConfigurationImpl> before) {
    return engine(name, before, true);
  }

  private static ProcessEngine engine(String name, Consumer<ProcessEngineConfigurationImpl> before,
      boolean withPlugin) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    cfg.setProcessEngineName(name);
    cfg.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    cfg.setJobExecutorActivate(false);
    cfg.setEnforceHistoryTimeToLive(false);
    before.accept(cfg);
    if (withPlugin) {
      cfg.getProcessEnginePlugins().add(new FeelParseCachePlugin(CachingFeelEngineFactory.DEFAULT_CAPACITY, true));
    }
    return cfg.buildProcessEngine();
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static FeelEngine feelEngine(ProcessEngine engine) {
    return configuration(engine).getDmnEngineConfiguration().getFeelEngine();
  }
}
