package cn.ecolaw.platform.discretion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LatePaymentSurchargeTest {

  private final LatePaymentSurcharge surcharge = new LatePaymentSurcharge();
  private final LocalDate deadline = LocalDate.of(2026, 11, 30);

  @ParameterizedTest(name = "fine {0}, as of {1}: {2}")
  @CsvSource({
      "100000, 2026-11-01, 0.00",
      "100000, 2026-11-30, 0.00",
      "100000, 2026-12-01, 3000.00",
      "100000, 2026-12-10, 30000.00",
      "100000, 2027-01-02, 99000.00",
      "100000, 2027-01-03, 100000.00",
      "100000, 2027-06-30, 100000.00",
      "333.33, 2026-12-01, 10.00",
      "0, 2027-01-01, 0.00"})
  void threePercentPerDayAfterTheDeadlineNeverMoreThanTheFine(String fine, String asOf, String expected) {
    BigDecimal s = surcharge.surcharge(new BigDecimal(fine), deadline, LocalDate.parse(asOf));

    assertThat(s).isEqualByComparingTo(expected);
    assertThat(s).isLessThanOrEqualTo(new BigDecimal(fine).setScale(2));
  }

  @Test
  void refusesMissingValuesAndNegativeFine() {
    assertThatThrownBy(() -> surcharge.surcharge(null, deadline, deadline))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-024"));
    assertThatThrownBy(() -> surcharge.surcharge(new BigDecimal("-1"), deadline, deadline))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-025"));
  }

  @Test
  void apl73PendingRemedyDaysDoNotAccrue() {
    var pending = LatePaymentSurcharge.Suspension.parseAll("2026-12-03/2026-12-07;2026-12-06/");

    // deadline 11-30, as of 12-10: 10 days late, 12-03..12-10 pending (the open suit overlaps the first period)
    assertThat(surcharge.daysSuspended(deadline, LocalDate.parse("2026-12-10"), pending)).isEqualTo(8);
    assertThat(surcharge.surcharge(new BigDecimal("100000"), deadline, LocalDate.parse("2026-12-10"), pending))
        .isEqualByComparingTo("6000.00");
    assertThat(LatePaymentSurcharge.Suspension.formatAll(pending)).isEqualTo("2026-12-03/2026-12-07;2026-12-06/");
  }
}
