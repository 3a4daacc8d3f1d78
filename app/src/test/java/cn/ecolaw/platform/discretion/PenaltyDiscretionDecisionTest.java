package cn.ecolaw.platform.discretion;

import static cn.ecolaw.platform.discretion.DecisionProbe.input;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.discretion.DecisionProbe.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployed decisions/penalty-discretion.dmn, evaluated through the Camunda engine's DecisionService. */
class PenaltyDiscretionDecisionTest {

  private static final String[] TYPES = {"WATER_EXCEED", "AIR_EXCEED", "SOLID_WASTE_GENERAL", "SOLID_WASTE_SERIOUS",
      "HAZARDOUS_WASTE", "EIA_UNAPPROVED"};
  private static final String[] RATIOS = {"0.05", "0.3", "0.7", "1.5", "2.5"};
  private static final int[] DAYS = {3, 9, 25, 40};
  /** (violationsIn2Years, firstViolation) pairs that validate. */
  private static final int[][] HISTORY = {{1, 1}, {1, 0}, {2, 0}, {4, 0}};
  private static final Map<DiscretionInput, Outcome> CACHE = new ConcurrentHashMap<>();

  private static Outcome eval(DiscretionInput in) {
    in.validate();
    return CACHE.computeIfAbsent(in, DecisionProbe::evaluate);
  }

