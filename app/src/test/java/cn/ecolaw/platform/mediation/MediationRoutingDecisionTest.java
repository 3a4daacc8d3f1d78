package cn.ecolaw.platform.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision {@code mediation-routing}, as deployed (decisions/mediation-routing.dmn), row by row. */
class MediationRoutingDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = MediationRoutingDecisionTest.class.getResourceAsStream("/decisions/mediation-routing.dmn")) {
      decision = dmn.parseDecision("mediation-routing", in);
    }
  }

  @ParameterizedTest(name = "{0} public={1} {2} consent={3} → {4} {5}")
  @CsvSource(nullValues = "NULL", value = {
      // public-interest cases and cases without consent go to litigation, whatever else
      "POLLUTION_DAMAGE,   true,  10000,     true,  LITIGATION, NULL",
      "NEIGHBOUR_NUISANCE, true,  5000,      true,  LITIGATION, NULL",
      "NEIGHBOUR_NUISANCE, false, 5000,      false, LITIGATION, NULL",
      "POLLUTION_DAMAGE,   true,  10000,     false, LITIGATION, NULL",
      // very large claims are filed (policy threshold 50,000,000)
      "POLLUTION_DAMAGE,   false, 50000001,  true,  LITIGATION, NULL",
      "POLLUTION_DAMAGE,   false, 50000000,  true,  MEDIATION,  PROFESSIONAL_MEDIATION",
      // neighbour nuisance up to 100,000: people's mediation
      "NEIGHBOUR_NUISANCE, false, 100000,    true,  MEDIATION,  PEOPLES_MEDIATION",
      "NEIGHBOUR_NUISANCE, false, 100001,    true,  MEDIATION,  ONLINE_MEDIATION",
      // pollution / ecological damage over 500,000: professional organisation
      "POLLUTION_DAMAGE,   false, 500001,    true,  MEDIATION,  PROFESSIONAL_MEDIATION",
      "ECOLOGICAL_DAMAGE,  false, 800000,    true,  MEDIATION,  PROFESSIONAL_MEDIATION",
      "ECOLOGICAL_DAMAGE,  false, 500000,    true,  MEDIATION,  ONLINE_MEDIATION",
      // the rest: online up to 500,000, professional above
      "RESOURCE_CONTRACT,  false, 0,         true,  MEDIATION,  ONLINE_MEDIATION",
      "OTHER,              false, 500000,    true,  MEDIATION,  ONLINE_MEDIATION",
      "RESOURCE_CONTRACT,  false, 2000000,   true,  MEDIATION,  PROFESSIONAL_MEDIATION",
      "NEIGHBOUR_NUISANCE, false, 900000,    true,  MEDIATION,  PROFESSIONAL_MEDIATION",
  })
  void routes(String category, boolean publicInterest, double amount, boolean consent, String route, String channel) {
    Map<String, Object> in = new HashMap<>();
    in.put("caseCategory", category);
    in.put("publicInterest", publicInterest);
    in.put("claimAmount", amount);
    in.put("partiesConsent", consent);
    var out = dmn.evaluateDecisionTable(decision, in).getSingleResult();
    assertThat((Object) out.getEntry("route")).isEqualTo(route);
    assertThat((Object) out.getEntry("channel")).isEqualTo(channel);
  }
}
