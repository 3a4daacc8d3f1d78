package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.support.PlatformTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In the application, the process engine's DMN engine (the one behind flows, {@code /engine-rest}, the discretion
 * service and any replay through the engine) is the caching one.
 */
@PlatformTest
class FeelParseCacheAppTest {

  @Autowired ProcessEngine engine;

  @Autowired PenaltyDiscretionService discretion;

  @Test
  void theDiscretionServiceEvaluatesThroughTheParseCache() {
    // given
    CachingScalaFeelEngine feel = (CachingScalaFeelEngine) ((ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration()).getDmnEngineConfiguration().getFeelEngine();
    DecisionCorpus corpus = new DecisionCorpus(3);
    discretion.evaluate(corpus.discretionInput());
    long parsed = feel.expressionCache().misses() + feel.unaryTestsCache().misses();
    long hits = feel.expressionCache().hits() + feel.unaryTestsCache().hits();

    // when: the same rules judge other cases
    for (int i = 0; i < 20; i++) {
      DiscretionInput input = corpus.discretionInput();
      discretion.evaluate(input);
    }

    // then: nothing new to parse for the texts already seen, and the cache answered
    assertThat(feel.expressionCache().hits() + feel.unaryTestsCache().hits()).isGreaterThan(hits);
    assertThat(feel.expressionCache().misses() + feel.unaryTestsCache().misses() - parsed)
        .as("texts parsed after the first evaluation (rules the first case did not reach)")
        .isLessThan(parsed);
  }
}