  private static List<DiscretionInput> grid() {
    List<DiscretionInput> all = new ArrayList<>();
    for (String type : TYPES) {
      String investment = type.equals("EIA_UNAPPROVED") ? "12345678" : null;
      for (String ratio : RATIOS) {
        for (int days : DAYS) {
          for (int flags = 0; flags < 8; flags++) {
            for (int[] h : HISTORY) {
              all.add(input(type, ratio, days, (flags & 1) != 0, h[0], h[1] == 1, (flags & 2) != 0, (flags & 4) != 0,
                  investment));
            }
          }
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0}: {1}–{2} yuan")
  @CsvSource({
      "WATER_EXCEED, 100000, 1000000, 《中华人民共和国水污染防治法》第八十三条",
      "AIR_EXCEED, 100000, 1000000, 《中华人民共和国大气污染防治法》第九十九条",
      "SOLID_WASTE_GENERAL, 50000, 200000, 《中华人民共和国固体废物污染环境防治法》第一百零二条",
      "SOLID_WASTE_SERIOUS, 100000, 1000000, 《中华人民共和国固体废物污染环境防治法》第一百零二条",
      "HAZARDOUS_WASTE, 100000, 1000000, 《中华人民共和国固体废物污染环境防治法》第一百一十二条"})
  void statutoryRangeAndLegalBasisPerViolationType(String type, long min, long max, String basis) {
    Outcome o = eval(input(type, "0.3", 9, false, 2, false, false, false, null));

    assertThat(o.min()).isEqualTo(min);
    assertThat(o.max()).isEqualTo(max);
    assertThat(o.basis()).isEqualTo(basis);
    assertThat(o.outcome()).isEqualTo("STANDARD");
  }

  @Test
  void everyGeneratedCaseStaysWithinTheStatutoryRangeUnlessMitigatedOrNotPenalised() {
    List<DiscretionInput> grid = grid();
    for (DiscretionInput in : grid) {
      Outcome o = eval(in);
      switch (o.outcome()) {
        case "NO_PENALTY" -> assertThat(o.fine()).as("%s", in).isZero();
        case "MITIGATED" -> assertThat(o.fine()).as("%s", in).isPositive().isLessThan(o.min());
        default -> assertThat(o.fine()).as("%s", in).isBetween(o.min(), o.max());
      }
      assertThat(o.outcome()).as("%s", in).isIn("NO_PENALTY", "MITIGATED", "LIGHTER", "STANDARD", "HEAVIER");
    }
    assertThat(grid).hasSize(6 * 5 * 4 * 8 * 4);
  }

  @Test
  void neitherNoPenaltyNorMitigationInASensitiveAreaOrWhenHarmWasDone() {
    for (DiscretionInput in : grid()) {
      if (in.sensitiveArea() || in.harmOccurred() || !in.correctedPromptly()) {
        assertThat(eval(in).outcome()).as("%s", in).isNotIn("NO_PENALTY", "MITIGATED");
      }
    }
  }

  @Test
  void heavierExactlyFromTheMidpointOfTheRangeUp() {
    for (DiscretionInput in : grid()) {
      Outcome o = eval(in);
      if (o.outcome().equals("NO_PENALTY") || o.outcome().equals("MITIGATED")) {
        continue;
      }
      boolean atOrAboveMidpoint = 2 * o.fine() >= o.min() + o.max();
      assertThat(o.outcome().equals("HEAVIER")).as("%s -> %s", in, o).isEqualTo(atOrAboveMidpoint);
    }
  }

  @Test
  void raisingAnAggravatingFactorNeverLowersTheFine() {
    for (DiscretionInput in : grid()) {
      long fine = eval(in).fine();
      for (UnaryOperator<DiscretionInput> raise : raises()) {
        DiscretionInput worse = raise.apply(in);
        if (worse == null) {
          continue;
        }
        assertThat(eval(worse).fine()).as("%s -> %s", in, worse).isGreaterThanOrEqualTo(fine);
      }
    }
  }

  /** Each returns the same case one step worse on one factor, or null at the top of the grid. */
  private static List<UnaryOperator<DiscretionInput>> raises() {
    return List.of(
        in -> next(RATIOS, in.exceedRatio().toPlainString()) == null ? null
            : input(in.violationType(), next(RATIOS, in.exceedRatio().toPlainString()), in.durationDays(),
                in.sensitiveArea(), in.violationsIn2Years(), in.firstViolation(), in.correctedPromptly(),
                in.harmOccurred(), plain(in)),
        in -> nextDay(in.durationDays()) == null ? null
            : input(in.violationType(), in.exceedRatio().toPlainString(), nextDay(in.durationDays()),
                in.sensitiveArea(), in.violationsIn2Years(), in.firstViolation(), in.correctedPromptly(),
                in.harmOccurred(), plain(in)),
        in -> in.sensitiveArea() ? null
            : input(in.violationType(), in.exceedRatio().toPlainString(), in.durationDays(), true,
                in.violationsIn2Years(), in.firstViolation(), in.correctedPromptly(), in.harmOccurred(), plain(in)),
        in -> in.harmOccurred() ? null
            : input(in.violationType(), in.exceedRatio().toPlainString(), in.durationDays(), in.sensitiveArea(),
                in.violationsIn2Years(), in.firstViolation(), in.correctedPromptly(), true, plain(in)),
        in -> in.firstViolation() || in.violationsIn2Years() == 4 ? null
            : input(in.violationType(), in.exceedRatio().toPlainString(), in.durationDays(), in.sensitiveArea(),
                in.violationsIn2Years() == 1 ? 2 : 4, false, in.correctedPromptly(), in.harmOccurred(), plain(in)));
  }

  private static String plain(DiscretionInput in) {
    return in.totalInvestment() == null ? null : in.totalInvestment().toPlainString();
  }

  private static String next(String[] values, String current) {
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i].equals(current)) {
        return values[i + 1];
      }
    }
    return null;
  }

