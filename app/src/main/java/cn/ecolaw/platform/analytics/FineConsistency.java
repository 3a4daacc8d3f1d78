package cn.ecolaw.platform.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * 同案不同罚: how consistent the fines actually imposed are with the benchmark the discretion table gave. Engine-free.
 *
 * <p>The method (also explained on the dashboard):
 * <ol>
 *   <li>For every decided case with a benchmark fine, the ratio r = fine imposed / benchmark fine (1 = the benchmark
 *       exactly; 1.3 = 30 % above it).
 *   <li>Per violation type and discretion grade: the median of r and its median absolute deviation
 *       MAD = median(|r − median(r)|). Median and MAD are robust: one wild fine moves neither (a mean and a standard
 *       deviation would follow it). The quartiles, minimum and maximum give the box plot.
 *   <li>Alerts: (a) 偏离基准未说明理由 — |r − 1| above the tolerance (default 20 %) with no written reason;
 *       (b) 同类案件中罚款异常 — the robust score 0.6745·|r − median| / MAD above the outlier score (default 3.5, Iglewicz
 *       and Hoaglin); when MAD is 0 (all others identical) any r off the median by more than the tolerance;
 *       (c) 同案不同罚 — cases whose discretion factors match exactly (same {@code factorsKey}) and whose highest fine
 *       is more than the spread factor (default 1.5) times the lowest, listed together with every case number.
 * </ol>
 */
public final class FineConsistency {

  /** The grades in the order the dashboard shows them. */
  static final List<String> GRADES = List.of("MITIGATED", "LIGHTER", "STANDARD", "HEAVIER");
  static final double MAD_TO_Z = 0.6745;

  public static final String FAR_FROM_BENCHMARK = "FAR_FROM_BENCHMARK_NO_REASON";
  public static final String OUTLIER = "OUTLIER_IN_GROUP";
  public static final String SAME_FACTORS = "SAME_FACTORS_DIFFERENT_FINES";

  /** The thresholds ({@code platform.analytics.*}). */
  public record Settings(double benchmarkTolerance, double outlierScore, double sameFactorsSpread) {
    public static final Settings DEFAULTS = new Settings(0.2, 3.5, 1.5);
  }

  /** One decided case: its fine and the benchmark the table gave, the written reason, the factors the table saw. */
  public record FineCase(String caseNo, String partyName, String violationType, String grade, Double fine,
      Double benchmark, boolean hasReason, String factorsKey) {

    boolean usable() {
      return fine != null && benchmark != null && benchmark > 0 && fine >= 0 && violationType != null
          && grade != null;
    }

    double ratio() {
      return fine / benchmark;
    }
  }

  /** One case on the chart. */
  public record Point(String caseNo, double ratio, double fine, double benchmark, boolean alert) {}

  /** The spread of fine/benchmark in one violation type and grade. box = [min, q1, median, q3, max]. */
  public record Group(String violationType, String grade, int cases, double median, double mad, double robustCv,
      double q1, double q3, double min, double max, List<Double> box, List<Point> points) {}

  /** A case (or, for 同案不同罚, several cases) that a supervisor should look at. */
  public record Alert(String kind, String kindLabel, String violationType, String grade, List<String> caseNos,
      List<Double> fines, Double ratio, String detail) {}

  public record Report(Settings settings, int cases, int excluded, List<Group> groups, List<Alert> alerts) {}

  private FineConsistency() {}

  public static Report analyse(List<FineCase> all, Settings settings) {
    List<FineCase> cases = all.stream().filter(FineCase::usable).toList();
    Map<String, List<FineCase>> byGroup = new TreeMap<>(Comparator.comparing((String k) -> k.split("\\|")[0])
        .thenComparing(k -> gradeOrder(k.split("\\|")[1])).thenComparing(k -> k));
    for (FineCase c : cases) {
      byGroup.computeIfAbsent(c.violationType() + "|" + c.grade(), k -> new ArrayList<>()).add(c);
    }
    List<Alert> alerts = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    for (List<FineCase> members : byGroup.values()) {
      groups.add(group(members, settings, alerts));
    }
    alerts.addAll(sameFactors(cases, settings));
    return new Report(settings, cases.size(), all.size() - cases.size(), groups, alerts);
  }

