package cn.ecolaw.platform.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * Camunda's extension point for the DMN engine's FEEL engine: creates {@link CachingScalaFeelEngine}, Camunda's
 * Scala FEEL engine with a bounded cache of parsed expressions, constants and fast paths for the commonest shapes. Set on a {@link DefaultDmnEngineConfiguration} in
 * place of the default {@code ScalaFeelEngineFactory}; reads the configuration's custom function providers and
 * legacy switch when the DMN engine is built (after the process engine has put them there), so that it chooses what
 * the configuration would have chosen: the JUEL engine when {@code enableFeelLegacyBehavior} is set.
 */
public final class CachingFeelEngineFactory implements FeelEngineFactory {

  /** Distinct expression texts (and, separately, unary-tests texts) kept; the six decisions have about 200. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;
  private final Supplier<Boolean> legacy;
  private final int capacity;
  private final boolean direct;

  /** For a DMN engine configuration: its function providers and legacy switch as they are at build time. */
  public CachingFeelEngineFactory(DefaultDmnEngineConfiguration configuration, int capacity) {
    this(configuration, capacity, true);
  }

  /**
   * As above; {@code direct} false leaves out the constants, fast paths and direct interpretation of
   * {@link CachingScalaFeelEngine} (parse cache only: feel-scala's public evaluation of each cached parse).
   */
  public CachingFeelEngineFactory(DefaultDmnEngineConfiguration configuration, int capacity, boolean direct) {
    this(configuration::getFeelCustomFunctionProviders, configuration::isEnableFeelLegacyBehavior, capacity, direct);
  }

  /** With no custom function providers. */
  public CachingFeelEngineFactory(int capacity) {
    this(capacity, true);
  }

  /** With no custom function providers; {@code direct} as above. */
  public CachingFeelEngineFactory(int capacity, boolean direct) {
    this(List::of, () -> false, capacity, direct);
  }

  private CachingFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders,
      Supplier<Boolean> legacy, int capacity, boolean direct) {
    if (capacity < 1) {
      throw new IllegalArgumentException("FEEL parse cache capacity must be positive: " + capacity);
    }
    this.functionProviders = functionProviders;
    this.legacy = legacy;
    this.capacity = capacity;
    this.direct = direct;
  }

  @Override
  public FeelEngine createInstance() {
    if (Boolean.TRUE.equals(legacy.get())) {
      return new FeelEngineFactoryImpl().createInstance();
    }
    List<FeelCustomFunctionProvider> providers = functionProviders.get();
    return new CachingScalaFeelEngine(providers == null ? List.of() : providers, capacity, direct);
  }
}
