package cn.ecolaw.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.ecolaw.platform.search.CaseDocument;
import cn.ecolaw.platform.search.CaseIndex;
import cn.ecolaw.platform.search.SearchClient;
import cn.ecolaw.platform.search.SearchProperties;
import cn.ecolaw.platform.support.ElasticsearchTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: the fine-consistency statistics (同案不同罚) computed by Elasticsearch's aggregations over the indexed
 * {@code discretion.fineRatio} answer what the plain-Java computation over every decided case answered (groups,
 * medians, MADs, quartiles, the three kinds of alerts in the same order), on a real Elasticsearch node — while reading
 * only the alerted cases and the first {@value AnalyticsService#POINTS_MAX} cases of a group for the chart.
 */
class FineConsistencyInElasticsearchIT {

  static final Scope PROVINCE = new Scope(true, List.of(), Map.of());
  static final AnalyticsProperties SETTINGS = new AnalyticsProperties(null, null, null, null, null);
  static final Instant DECIDED = Instant.parse("2026-06-01T02:00:00Z");

  SearchClient client;
  CaseIndex index;
  AnalyticsService analytics;
  final List<CaseDocument> documents = new ArrayList<>();
  final List<FineConsistency.FineCase> cases = new ArrayList<>();
  int serial;

  @BeforeEach
  void aFreshIndex() {
    ElasticsearchTestSupport.requireReachable();
    client = new SearchClient(new SearchProperties(ElasticsearchTestSupport.url(), null, null, null, null,
        "ecocase-fine-it-" + UUID.randomUUID(), Duration.ofMillis(100), 200, Duration.ofSeconds(1)));
    index = new CaseIndex(client);
    analytics = new AnalyticsService(index, SETTINGS);
  }

  @AfterEach
  void dropIt() throws Exception {
    if (index != null) {
      index.drop();
      client.destroy();
    }
  }

  /** A decided enforcement case: fine = benchmark × factor. */
  private void decided(String type, String grade, double benchmark, double factor, boolean reason, String factors) {
    serial++;
    String caseNo = String.format("湖环罚〔2026〕%04d号", serial);
    double fine = Math.round(benchmark * factor * 100) / 100.0;
    CaseDocument.Discretion discretion = new CaseDocument.Discretion(grade, grade, "penalty-discretion", 1, benchmark,
        10_000.0, 1_000_000.0, fine, reason ? "情节较重" : null, reason, factors, Map.of(), "《水污染防治法》第八十三条",
        DECIDED).withFineRatio(fine, benchmark);
    documents.add(new CaseDocument("it-" + serial, caseNo, "enforcement-case", "行政处罚案件", "it-" + serial, caseNo,
        "企业" + serial, "ENTERPRISE", null, "浙江省湖州市吴兴区", "浙江省", "湖州市", "吴兴区", "WATER", "水", type,
        type, "INSPECTION", List.of("unit-bureau"), "CLOSED", "已结案", false, null, List.of(), "PAID", "已缴款",
        benchmark, fine, 0.0, fine, true, discretion, DECIDED.minusSeconds(86_400 * 30), "2026-05", DECIDED, DECIDED,
        DECIDED, Instant.now(), List.of(), List.of(), "事实", null, List.of(), List.of(), null));
    cases.add(new FineConsistency.FineCase(caseNo, "企业" + serial, type, grade, fine, benchmark, reason, factors));
  }

  @Test
  void fineConsistencyFromElasticsearchAggregationsEqualsTheJavaComputation() throws Exception {
    Random random = new Random(20261129);
    String[] types = {"WATER_EXCEED", "AIR_EXCEED", "HAZARDOUS_WASTE"};
    String[] grades = {"LIGHTER", "STANDARD", "HEAVIER", "MITIGATED"};
    for (String type : types) {
      for (String grade : grades) {
        int n = 2 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
          double factor = 0.7 + random.nextInt(60) / 100.0; // 0.70 … 1.29
          decided(type, grade, 100_000 + random.nextInt(20) * 10_000, factor, random.nextInt(3) == 0,
              "exceedRatio=0." + random.nextInt(4) + ";sensitiveArea=" + (i % 2 == 0));
        }
      }
    }
    decided("WATER_EXCEED", "STANDARD", 200_000, 3.2, true, "exceedRatio=0.9;x=1"); // a wild fine with a reason
    decided("AIR_EXCEED", "LIGHTER", 150_000, 0.3, false, "exceedRatio=0.9;x=2"); // far below, no reason
    // a group whose ratios are all equal but one (MAD 0), larger than the chart shows
    for (int i = 0; i < AnalyticsService.POINTS_MAX + 10; i++) {
      decided("SOLID_WASTE_SERIOUS", "STANDARD", 100_000, 1.0, false, "exceedRatio=0.1");
    }
    decided("SOLID_WASTE_SERIOUS", "STANDARD", 100_000, 1.3, true, "exceedRatio=0.1"); // same factors, 1.3×: not wide
    decided("SOLID_WASTE_SERIOUS", "LIGHTER", 100_000, 1.0, false, "exceedRatio=0.7"); // a group of one
    decided("SOLID_WASTE_SERIOUS", "LIGHTER", 100_000, 2.0, true, "exceedRatio=0.7"); // same factors, 2×: wide
    decided("AIR_EXCEED", "STANDARD", 0, 1.0, false, "exceedRatio=0.2"); // no benchmark: not counted, excluded
    index.write(documents, List.of(), Instant.now());
    index.refresh();

    Dashboards.FineConsistencyAnswer answer = analytics.fineConsistency(PROVINCE, null);
    FineConsistency.Report expected = FineConsistency.analyse(cases, SETTINGS.settings());
    FineConsistency.Report actual = answer.report();

    assertThat(actual.cases()).isEqualTo(expected.cases());
    assertThat(actual.excluded()).isEqualTo(expected.excluded()).isEqualTo(1);
    assertThat(actual.groups()).hasSameSizeAs(expected.groups());
    for (int i = 0; i < expected.groups().size(); i++) {
      FineConsistency.Group e = expected.groups().get(i);
      FineConsistency.Group a = actual.groups().get(i);
      String group = e.violationType() + " " + e.grade();
      assertThat(a.violationType() + " " + a.grade()).isEqualTo(group);
      assertThat(a.cases()).as(group).isEqualTo(e.cases());
      for (int k = 0; k < 5; k++) {
        assertThat(a.box().get(k)).as(group + " box " + k).isCloseTo(e.box().get(k), within(1e-12));
      }
      assertThat(a.mad()).as(group + " MAD").isCloseTo(e.mad(), within(1e-12));
      assertThat(a.robustCv()).as(group).isCloseTo(e.robustCv(), within(1e-12));
      List<FineConsistency.Point> shown = e.points().subList(0, Math.min(e.points().size(),
          AnalyticsService.POINTS_MAX));
      assertThat(a.points()).as(group + " points").isEqualTo(shown);
    }
    assertThat(actual.alerts()).extracting(FineConsistency.Alert::kind, FineConsistency.Alert::caseNos,
        FineConsistency.Alert::fines, FineConsistency.Alert::detail)
        .containsExactlyElementsOf(expected.alerts().stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.kind(),
            a.caseNos(), a.fines(), a.detail())).toList());
    assertThat(expected.alerts()).extracting(FineConsistency.Alert::kind).contains(FineConsistency.FAR_FROM_BENCHMARK,
        FineConsistency.OUTLIER, FineConsistency.SAME_FACTORS);
    assertThat(answer.truncated()).as("the large group shows its first cases only").isTrue();
  }

  @Test
  void aWideSetOfEqualFactorsIsCountedWholeAndNamesItsFirstCases() throws Exception {
    for (int i = 0; i < AnalyticsService.SET_CASES_MAX + 5; i++) {
      decided("WATER_EXCEED", "STANDARD", 100_000, i == AnalyticsService.SET_CASES_MAX + 4 ? 2.0 : 1.0, true,
          "exceedRatio=0.5;sensitiveArea=true");
    }
    index.write(documents, List.of(), Instant.now());
    index.refresh();

    FineConsistency.Alert alert = analytics.fineConsistency(PROVINCE, null).report().alerts().stream()
        .filter(a -> a.kind().equals(FineConsistency.SAME_FACTORS)).findFirst().orElseThrow();

    int all = AnalyticsService.SET_CASES_MAX + 5;
    assertThat(alert.caseNos()).containsExactlyElementsOf(cases.stream().map(FineConsistency.FineCase::caseNo)
        .sorted().limit(AnalyticsService.SET_CASES_MAX).toList());
    assertThat(alert.detail()).startsWith(all + "件案件的裁量因素完全相同，罚款从100,000.00元到200,000.00元")
        .endsWith("列出案号在前的" + AnalyticsService.SET_CASES_MAX + "件");
  }
}
