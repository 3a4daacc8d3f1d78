package cn.ecolaw.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.ecolaw.platform.analytics.FineConsistency.Alert;
import cn.ecolaw.platform.analytics.FineConsistency.FineCase;
import cn.ecolaw.platform.analytics.FineConsistency.Group;
import cn.ecolaw.platform.analytics.FineConsistency.Report;
import cn.ecolaw.platform.analytics.FineConsistency.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 同案不同罚: the robust method (median and MAD of fine/benchmark per type and grade) and its three alerts. */
class FineConsistencyTest {

  static FineCase water(String no, double fine, double benchmark) {
    return new FineCase(no, "企业" + no, "WATER_EXCEED", "STANDARD", fine, benchmark, false, null);
  }

  static Report analyse(List<FineCase> cases) {
    return FineConsistency.analyse(cases, Settings.DEFAULTS);
  }

  @Test
  void theSpreadPerTypeAndGradeIsTheMedianAndTheMedianAbsoluteDeviationOfFineOverBenchmark() {
    // ratios 0.9, 1.0, 1.0, 1.1, 1.2 → median 1.0; |r − 1| = 0.1, 0, 0, 0.1, 0.2 → MAD 0.1
    Report report = analyse(List.of(water("1", 180_000, 200_000), water("2", 200_000, 200_000),
        water("3", 300_000, 300_000), water("4", 220_000, 200_000), water("5", 240_000, 200_000)));

    assertThat(report.groups()).singleElement().satisfies(g -> {
      assertThat(g.violationType()).isEqualTo("WATER_EXCEED");
      assertThat(g.grade()).isEqualTo("STANDARD");
      assertThat(g.cases()).isEqualTo(5);
      assertThat(g.median()).isCloseTo(1.0, within(1e-9));
      assertThat(g.mad()).isCloseTo(0.1, within(1e-9));
      assertThat(g.box()).containsExactly(0.9, 1.0, 1.0, 1.1, 1.2);
    });
  }

  @Test
  void oneWildFineMovesNeitherTheMedianNorTheMad() {
    // ratios 0.8, 0.9, 1.0, 1.0, 1.1, 1.2: median 1.0, MAD 0.1; then one fine ten times its benchmark
    List<FineCase> calm = new ArrayList<>(List.of(water("1", 160_000, 200_000), water("2", 180_000, 200_000),
        water("3", 200_000, 200_000), water("4", 200_000, 200_000), water("5", 220_000, 200_000),
        water("7", 240_000, 200_000)));
    Group before = analyse(calm).groups().get(0);
    calm.add(water("6", 1_000_000, 100_000));
    Group after = analyse(calm).groups().get(0);

    assertThat(after.median()).isCloseTo(1.0, within(1e-9)).isEqualTo(before.median());
    assertThat(after.mad()).isCloseTo(0.1, within(1e-9)).isCloseTo(before.mad(), within(1e-9));
    assertThat(analyse(calm).alerts()).filteredOn(a -> a.kind().equals(FineConsistency.OUTLIER))
        .singleElement().satisfies(a -> assertThat(a.caseNos()).containsExactly("6"));
  }