  private static Integer nextDay(int current) {
    for (int i = 0; i < DAYS.length - 1; i++) {
      if (DAYS[i] == current) {
        return DAYS[i + 1];
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // case | ratio | days | sensitive | violations | first | corrected | harm | expected
      "minor, corrected, no harm: shall not penalise (APL 33 ¶1)   | 0.05 | 3  | false | 1 | false | true  | false | NO_PENALTY",
      "same, but in a sensitive area                               | 0.05 | 3  | true  | 1 | false | true  | false | LIGHTER",
      "same, but harm occurred                                     | 0.05 | 3  | false | 1 | false | true  | true  | LIGHTER",
      "same, but not corrected                                     | 0.05 | 3  | false | 1 | false | false | false | STANDARD",
      "same, but a second violation within two years               | 0.05 | 3  | false | 2 | false | true  | false | LIGHTER",
      "first violation, 9 days, corrected: may not penalise — chosen | 0.09 | 9  | false | 1 | true  | true  | false | NO_PENALTY",
      "not first, 9 days: not minor, mitigated instead              | 0.09 | 9  | false | 1 | false | true  | false | MITIGATED",
      "first violation but 10% over: mitigated, not exempt          | 0.10 | 3  | false | 1 | true  | true  | false | MITIGATED",
      "49% over, corrected, no harm: mitigated (APL 32)             | 0.49 | 9  | false | 1 | false | true  | false | MITIGATED",
      "50% over: no mitigation, lighter for correction              | 0.50 | 9  | false | 1 | false | true  | false | LIGHTER",
      "10 days: no mitigation                                       | 0.30 | 10 | false | 1 | false | true  | false | LIGHTER"})
  void administrativePenaltyLawArticles32And33(String name, String ratio, int days, boolean sensitive, int violations,
      boolean first, boolean corrected, boolean harm, String expected) {
    Outcome o = eval(input("WATER_EXCEED", ratio, days, sensitive, violations, first, corrected, harm, null));

    assertThat(o.outcome()).isEqualTo(expected);
    switch (expected) {
      case "NO_PENALTY" -> {
        assertThat(o.fine()).isZero();
        assertThat(o.basis()).contains("《中华人民共和国行政处罚法》第三十三条第一款");
      }
      case "MITIGATED" -> {
        assertThat(o.fine()).isEqualTo(50_000);
        assertThat(o.basis()).contains("第三十二条");
      }
      default -> assertThat(o.fine()).isBetween(100_000L, 1_000_000L);
    }
  }

  @ParameterizedTest(name = "investment {0}")
  @CsvSource({"10000000, 100000, 500000", "12345678, 123457, 617283", "999, 10, 49", "100, 1, 5"})
  void unapprovedConstructionIsFinedOneToFivePercentOfTotalInvestment(String investment, long min, long max) {
    for (String ratio : new String[] {null, "0"}) {
      Outcome low = eval(input("EIA_UNAPPROVED", ratio, 3, false, 1, false, false, false, investment));
      Outcome high = eval(input("EIA_UNAPPROVED", ratio, 60, true, 5, false, false, true, investment));

      assertThat(low.min()).isEqualTo(min);
      assertThat(low.max()).isEqualTo(max);
      assertThat(low.basis()).isEqualTo("《中华人民共和国环境影响评价法》第三十一条第一款");
      assertThat(low.fine()).isBetween(min, max);
      assertThat(high.fine()).isEqualTo(max);
      assertThat(high.outcome()).isEqualTo("HEAVIER");
    }
  }

  @Test
  void fineIsRoundedToHundredsWithinTheRangeAndReachesTheMaximumOnlyAtTheTop() {
    Outcome typical = eval(input("WATER_EXCEED", "0.35", 7, false, 1, false, false, false, null));
    Outcome worst = eval(input("WATER_EXCEED", "3", 45, true, 5, false, false, true, null));
    Outcome mildest = eval(input("WATER_EXCEED", "0.05", 2, false, 1, false, false, false, null));

    assertThat(typical.fine() % 100).isZero();
    assertThat(typical.fine()).isBetween(100_001L, 499_999L);
    assertThat(worst.fine()).isEqualTo(1_000_000);
    assertThat(mildest.fine()).isEqualTo(100_000);
    assertThat(mildest.outcome()).isEqualTo("STANDARD");
  }
}
