package cn.ecolaw.platform.discretion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/procedure-requirements.dmn through PenaltyDiscretionService.requirements and the engine. */
class ProcedureRequirementsDecisionTest {

  private static PenaltyDiscretionService service;

  @BeforeAll
  static void engine() {
    service = DiscretionTestEngine.service();
  }

  @ParameterizedTest(name = "{0} {1} {2} complex={3} major={4}")
  @CsvSource({
      // party, fine, measure, complex, major -> hearing, legal review, collective discussion
      "ENTERPRISE, 199999, NONE, false, false, false, false, false",
      "ENTERPRISE, 200000, NONE, false, false, true, true, false",
      "INDIVIDUAL, 4999, NONE, false, false, false, false, false",
      "INDIVIDUAL, 5000, NONE, false, false, true, true, false",
      "INDIVIDUAL, 0, SUSPEND_PRODUCTION, false, false, true, true, false",
      "ENTERPRISE, 0, SUSPEND_BUSINESS, false, false, true, true, false",
      "ENTERPRISE, 10000, CLOSE, false, false, true, true, false",
      "ENTERPRISE, 10000, LICENCE_REVOCATION, false, false, true, true, false",
      "INDIVIDUAL, 0, CONFISCATION, false, false, true, true, false",
      "ENTERPRISE, 10000, NONE, true, false, false, true, true",
      "ENTERPRISE, 10000, NONE, false, true, false, true, true",
      "ENTERPRISE, 499999, NONE, false, false, true, true, false",
      "ENTERPRISE, 500000, NONE, false, false, true, true, true",
      "INDIVIDUAL, 500000, NONE, false, false, true, true, true"})
  void hearingLegalReviewAndCollectiveDiscussion(String party, String fine, String measure, boolean complex,
      boolean major, boolean hearing, boolean review, boolean discussion) {
    ProcedureRequirements r = service.requirements(party, new BigDecimal(fine), measure, complex, major);

    assertThat(r).isEqualTo(new ProcedureRequirements(hearing, review, discussion));
  }

  @Test
  void missingMeasureMeansNone() {
    assertThat(service.requirements("ENTERPRISE", new BigDecimal("1000"), null, false, false))
        .isEqualTo(new ProcedureRequirements(false, false, false));
  }

  @Test
  void refusesUnknownPartyTypeMeasureAndNegativeFine() {
    assertThatThrownBy(() -> service.requirements("COMPANY", BigDecimal.ONE, "NONE", false, false))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-030"));
    assertThatThrownBy(() -> service.requirements("ENTERPRISE", BigDecimal.ONE, "DETENTION", false, false))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-031"));
    assertThatThrownBy(() -> service.requirements("ENTERPRISE", new BigDecimal("-1"), "NONE", false, false))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.getCode()).isEqualTo("DISC-032");
          assertThat(e.getStatus()).isEqualTo(400);
        });
  }

  /**
   * MEE-PM 46, 89: a "较大数额" fine carries a hearing right from 5,000 yuan for citizens and 200,000 yuan for
   * organisations (the old table said 50,000 for citizens); a province's own figures come from configuration.
   */
  @Test
  void mee89HearingThresholdForIndividuals() {
    assertThat(service.requirements("INDIVIDUAL", new BigDecimal("5000"), "NONE", false, false).hearingRight()).isTrue();
    assertThat(service.requirements("INDIVIDUAL", new BigDecimal("20000"), "NONE", false, false).hearingRight())
        .isTrue();
    assertThat(service.requirements("INDIVIDUAL", new BigDecimal("4999.99"), "NONE", false, false).hearingRight())
        .isFalse();
    assertThat(service.requirements("ENTERPRISE", new BigDecimal("20000"), "NONE", false, false).hearingRight())
        .isFalse();

    var engine = DiscretionTestEngine.engine();
    PenaltyDiscretionService province = new PenaltyDiscretionService(engine.getDecisionService(),
        engine.getRepositoryService(), null, "10000", "100000");
    assertThat(province.requirements("INDIVIDUAL", new BigDecimal("9999"), "NONE", false, false).hearingRight())
        .isFalse();
    assertThat(province.requirements("INDIVIDUAL", new BigDecimal("10000"), "NONE", false, false).hearingRight())
        .isTrue();
    assertThat(province.requirements("ENTERPRISE", new BigDecimal("100000"), "NONE", false, false).hearingRight())
        .isTrue();
  }
}