  private static Group group(List<FineCase> members, Settings settings, List<Alert> alerts) {
    double[] ratios = members.stream().mapToDouble(FineCase::ratio).sorted().toArray();
    double median = median(ratios);
    double mad = mad(ratios, median);
    FineCase first = members.get(0);
    List<FineCase> sorted = members.stream().sorted(Comparator.comparing(FineCase::caseNo)).toList();
    alerts.addAll(groupAlerts(sorted, members.size(), median, mad, settings));
    double q1 = quantile(ratios, 0.25);
    double q3 = quantile(ratios, 0.75);
    return group(first.violationType(), first.grade(), ratios.length, median, mad, q1, q3, ratios[0],
        ratios[ratios.length - 1], sorted, settings);
  }

  private static Group group(String violationType, String grade, int size, double median, double mad, double q1,
      double q3, double min, double max, List<FineCase> shown, Settings settings) {
    List<Point> points = new ArrayList<>();
    for (FineCase c : shown) {
      boolean alert = farFromBenchmark(c, settings) || (size >= 3 && outlier(c.ratio(), median, mad, settings));
      points.add(new Point(c.caseNo(), c.ratio(), c.fine(), c.benchmark(), alert));
    }
    return new Group(violationType, grade, size, median, mad, median == 0 ? 0 : mad / median, q1, q3, min, max,
        List.of(min, q1, median, q3, max), points);
  }

  /** The alerts (a) and (b) of a group's cases, in case-number order; {@code size} is the group's size. */
  private static List<Alert> groupAlerts(List<FineCase> sortedCandidates, int size, double median, double mad,
      Settings settings) {
    List<Alert> alerts = new ArrayList<>();
    for (FineCase c : sortedCandidates) {
      double r = c.ratio();
      if (farFromBenchmark(c, settings)) {
        alerts.add(new Alert(FAR_FROM_BENCHMARK, "偏离基准未说明理由", c.violationType(), c.grade(),
            List.of(c.caseNo()), List.of(c.fine()), r, String.format(Locale.ROOT,
                "罚款%s元为裁量基准%s元的%s，偏离超过%s，未写明偏离理由", yuan(c.fine()), yuan(c.benchmark()),
                percent(r), percent(settings.benchmarkTolerance()))));
      }
      if (size >= 3 && outlier(r, median, mad, settings)) {
        alerts.add(new Alert(OUTLIER, "同类案件中罚款异常", c.violationType(), c.grade(), List.of(c.caseNo()),
            List.of(c.fine()), r, String.format(Locale.ROOT,
                "罚款与基准之比%s，同类（同一违法行为类型和裁量等级）%d件案件的中位数为%s、中位数绝对偏差为%s",
                percent(r), size, percent(median), percent(mad))));
      }
    }
    return alerts;
  }

  /** Alert (a): off the benchmark beyond the tolerance, with no written reason. */
  public static boolean farFromBenchmark(FineCase c, Settings settings) {
    return Math.abs(c.ratio() - 1) > settings.benchmarkTolerance() + 1e-9 && !c.hasReason();
  }

  /**
   * The interval of r inside which no case of a group is an outlier (alert b), widened by a hair so that a search
   * for the cases outside it misses none; each case found is then tested exactly by {@link #outlier}.
   */
  public static double[] inlierInterval(double median, double mad, Settings settings) {
    double half = mad == 0 ? settings.benchmarkTolerance() * Math.max(median, 1e-9)
        : settings.outlierScore() * mad / MAD_TO_Z;
    double hair = 1e-9 * Math.max(1, Math.abs(median) + half);
    return new double[] {median - half - hair, median + half + hair};
  }

  /**
   * A group as the search engine aggregated it: its size and the statistics of r (median, MAD, quartiles, min, max),
   * and the cases shown on the chart (in case-number order, at most the engine's cap).
   */
  public record GroupStatistics(String violationType, String grade, int cases, double median, double mad, double q1,
      double q3, double min, double max, List<FineCase> shown) {}

  /**
   * The report from the search engine's aggregations, equal to {@link #analyse} over the same cases: {@code all} the
   * decided cases (usable or not), the groups' statistics, the candidates for alerts (a) and (b) (any superset of the
   * cases that raise them) and the sets of equal discretion factors whose fines may differ widely.
   */
  public static Report assemble(int all, List<GroupStatistics> statistics, List<FineCase> candidates,
      List<FactorSet> factorSets, Settings settings) {
    List<GroupStatistics> ordered = statistics.stream().sorted(Comparator
        .comparing(GroupStatistics::violationType).thenComparing(g -> gradeOrder(g.grade()))
        .thenComparing(GroupStatistics::grade)).toList();
    Map<String, List<FineCase>> candidatesByGroup = new LinkedHashMap<>();
    candidates.stream().filter(FineCase::usable).sorted(Comparator.comparing(FineCase::caseNo)).distinct()
        .forEach(c -> candidatesByGroup.computeIfAbsent(c.violationType() + "|" + c.grade(), k -> new ArrayList<>())
            .add(c));
    List<Group> groups = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    int usable = 0;
    for (GroupStatistics g : ordered) {
      usable += g.cases();
      alerts.addAll(groupAlerts(candidatesByGroup.getOrDefault(g.violationType() + "|" + g.grade(), List.of()),
          g.cases(), g.median(), g.mad(), settings));
      groups.add(group(g.violationType(), g.grade(), g.cases(), g.median(), g.mad(), g.q1(), g.q3(), g.min(), g.max(),
          g.shown().stream().filter(FineCase::usable).sorted(Comparator.comparing(FineCase::caseNo)).toList(),
          settings));
    }
    alerts.addAll(sameFactorAlerts(factorSets, settings));
    return new Report(settings, usable, all - usable, groups, alerts);
  }

