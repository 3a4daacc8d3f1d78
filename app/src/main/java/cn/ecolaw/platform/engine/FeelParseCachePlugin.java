package cn.ecolaw.platform.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the {@link CachingFeelEngineFactory}, so that every evaluation (business
 * rule tasks, {@code DecisionService}, {@code /engine-rest}, Cockpit, a replay through the engine's DMN engine)
 * parses each FEEL text once. Leaves a FEEL engine factory that someone else configured alone. The models stay
 * the only source of the rules: nothing but parsing is remembered.
 *
 * <p>Configuration: {@code platform.dmn.feel-parse-cache-size} (default 10,000 texts per kind);
 * {@code platform.dmn.feel-fast-paths} (default true: constants, fast paths for the commonest shapes and direct
 * interpretation, see {@link CachingScalaFeelEngine}; false keeps the parse cache only).
 */
@Component
public class FeelParseCachePlugin extends AbstractProcessEnginePlugin {

  private final int capacity;
  private final boolean fastPaths;

  public FeelParseCachePlugin(
      @Value("${platform.dmn.feel-parse-cache-size:" + CachingFeelEngineFactory.DEFAULT_CAPACITY + "}") int capacity,
      @Value("${platform.dmn.feel-fast-paths:true}") boolean fastPaths) {
    this.capacity = capacity;
    this.fastPaths = fastPaths;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() != null) {
      return;
    }
    dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn, capacity, fastPaths));
  }

  @Override
  public String toString() {
    return "FeelParseCachePlugin(capacity=" + capacity + ", fastPaths=" + fastPaths + ")";
  }
}
