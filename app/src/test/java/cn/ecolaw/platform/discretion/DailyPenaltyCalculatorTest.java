package cn.ecolaw.platform.discretion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyPenaltyCalculatorTest {

  private final DailyPenaltyCalculator calculator = new DailyPenaltyCalculator();
  private final BigDecimal fine = new BigDecimal("100000");

  @Test
  void countsFromTheDayAfterServiceToTheReinspectionDayInclusive() {
    DailyPenalty p = calculator.compute(fine, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11));

    assertThat(p.days()).isEqualTo(10);
    assertThat(p.amount()).isEqualByComparingTo("1000000");
    assertThat(p.basis()).contains("第五十九条", "2026-03-02", "2026-03-11", "计罚10日", "1,000,000元");
  }

  @Test
  void reinspectionTheNextDayCountsOneDay() {
    assertThat(calculator.compute(fine, LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)).days()).isEqualTo(1);
  }

  @Test
  void reinspectionOnTheThirtiethDayIsTheLastAllowed() {
    DailyPenalty p = calculator.compute(fine, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3));

    assertThat(p.days()).isEqualTo(30);
    assertThat(p.amount()).isEqualByComparingTo("3000000");
  }

  @Test
  void reinspectionAfterThirtyDaysIsRefused() {
    assertThatThrownBy(() -> calculator.compute(fine, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 4)))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.getCode()).isEqualTo("DISC-020");
          assertThat(e.getMessage()).contains("三十日内");
        });
  }

  @Test
  void datesOutOfOrderOrTheSameDayAreRefused() {
    for (LocalDate reinspection : new LocalDate[] {LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 27)}) {
      assertThatThrownBy(() -> calculator.compute(fine, LocalDate.of(2026, 3, 1), reinspection))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-021"));
    }
  }

  @Test
  void missingValuesAndNonPositiveFineAreRefused() {
    assertThatThrownBy(() -> calculator.compute(null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-022"));
    assertThatThrownBy(() -> calculator.compute(BigDecimal.ZERO, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-023"));
  }
}