  /** The robust (modified) z-score test; with MAD 0 any departure beyond the tolerance. */
  static boolean outlier(double r, double median, double mad, Settings settings) {
    if (mad == 0) {
      return Math.abs(r - median) > settings.benchmarkTolerance() * Math.max(median, 1e-9) + 1e-9;
    }
    return MAD_TO_Z * Math.abs(r - median) / mad > settings.outlierScore();
  }

  private static List<Alert> sameFactors(List<FineCase> cases, Settings settings) {
    Map<String, List<FineCase>> byFactors = new LinkedHashMap<>();
    cases.stream().filter(c -> c.factorsKey() != null && !c.factorsKey().isBlank())
        .sorted(Comparator.comparing(FineCase::caseNo))
        .forEach(c -> byFactors.computeIfAbsent(c.violationType() + "|" + c.factorsKey(), k -> new ArrayList<>())
            .add(c));
    List<FactorSet> sets = new ArrayList<>();
    for (List<FineCase> same : byFactors.values()) {
      FineCase first = same.get(0);
      sets.add(new FactorSet(first.violationType(), first.factorsKey(), same.size(),
          same.stream().mapToDouble(FineCase::fine).min().orElse(0),
          same.stream().mapToDouble(FineCase::fine).max().orElse(0), same));
    }
    return sameFactorAlerts(sets, settings);
  }

  /**
   * Cases of one violation type whose discretion factors match exactly: how many, the lowest and highest fine, and
   * the cases named in the alert (in case-number order; the search engine names the first ones of a large set).
   */
  public record FactorSet(String violationType, String factorsKey, int cases, double low, double high,
      List<FineCase> shown) {}

  /** Alert (c) for each set whose fines differ widely, in the order of the sets' first case numbers. */
  private static List<Alert> sameFactorAlerts(List<FactorSet> sets, Settings settings) {
    List<Alert> alerts = new ArrayList<>();
    for (FactorSet set : sets.stream().filter(x -> x.cases() >= 2 && !x.shown().isEmpty())
        .sorted(Comparator.comparing(x -> x.shown().get(0).caseNo())).toList()) {
      double low = set.low();
      double high = set.high();
      if (!(low == 0 ? high > 0 : high / low > settings.sameFactorsSpread() + 1e-9)) {
        continue;
      }
      FineCase first = set.shown().get(0);
      alerts.add(new Alert(SAME_FACTORS, "同案不同罚", first.violationType(), first.grade(),
          set.shown().stream().map(FineCase::caseNo).toList(), set.shown().stream().map(FineCase::fine).toList(),
          low == 0 ? null : high / low, String.format(Locale.ROOT,
              "%d件案件的裁量因素完全相同，罚款从%s元到%s元，最高为最低的%s倍（阈值%s倍）%s", set.cases(), yuan(low),
              yuan(high), low == 0 ? "∞" : trim(high / low), trim(settings.sameFactorsSpread()),
              set.shown().size() < set.cases() ? "；列出案号在前的" + set.shown().size() + "件" : "")));
    }
    return alerts;
  }

  // ------------------------------------------------------------------------------------------------ statistics

  /** The median of sorted values. */
  static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median absolute deviation from the median. */
  static double mad(double[] values, double median) {
    double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
    return median(deviations);
  }

  /** The p-quantile of sorted values, linear between closest ranks (R-7, as spreadsheets compute it). */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static int gradeOrder(String grade) {
    int i = GRADES.indexOf(grade);
    return i < 0 ? GRADES.size() : i;
  }

  private static String yuan(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String percent(double r) {
    return String.format(Locale.ROOT, "%.1f%%", r * 100);
  }

  private static String trim(double v) {
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
  }
}
