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
      "INDIVIDUAL, 49999, NONE, false, false, false, false, false",
      "INDIVIDUAL, 50000, NONE, false, false, true, true, false",
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
}
