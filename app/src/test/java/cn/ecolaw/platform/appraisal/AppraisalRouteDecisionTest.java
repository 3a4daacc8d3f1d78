package cn.ecolaw.platform.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision {@code appraisal-route} (decisions/appraisal-route.dmn): appraisal or expert opinion, row by row. */
class AppraisalRouteDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = AppraisalRouteDecisionTest.class.getResourceAsStream("/decisions/appraisal-route.dmn")) {
      decision = dmn.parseDecision("appraisal-route", in);
    }
  }

  @ParameterizedTest(name = "{0} simple={1} method={2} slow={3} → {4}")
  @CsvSource({
      "200000,  true,  true,  false, EXPERT_OPINION",
      "299999,  true,  true,  false, EXPERT_OPINION",
      "300000,  true,  true,  false, APPRAISAL",
      "200000,  false, true,  false, APPRAISAL",
      "5000000, false, false, false, EXPERT_OPINION",
      "5000000, false, true,  true,  EXPERT_OPINION",
      "5000000, false, true,  false, APPRAISAL",
      "0,       false, true,  false, APPRAISAL",
  })
  void routes(double amount, boolean simple, boolean methodExists, boolean slow, String route) {
    Object out = dmn.evaluateDecisionTable(decision, Map.of("estimatedAmount", amount, "simpleCase", simple,
        "methodExists", methodExists, "tooSlowOrCostly", slow)).getSingleEntry();
    assertThat(out).isEqualTo(route);
  }
}