  @Test
  void aFineFarFromTheBenchmarkWithoutAWrittenReasonIsAnAlert() {
    Report report = analyse(List.of(water("湖环罚〔2026〕7号", 300_000, 200_000)));

    assertThat(report.alerts()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(FineConsistency.FAR_FROM_BENCHMARK);
      assertThat(a.kindLabel()).isEqualTo("偏离基准未说明理由");
      assertThat(a.caseNos()).containsExactly("湖环罚〔2026〕7号");
      assertThat(a.ratio()).isCloseTo(1.5, within(1e-9));
      assertThat(a.detail()).contains("300,000.00元", "200,000.00元", "150.0%", "未写明偏离理由");
    });
  }

  @Test
  void aFineFarFromTheBenchmarkWithAWrittenReasonOrWithinTheToleranceIsNoAlert() {
    FineCase explained = new FineCase("1", "甲", "WATER_EXCEED", "STANDARD", 300_000.0, 200_000.0, true, null);
    FineCase close = water("2", 238_000, 200_000);

    assertThat(analyse(List.of(explained, close)).alerts()).isEmpty();
  }

  @Test
  void casesWhoseFactorsMatchButWhoseFinesDifferWidelyAreOneAlertNamingEveryCase() {
    String factors = "durationDays=3;exceedRatio=0.35;firstViolation=true;violationType=WATER_EXCEED";
    List<FineCase> cases = List.of(
        new FineCase("A", "甲", "WATER_EXCEED", "STANDARD", 200_000.0, 200_000.0, false, factors),
        new FineCase("B", "乙", "WATER_EXCEED", "STANDARD", 230_000.0, 200_000.0, true, factors),
        new FineCase("C", "丙", "WATER_EXCEED", "LIGHTER", 120_000.0, 200_000.0, true, factors),
        new FineCase("D", "丁", "WATER_EXCEED", "STANDARD", 500_000.0, 200_000.0, true, "other"));

    List<Alert> same = analyse(cases).alerts().stream()
        .filter(a -> a.kind().equals(FineConsistency.SAME_FACTORS)).toList();

    assertThat(same).singleElement().satisfies(a -> {
      assertThat(a.caseNos()).containsExactly("A", "B", "C");
      assertThat(a.fines()).containsExactly(200_000.0, 230_000.0, 120_000.0);
      assertThat(a.ratio()).isCloseTo(230_000.0 / 120_000.0, within(1e-9));
      assertThat(a.detail()).contains("3件案件的裁量因素完全相同", "120,000.00元", "230,000.00元");
    });
  }

  @Test
  void matchingFactorsWithFinesWithinTheSpreadAreNoAlert() {
    String factors = "exceedRatio=0.2";
    List<FineCase> cases = List.of(
        new FineCase("A", "甲", "AIR_EXCEED", "STANDARD", 200_000.0, 200_000.0, false, factors),
        new FineCase("B", "乙", "AIR_EXCEED", "STANDARD", 210_000.0, 200_000.0, false, factors));

    assertThat(analyse(cases).alerts()).isEmpty();
  }

  @Test
  void casesWithoutABenchmarkOrAFineAreLeftOutAndCounted() {
    List<FineCase> cases = List.of(water("1", 200_000, 200_000),
        new FineCase("2", "乙", "WATER_EXCEED", "NO_PENALTY", 0.0, 0.0, false, null),
        new FineCase("3", "丙", "WATER_EXCEED", "STANDARD", null, 200_000.0, false, null));

    Report report = analyse(cases);

    assertThat(report.cases()).isEqualTo(1);
    assertThat(report.excluded()).isEqualTo(2);
  }

  @Test
  void groupsComeByViolationTypeThenGradeInTheTablesOrder() {
    List<FineCase> cases = List.of(
        new FineCase("1", "甲", "WATER_EXCEED", "HEAVIER", 800_000.0, 800_000.0, false, null),
        new FineCase("2", "乙", "AIR_EXCEED", "STANDARD", 200_000.0, 200_000.0, false, null),
        new FineCase("3", "丙", "WATER_EXCEED", "LIGHTER", 100_000.0, 100_000.0, false, null));

    assertThat(analyse(cases).groups()).extracting(g -> g.violationType() + "/" + g.grade())
        .containsExactly("AIR_EXCEED/STANDARD", "WATER_EXCEED/LIGHTER", "WATER_EXCEED/HEAVIER");
  }

  @Test
  void withAllOthersIdenticalAnyDepartureBeyondTheToleranceIsAnOutlier() {
    List<FineCase> cases = List.of(water("1", 200_000, 200_000), water("2", 200_000, 200_000),
        water("3", 200_000, 200_000), new FineCase("4", "丁", "WATER_EXCEED", "STANDARD", 260_000.0, 200_000.0,
            true, null));

    assertThat(analyse(cases).alerts()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(FineConsistency.OUTLIER);
      assertThat(a.caseNos()).containsExactly("4");
    });
  }
}
