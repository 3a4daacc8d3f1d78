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
      "WATER_EXCEED, WATER_OVER_STANDARD, 100000, 1000000, 《中华人民共和国水污染防治法》第八十三条第（二）项",
      "AIR_EXCEED, AIR_OVER_STANDARD, 100000, 1000000, 《中华人民共和国大气污染防治法》第九十九条第（二）项",
      "SOLID_WASTE_GENERAL, SW_NO_LEDGER, 50000, 200000, 《中华人民共和国固体废物污染环境防治法》第一百零二条第一款第（八）项",
      "SOLID_WASTE_SERIOUS, SW_STORAGE_UNPROTECTED, 100000, 1000000, 《中华人民共和国固体废物污染环境防治法》第一百零二条第一款第（十）项",
      "HAZARDOUS_WASTE, HW_TRANSFER, 100000, 1000000, 《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（五）项"})
  void statutoryRangeAndLegalBasisPerViolationType(String type, String conduct, long min, long max, String basis) {
    Outcome o = eval(input(type, "0.3", 9, false, 2, false, false, false, null)
        .with(conduct, null, false, false, false, false, false));

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
      "not first, 9 days: not minor; correction alone is no APL 32 ground | 0.09 | 9  | false | 1 | false | true  | false | LIGHTER",
      "first violation but 10% over: lighter, not exempt            | 0.10 | 3  | false | 1 | true  | true  | false | LIGHTER",
      "49% over, corrected, no harm: lighter, inside the range      | 0.49 | 9  | false | 1 | false | true  | false | LIGHTER",
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

  // ------------------------------------------------------------------ issue 9: the law as a reviewer checks it

  private static final Map<String, String> TYPE_OF_CONDUCT = Map.ofEntries(
      Map.entry("WATER_OVER_STANDARD", "WATER_EXCEED"), Map.entry("WATER_NO_PERMIT", "WATER_EXCEED"),
      Map.entry("WATER_EVASION", "WATER_EXCEED"), Map.entry("AIR_OVER_STANDARD", "AIR_EXCEED"),
      Map.entry("AIR_NO_PERMIT", "AIR_EXCEED"), Map.entry("AIR_EVASION", "AIR_EXCEED"),
      Map.entry("SW_NO_DISCLOSURE", "SOLID_WASTE_GENERAL"), Map.entry("SW_NO_LEDGER", "SOLID_WASTE_GENERAL"),
      Map.entry("SW_ENTRUSTED_UNCHECKED", "SOLID_WASTE_SERIOUS"),
      Map.entry("SW_STORAGE_UNPROTECTED", "SOLID_WASTE_SERIOUS"), Map.entry("HW_NO_LABEL", "HAZARDOUS_WASTE"),
      Map.entry("HW_NO_PLAN", "HAZARDOUS_WASTE"), Map.entry("HW_DUMPING", "HAZARDOUS_WASTE"),
      Map.entry("HW_UNLICENSED_RECIPIENT", "HAZARDOUS_WASTE"), Map.entry("HW_TRANSFER", "HAZARDOUS_WASTE"),
      Map.entry("HW_IMPROPER_STORAGE", "HAZARDOUS_WASTE"), Map.entry("HW_LEAKAGE", "HAZARDOUS_WASTE"),
      Map.entry("HW_DISCARD_IN_TRANSIT", "HAZARDOUS_WASTE"), Map.entry("EIA_UNAPPROVED", "EIA_UNAPPROVED"));

  private static DiscretionInput conduct(String conduct, String ratio, Integer days, boolean corrected, boolean first) {
    String type = TYPE_OF_CONDUCT.get(conduct);
    return input(type, ratio, days, false, 1, first, corrected, false, type.equals("EIA_UNAPPROVED") ? "5000000" : null)
        .with(conduct, conduct.equals("HW_DUMPING") || conduct.equals("HW_UNLICENSED_RECIPIENT")
            || conduct.equals("HW_LEAKAGE") || conduct.equals("HW_DISCARD_IN_TRANSIT")
            ? new java.math.BigDecimal("50000") : null, false, false, false, false, false);
  }

  /** APL 59 (二)(三): the provision broken and the penalty provision are two items and never the same article. */
  @Test
  void apl59ViolatedProvisionDiffersFromPenaltyBasis() {
    assertThat(TYPE_OF_CONDUCT.keySet())
        .containsExactlyInAnyOrderElementsOf(cn.ecolaw.platform.enforcement.Vocabulary.VIOLATION_CONDUCTS.keySet());
    for (String c : TYPE_OF_CONDUCT.keySet()) {
      Outcome o = eval(conduct(c, "0.3", 9, false, false));
      assertThat(o.violated()).as(c).isNotBlank().startsWith("《中华人民共和国");
      assertThat(o.basis()).as(c).isNotBlank().doesNotContain(o.violated());
      String violatedArticle = o.violated().substring(o.violated().indexOf('》') + 1);
      String penaltyArticle = o.basis().substring(o.basis().indexOf('》') + 1);
      assertThat(penaltyArticle).as(c).doesNotStartWith(violatedArticle.replaceAll("第[一二三四五六七八九十]+款$", ""));
    }
    Outcome water = eval(conduct("WATER_OVER_STANDARD", "0.3", 9, false, false));
    assertThat(water.violated()).isEqualTo("《中华人民共和国水污染防治法》第十条");
    assertThat(water.basis()).isEqualTo("《中华人民共和国水污染防治法》第八十三条第（二）项");
    assertThat(eval(conduct("WATER_EVASION", "0.3", 9, false, false)).violated())
        .isEqualTo("《中华人民共和国水污染防治法》第三十九条");
    assertThat(eval(input("WATER_EXCEED", "0.3", 9, false, 2, false, false, false, null)).violated())
        .as("no conduct chosen: the type's own conduct, 超标排放").isEqualTo("《中华人民共和国水污染防治法》第十条");
  }

  /** APL 32: 减轻 (below the statutory minimum) only on the grounds the article lists; correction alone is none. */
  @Test
  void apl32MitigationOnlyOnStatutoryGrounds() {
    DiscretionInput correctedOnly = input("WATER_EXCEED", "0.49", 9, false, 1, false, true, false, null);
    Outcome without = eval(correctedOnly);
    assertThat(without.outcome()).isNotEqualTo("MITIGATED");
    assertThat(without.fine()).isBetween(without.min(), without.max());

    String[] grounds = {"harmEliminated", "coerced", "confessedUnknown", "meritoriousService", "other"};
    for (int i = 0; i < grounds.length; i++) {
      DiscretionInput with = correctedOnly.with(null, null, i == 0, i == 1, i == 2, i == 3, i == 4);
      Outcome o = eval(with);
      assertThat(o.outcome()).as(grounds[i]).isEqualTo("MITIGATED");
      assertThat(o.fine()).as(grounds[i]).isEqualTo(50_000);
      assertThat(o.basis()).as(grounds[i]).contains("《中华人民共和国行政处罚法》第三十二条");
    }
    for (DiscretionInput in : grid()) {
      assertThat(eval(in).outcome()).as("%s has no APL 32 ground", in).isNotEqualTo("MITIGATED");
    }
  }

  /** APL 32: with a ground present the penalty is lighter or reduced, never heavier. */
  @Test
  void apl32GroundIsNeverHeavier() {
    List<DiscretionInput> grid = grid();
    for (int i = 0; i < grid.size(); i += 7) {
      DiscretionInput in = grid.get(i);
      Outcome o = eval(in.with(null, null, true, false, false, false, false));
      assertThat(o.outcome()).as("%s", in).isIn("NO_PENALTY", "MITIGATED", "LIGHTER");
      if (o.outcome().equals("LIGHTER")) {
        assertThat(2 * o.fine()).as("%s", in).isLessThan(o.min() + o.max());
        assertThat(o.fine()).as("%s", in).isBetween(o.min(), o.max()).isLessThanOrEqualTo(eval(in).fine());
      }
    }
  }

  /** APL 32: a repeat offender who merely corrected promptly stays inside the statutory range. */
  @Test
  void apl32RepeatOffenderWhoCorrectedStaysInTheRange() {
    Outcome o = eval(input("WATER_EXCEED", "0.3", 9, false, 2, false, true, false, null));
    assertThat(o.outcome()).isIn("LIGHTER", "STANDARD");
    assertThat(o.fine()).isBetween(100_000L, 1_000_000L);
    Outcome withGround = eval(input("WATER_EXCEED", "0.3", 9, false, 2, false, true, false, null)
        .with(null, null, true, false, false, false, false));
    assertThat(withGround.outcome()).as("a ground, but not the first violation: lighter").isEqualTo("LIGHTER");
    assertThat(withGround.fine()).isBetween(100_000L, 1_000_000L);
  }

  /**
   * APL 33 ¶1: "违法行为轻微" is judged on inputs that apply. An exceedance ratio does not apply to hazardous waste,
   * unapproved construction, discharge without a permit or evasion of supervision, and a missing duration is no
   * evidence of a short one; evasion of supervision (暗管、篡改监测数据) is never minor.
   */
  @Test
  void apl33MinorOnlyOnInputsThatApply() {
    assertThat(eval(conduct("WATER_OVER_STANDARD", "0.05", 1, true, true)).outcome()).isEqualTo("NO_PENALTY");
    for (String c : TYPE_OF_CONDUCT.keySet()) {
      if (c.endsWith("_OVER_STANDARD")) {
        continue;
      }
      for (String ratio : new String[] {null, "0", "0.05"}) {
        Outcome o = eval(conduct(c, ratio, 1, true, true));
        assertThat(o.outcome()).as("%s ratio %s", c, ratio).isNotEqualTo("NO_PENALTY");
        assertThat(o.fine()).as("%s ratio %s", c, ratio).isBetween(o.min(), o.max());
      }
    }
    assertThat(eval(input("WATER_EXCEED", "0.05", null, false, 1, true, true, false, null)).outcome())
        .as("duration unknown").isNotEqualTo("NO_PENALTY");
    assertThat(eval(conduct("AIR_EVASION", "0.01", 1, true, true).with("AIR_EVASION", null, false, false, false,
        false, false)).outcome()).isNotEqualTo("NO_PENALTY");
  }

  /**
   * Solid waste law Art. 112 ¶2: items (三)(四)(十)(十一) are fined 3–5 times the disposal cost, a cost under
   * 200,000 yuan counting as 200,000; not 100,000–1,000,000.
   */
  @ParameterizedTest(name = "{0}, cost {1}")
  @CsvSource({"HW_DUMPING, 50000, 600000, 1000000, （三）", "HW_UNLICENSED_RECIPIENT, 200000, 600000, 1000000, （四）",
      "HW_LEAKAGE, 300000, 900000, 1500000, （十）", "HW_DISCARD_IN_TRANSIT, 1000000, 3000000, 5000000, （十一）"})
  void swl112FineIsMultipleOfDisposalCost(String conduct, String cost, long min, long max, String item) {
    DiscretionInput base = input("HAZARDOUS_WASTE", null, 9, false, 2, false, false, false, null);
    Outcome low = eval(base.with(conduct, new java.math.BigDecimal(cost), false, false, false, false, false));
    Outcome high = eval(input("HAZARDOUS_WASTE", null, 60, true, 5, false, false, true, null)
        .with(conduct, new java.math.BigDecimal(cost), false, false, false, false, false));

    assertThat(low.min()).isEqualTo(min);
    assertThat(low.max()).isEqualTo(max);
    assertThat(low.basis()).isEqualTo("《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第" + item + "项");
    assertThat(low.fine()).isBetween(min, max);
    assertThat(high.fine()).isEqualTo(max);
  }
}
