package cn.ecolaw.platform.analytics;

import cn.ecolaw.platform.search.CaseIndex;
import cn.ecolaw.platform.search.SearchUnavailableException;
import cn.ecolaw.platform.shared.PlatformException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import cn.ecolaw.platform.analytics.FineConsistency.Settings;
import org.springframework.stereotype.Service;

/**
 * The dashboards' figures, aggregated by Elasticsearch over the case index (one document per process instance of
 * every flow, see docs/search.md); the fine-consistency statistics too: the index holds each decided case's
 * {@code discretion.fineRatio}, Elasticsearch aggregates it per violation type and grade (stats, quartiles, median
 * absolute deviation: exact for small groups, t-digest estimates for large ones), and only the cases that raise an
 * alert (a) or (b), the first {@value #POINTS_MAX} of each group for the chart and the first {@value #SET_CASES_MAX} of each
 * set of equal factors with widely differing fines (alert c) are read ({@link FineConsistency#assemble}). Every query carries the reader's unit filter
 * ({@link Scope}). Elasticsearch off or down: 503 ANA-503. Bad parameters: 400 with a code and a Chinese message.
 */
@Service
public class AnalyticsService {

  static final String ENFORCEMENT = "enforcement-case";
  static final Set<String> BY = Set.of("domain", "region", "month");
  static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  /** The decided cases read for the fine-consistency statistics at most (the answer says when there were more). */
  static final int FINE_CASES_MAX = 200_000;
  static final int PAGE = 2_000;

  private final CaseIndex index;
  private final AnalyticsProperties properties;

  public AnalyticsService(CaseIndex index, AnalyticsProperties properties) {
    this.index = index;
    this.properties = properties;
  }

  // ------------------------------------------------------------------------------------------------ caseload

  public Dashboards.Caseload caseload(Scope scope, String by, String process, String from, String to) {
    String dimension = by == null || by.isBlank() ? "month" : by.strip();
    if (!BY.contains(dimension)) {
      throw PlatformException.badRequest("ANA-002", "统计维度 by 只能是 domain（领域）、region（地区）或 month（月份），"
          + "不能是“" + dimension + "”");
    }
    String flow = process(process);
    YearMonth first = month("from", from);
    YearMonth last = month("to", to);
    if (first != null && last != null && first.isAfter(last)) {
      throw PlatformException.badRequest("ANA-004", "起始月份 from（" + first + "）不能晚于截止月份 to（" + last + "）");
    }
    List<Query> filters = visibility(scope);
    if (flow != null) {
      filters.add(term("process", flow));
    }
    if (first != null || last != null) {
      filters.add(Query.of(q -> q.range(r -> r.term(t -> {
        t.field("month");
        if (first != null) {
          t.gte(first.toString());
        }
        if (last != null) {
          t.lte(last.toString());
        }
        return t;
      }))));
    }
    Aggregation months = Aggregation.of(a -> a.terms(t -> t.field("month").size(1200)
        .order(NamedValue.of("_key", SortOrder.Asc))));
    String field = switch (dimension) {
      case "domain" -> "domain";
      case "region" -> "region";
      default -> "month";
    };
    SearchResponse<Void> response = search(s -> s.index(index.name()).size(0).trackTotalHits(t -> t.enabled(true))
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations("months", months)
        .aggregations("by", a -> a.terms(t -> {
          t.field(field).size(1200);
          if (field.equals("month")) {
            return t.order(NamedValue.of("_key", SortOrder.Asc));
          }
          // documents without the field (a court flow has no domain) count under 未填写
          return t.missing("").order(List.of(NamedValue.of("_count", SortOrder.Desc),
              NamedValue.of("_key", SortOrder.Asc)));
        }).aggregations("months", months)));
    List<String> allMonths = keys(response.aggregations().get("months"));
    List<Dashboards.CaseloadBucket> buckets = new ArrayList<>();
    List<StringTermsBucket> raw = response.aggregations().get("by").sterms().buckets().array();
    for (int i = 0; i < raw.size(); i++) {
      StringTermsBucket b = raw.get(i);
      String key = b.key().stringValue();
      List<Dashboards.MonthCount> series;
      long lastMonth;
      long previousMonth;
      if (field.equals("month")) {
        series = List.of(new Dashboards.MonthCount(key, b.docCount()));
        lastMonth = b.docCount();
        previousMonth = i == 0 ? 0 : raw.get(i - 1).docCount();
      } else {
        Map<String, Long> counts = counts(b.aggregations().get("months"));
        series = allMonths.stream().map(m -> new Dashboards.MonthCount(m, counts.getOrDefault(m, 0L))).toList();
        lastMonth = allMonths.isEmpty() ? 0 : counts.getOrDefault(allMonths.get(allMonths.size() - 1), 0L);
        previousMonth = allMonths.size() < 2 ? 0 : counts.getOrDefault(allMonths.get(allMonths.size() - 2), 0L);
      }
      buckets.add(new Dashboards.CaseloadBucket(key, label(field, key), b.docCount(), series, lastMonth,
          previousMonth, lastMonth - previousMonth));
    }
    return new Dashboards.Caseload(scope.label(), dimension, flow == null ? "all" : flow,
        first == null ? null : first.toString(), last == null ? null : last.toString(),
        response.hits().total() == null ? 0 : response.hits().total().value(), allMonths, buckets);
  }

  private static String label(String field, String key) {
    if (key == null || key.isEmpty()) {
      return "未填写";
    }
    return switch (field) {
      case "domain" -> Labels.of(Labels.DOMAINS, key);
      case "month" -> key.substring(0, 4) + "年" + Integer.parseInt(key.substring(5)) + "月";
      default -> key;
    };
  }

  // ------------------------------------------------------------------------------------------------ deadlines

  public Dashboards.Deadlines deadlines(Scope scope, String process) {
    String flow = process(process);
    List<Query> filters = visibility(scope);
    if (flow != null) {
      filters.add(term("process", flow));
    }
    Aggregation perDeadline = Aggregation.of(a -> a.nested(n -> n.path("deadlines"))
        .aggregations("state", s -> s.terms(t -> t.field("deadlines.state").size(5)))
        .aggregations("name", n -> n.terms(t -> t.field("deadlines.name").size(200)
                .order(NamedValue.of("_key", SortOrder.Asc)))
            .aggregations("label", l -> l.terms(t -> t.field("deadlines.label").size(1)))
            .aggregations("state", s -> s.terms(t -> t.field("deadlines.state").size(5)))));
    SearchResponse<Map> response = search(s -> s.index(index.name()).size(50)
        .query(q -> q.bool(b -> b.filter(filters).filter(f -> f.wildcard(w -> w.field("deadlineStates")
            .value("*:missed")))))
        .source(src -> src.filter(f -> f.includes("caseNo", "process", "partyName", "deadlineStates")))
        .sort(o -> o.field(f -> f.field("filedAt").order(SortOrder.Desc)))
        .trackTotalHits(t -> t.enabled(true)), Map.class);
    // the aggregations count every deadline in scope, the hits list the cases with a missed one
    SearchResponse<Void> agg = search(s -> s.index(index.name()).size(0)
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations("all", perDeadline)
        .aggregations("flow", a -> a.terms(t -> t.field("process").size(50)).aggregations("d", perDeadline))
        .aggregations("unit", a -> a.terms(t -> {
          t.field("units").size(200);
          if (!scope.all()) {
            t.include(i -> i.terms(scope.units()));
          }
          return t;
        }).aggregations("d", perDeadline)));
    Map<String, Long> totals = counts(agg.aggregations().get("all").nested().aggregations().get("state"));
    List<Dashboards.DeadlineGroup> byFlow = new ArrayList<>();
    for (StringTermsBucket b : agg.aggregations().get("flow").sterms().buckets().array()) {
      String key = b.key().stringValue();
      byFlow.add(group(key, Labels.of(Labels.PROCESSES, key), b.aggregations().get("d")));
    }
    byFlow.removeIf(g -> g.deadlines().isEmpty());
    List<Dashboards.DeadlineGroup> byUnit = new ArrayList<>();
    for (StringTermsBucket b : agg.aggregations().get("unit").sterms().buckets().array()) {
      String key = b.key().stringValue();
      byUnit.add(group(key, scope.nameOf(key), b.aggregations().get("d")));
    }
    List<Dashboards.MissedCase> missed = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      Map<?, ?> d = hit.source();
      if (d == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      if (d.get("deadlineStates") instanceof Collection<?> states) {
        for (Object state : states) {
          String s = String.valueOf(state);
          if (s.endsWith(":missed")) {
            names.add(s.substring(0, s.length() - ":missed".length()));
          }
        }
      }
      String p = (String) d.get("process");
      missed.add(new Dashboards.MissedCase((String) d.get("caseNo"), p, Labels.of(Labels.PROCESSES, p),
          (String) d.get("partyName"), names));
    }
    return new Dashboards.Deadlines(scope.label(), totals.getOrDefault("met", 0L),
        totals.getOrDefault("pending", 0L), totals.getOrDefault("missed", 0L), byFlow, byUnit, missed);
  }

  private static Dashboards.DeadlineGroup group(String key, String label, Aggregate nested) {
    Map<String, Aggregate> aggs = nested.nested().aggregations();
    Map<String, Long> totals = counts(aggs.get("state"));
    List<Dashboards.DeadlineRow> rows = new ArrayList<>();
    for (StringTermsBucket n : aggs.get("name").sterms().buckets().array()) {
      Map<String, Long> states = counts(n.aggregations().get("state"));
      List<String> labels = keys(n.aggregations().get("label"));
      String name = n.key().stringValue();
      rows.add(new Dashboards.DeadlineRow(name, labels.isEmpty() ? name : labels.get(0),
          states.getOrDefault("met", 0L), states.getOrDefault("pending", 0L), states.getOrDefault("missed", 0L)));
    }
    return new Dashboards.DeadlineGroup(key, label, totals.getOrDefault("met", 0L),
        totals.getOrDefault("pending", 0L), totals.getOrDefault("missed", 0L), rows);
  }

  // ------------------------------------------------------------------------------------------------ headline

  public Dashboards.Headline headline(Scope scope) {
    List<Query> filters = visibility(scope);
    Query enforcement = term("process", ENFORCEMENT);
    SearchResponse<Void> r = search(s -> s.index(index.name()).size(0)
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations("process", a -> a.terms(t -> t.field("process").size(50)))
        .aggregations("enforcement", a -> a.filter(enforcement)
            .aggregations("received", x -> x.filter(term("clueSource", "TRANSFER")))
            .aggregations("toPolice", x -> x.filter(f -> f.bool(b -> b.minimumShouldMatch("1")
                .should(term("outcome", "TRANSFERRED_TO_POLICE"))
                .should(p -> p.prefix(px -> px.field("deadlineStates").value("policeAnswerDue:"))))))
            .aggregations("units", x -> x.terms(t -> t.field("units").size(200)))
            .aggregations("fine", x -> x.sum(m -> m.field("fine")))
            .aggregations("collected", x -> x.sum(m -> m.field("collected")))));
    Map<String, Long> processes = counts(r.aggregations().get("process"));
    var enf = r.aggregations().get("enforcement").filter();
    long cases = enf.docCount();
    long received = enf.aggregations().get("received").filter().docCount();
    long toPolice = enf.aggregations().get("toPolice").filter().docCount();
    List<Dashboards.Count> court = new ArrayList<>();
    long courtTotal = 0;
    for (String p : Labels.COURT_PROCESSES) {
      long n = processes.getOrDefault(p, 0L);
      courtTotal += n;
      court.add(new Dashboards.Count(p, Labels.of(Labels.PROCESSES, p), n));
    }
    Map<String, Long> units = counts(enf.aggregations().get("units"));
    long unitReads = units.values().stream().mapToLong(Long::longValue).sum();
    List<Dashboards.Count> shared = new ArrayList<>();
    // the units the cases are shared with: for a unit's reader the others; at province level every unit
    units.forEach((unit, n) -> {
      if (scope.all() || !scope.units().contains(unit)) {
        shared.add(new Dashboards.Count(unit, scope.nameOf(unit), n));
      }
    });
    return new Dashboards.Headline(scope.label(), cases, received + toPolice, received, toPolice, courtTotal, court,
        Math.max(0, unitReads - cases), shared, enf.aggregations().get("fine").sum().value(),
        enf.aggregations().get("collected").sum().value());
  }

  // ---------------------------------------------------------------------------------------- fine consistency

  public Dashboards.FineConsistencyAnswer fineConsistency(Scope scope, String violationType) {
    String type = violationType == null || violationType.isBlank() ? null : violationType.strip();
    if (type != null && !Labels.VIOLATION_TYPES.containsKey(type)) {
      throw PlatformException.badRequest("ANA-005", "未知的违法行为类型 violationType：“" + type + "”（可选："
          + String.join("、", Labels.VIOLATION_TYPES.keySet()) + "）");
    }
    List<Query> filters = visibility(scope);
    filters.add(term("process", ENFORCEMENT));
    filters.add(Query.of(q -> q.exists(e -> e.field("fine"))));
    filters.add(Query.of(q -> q.exists(e -> e.field("decidedAt"))));
    filters.add(Query.of(q -> q.exists(e -> e.field("discretion.grade"))));
    if (type != null) {
      filters.add(term("violationType", type));
    }
    Settings settings = properties.settings();
    List<Query> usable = new ArrayList<>(filters);
    usable.add(Query.of(q -> q.exists(e -> e.field(RATIO))));
    usable.add(Query.of(q -> q.exists(e -> e.field("violationType"))));
    // one request: the groups' statistics (stats, quartiles, MAD of the ratio) and the first cases of each group for
    // the chart; the sets of equal discretion factors with their lowest and highest fine
    Aggregation shownCases = firstCases(POINTS_MAX);
    Aggregation grades = Aggregation.of(g -> g.terms(x -> x.field("discretion.grade").size(100))
        .aggregations("stats", m -> m.stats(x -> x.field(RATIO)))
        .aggregations("quartiles", m -> m.percentiles(x -> x.field(RATIO).percents(25.0, 50.0, 75.0)))
        .aggregations("mad", m -> m.medianAbsoluteDeviation(x -> x.field(RATIO)))
        .aggregations("shown", shownCases));
    Aggregation factorSets = Aggregation.of(g -> g.terms(x -> x.field("discretion.factorsKey").size(FACTOR_SETS_MAX)
            .minDocCount(2))
        .aggregations("low", m -> m.min(x -> x.field("fine")))
        .aggregations("high", m -> m.max(x -> x.field("fine"))));
    Aggregation types = Aggregation.of(t -> t.terms(x -> x.field("violationType").size(1000))
        .aggregations("grades", grades).aggregations("factors", factorSets));
    List<Query> usableOnly = usable.subList(filters.size(), usable.size());
    SearchResponse<Void> aggregated = search(s -> s.index(index.name()).size(0).trackTotalHits(t -> t.enabled(true))
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations("usable", a -> a.filter(f -> f.bool(b -> b.filter(usableOnly))).aggregations("types", types)));
    int all = (int) aggregated.hits().total().value();
    List<FineConsistency.GroupStatistics> groups = new ArrayList<>();
    List<Query> outlierSearch = new ArrayList<>();
    List<Query> wideSets = new ArrayList<>();
    Map<String, double[]> wideSetFines = new LinkedHashMap<>();
    boolean truncated = false;
    for (StringTermsBucket typeBucket : aggregated.aggregations().get("usable").filter().aggregations().get("types")
        .sterms().buckets().array()) {
      String violation = typeBucket.key().stringValue();
      for (StringTermsBucket gradeBucket : typeBucket.aggregations().get("grades").sterms().buckets().array()) {
        String grade = gradeBucket.key().stringValue();
        var aggs = gradeBucket.aggregations();
        var quartiles = aggs.get("quartiles").tdigestPercentiles().values().keyed();
        double median = Double.parseDouble(quartiles.get("50.0"));
        double mad = aggs.get("mad").medianAbsoluteDeviation().value();
        List<FineConsistency.FineCase> shown = firstCases(aggs.get("shown"), violation, grade);
        int size = (int) gradeBucket.docCount();
        truncated |= size > shown.size();
        double q1 = Double.parseDouble(quartiles.get("25.0"));
        double q3 = Double.parseDouble(quartiles.get("75.0"));
        groups.add(new FineConsistency.GroupStatistics(violation, grade, size, median, mad, q1, q3,
            aggs.get("stats").stats().min(), aggs.get("stats").stats().max(), shown));
        if (size >= 3) {
          double[] inside = FineConsistency.inlierInterval(median, mad, settings);
          outlierSearch.add(Query.of(q -> q.bool(b -> b.filter(term("violationType", violation),
              term("discretion.grade", grade)).should(below(RATIO, inside[0]), above(RATIO, inside[1]))
              .minimumShouldMatch("1"))));
        }
      }
      for (StringTermsBucket set : typeBucket.aggregations().get("factors").sterms().buckets().array()) {
        double low = set.aggregations().get("low").min().value();
        double high = set.aggregations().get("high").max().value();
        String key = set.key().stringValue();
        boolean wide = low == 0 ? high > 0 : high / low > settings.sameFactorsSpread() + 1e-9;
        if (!key.isBlank() && wide) {
          wideSets.add(Query.of(q -> q.bool(b -> b.filter(term("violationType", violation),
              term("discretion.factorsKey", key)))));
          wideSetFines.put(violation + "|" + key, new double[] {set.docCount(), low, high});
        }
      }
    }
    // the candidates for the alerts: off the benchmark beyond the tolerance without a reason, or outside their
    // group's inlier interval; each is tested exactly again by FineConsistency
    double tolerance = settings.benchmarkTolerance() + 1e-9;
    List<Query> candidates = new ArrayList<>(outlierSearch);
    candidates.add(Query.of(q -> q.bool(b -> b.should(below(RATIO, 1 - tolerance), above(RATIO, 1 + tolerance))
        .minimumShouldMatch("1").mustNot(m -> m.term(t -> t.field("discretion.hasDeviationReason").value(true))))));
    List<FineConsistency.FineCase> alerted = new ArrayList<>();
    truncated |= fineCases(usable, candidates, alerted);
    // the sets of equal factors whose fines differ widely: their first cases (by case number), one request
    List<FineConsistency.FactorSet> sets = new ArrayList<>();
    if (!wideSets.isEmpty()) {
      SearchResponse<Void> named = search(s -> s.index(index.name()).size(0)
          .query(q -> q.bool(b -> b.filter(usable)
              .filter(f -> f.bool(any -> any.should(wideSets).minimumShouldMatch("1")))))
          .aggregations("types", t -> t.terms(x -> x.field("violationType").size(1000))
              .aggregations("factors", f -> f.terms(x -> x.field("discretion.factorsKey").size(FACTOR_SETS_MAX))
                  .aggregations("shown", firstCases(SET_CASES_MAX)))));
      for (StringTermsBucket typeBucket : named.aggregations().get("types").sterms().buckets().array()) {
        for (StringTermsBucket set : typeBucket.aggregations().get("factors").sterms().buckets().array()) {
          String key = typeBucket.key().stringValue() + "|" + set.key().stringValue();
          double[] fines = wideSetFines.get(key);
          if (fines == null) {
            continue;
          }
          List<FineConsistency.FineCase> shown = firstCases(set.aggregations().get("shown"),
              typeBucket.key().stringValue(), null);
          sets.add(new FineConsistency.FactorSet(typeBucket.key().stringValue(), set.key().stringValue(),
              (int) fines[0], fines[1], fines[2], shown));
        }
      }
    }
    FineConsistency.Report report = FineConsistency.assemble(all, groups, alerted, sets, settings);
    return new Dashboards.FineConsistencyAnswer(scope.label(), method(settings), report,
        Labels.VIOLATION_TYPES, Labels.GRADES, truncated);
  }

  private static final String RATIO = "discretion.fineRatio";
  /** The cases shown per group on the chart at most (the statistics cover every case). */
  static final int POINTS_MAX = 100;
  static final int FACTOR_SETS_MAX = 10_000;
  /** The cases an alert (c) names at most (its count, lowest and highest fine cover the whole set). */
  static final int SET_CASES_MAX = 20;

  /**
   * The first {@code n} cases by case number, each with its fine, benchmark, grade and whether it has a reason: a
   * terms aggregation on the case number (global ordinals) with metric sub-aggregations, not {@code top_hits}, whose
   * fetch per bucket cost about a second at 100,000 cases.
   */
  private static Aggregation firstCases(int n) {
    return Aggregation.of(a -> a.terms(t -> t.field("caseNo").size(n).order(NamedValue.of("_key", SortOrder.Asc)))
        .aggregations("fine", x -> x.max(m -> m.field("fine")))
        .aggregations("benchmark", x -> x.max(m -> m.field("benchmarkFine")))
        .aggregations("discretionBenchmark", x -> x.max(m -> m.field("discretion.benchmarkFine")))
        .aggregations("reason", x -> x.max(m -> m.field("discretion.hasDeviationReason")))
        .aggregations("grade", x -> x.terms(t -> t.field("discretion.grade").size(1))));
  }

  /** The cases of a {@link #firstCases(int)} aggregation (grade from the bucket when null). */
  private static List<FineConsistency.FineCase> firstCases(Aggregate shown, String violationType, String grade) {
    List<FineConsistency.FineCase> out = new ArrayList<>();
    for (StringTermsBucket b : shown.sterms().buckets().array()) {
      var aggs = b.aggregations();
      Double benchmark = finite(aggs.get("benchmark").max().value());
      if (benchmark == null) {
        benchmark = finite(aggs.get("discretionBenchmark").max().value());
      }
      List<StringTermsBucket> grades = aggs.get("grade").sterms().buckets().array();
      String g = grade != null ? grade : grades.isEmpty() ? null : grades.get(0).key().stringValue();
      out.add(new FineConsistency.FineCase(b.key().stringValue(), null, violationType, g,
          finite(aggs.get("fine").max().value()), benchmark, aggs.get("reason").max().value() > 0, null));
    }
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** {@code field < value}. */
  private static Query below(String field, double value) {
    return Query.of(q -> q.range(r -> r.number(n -> n.field(field).lt(value))));
  }

  /** {@code field > value}. */
  private static Query above(String field, double value) {
    return Query.of(q -> q.range(r -> r.number(n -> n.field(field).gt(value))));
  }


  /**
   * The decided cases matching the filters and any of {@code anyOf}, read from doc values in case-number order into
   * {@code out}; true when there were more than {@link #FINE_CASES_MAX}.
   */
  private boolean fineCases(List<Query> filters, List<Query> anyOf, List<FineConsistency.FineCase> out) {
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> searchAfter = after;
      // doc values, not the source: a case's source holds the text of all its documents
      SearchResponse<Void> page = search(s -> {
        s.index(index.name()).size(PAGE).source(src -> src.fetch(false))
            .query(q -> q.bool(b -> b.filter(filters)
                .filter(f -> f.bool(any -> any.should(anyOf).minimumShouldMatch("1")))))
            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        for (String field : FINE_FIELDS) {
          s.docvalueFields(f -> f.field(field));
        }
        if (searchAfter != null) {
          s.searchAfter(searchAfter);
        }
        return s;
      }, Void.class);
      List<Hit<Void>> hits = page.hits().hits();
      for (Hit<Void> hit : hits) {
        out.add(fineCase(hit.fields()));
      }
      if (hits.size() < PAGE) {
        return false;
      }
      if (out.size() >= FINE_CASES_MAX) {
        return true;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  static final List<String> FINE_FIELDS = List.of("caseNo", "partyName", "violationType", "fine", "benchmarkFine",
      "discretion.grade", "discretion.benchmarkFine", "discretion.hasDeviationReason", "discretion.factorsKey");

  /** A decided case from its doc values (each field an array of one value). */
  static FineConsistency.FineCase fineCase(Map<String, JsonData> fields) {
    Double benchmark = number(first(fields, "benchmarkFine"));
    if (benchmark == null) {
      benchmark = number(first(fields, "discretion.benchmarkFine"));
    }
    JsonValue reason = first(fields, "discretion.hasDeviationReason");
    return new FineConsistency.FineCase(string(first(fields, "caseNo")), string(first(fields, "partyName")),
        string(first(fields, "violationType")), string(first(fields, "discretion.grade")),
        number(first(fields, "fine")), benchmark, reason != null && reason.getValueType() == JsonValue.ValueType.TRUE,
        string(first(fields, "discretion.factorsKey")));
  }

  private static JsonValue first(Map<String, JsonData> fields, String name) {
    JsonData data = fields.get(name);
    if (data == null) {
      return null;
    }
    JsonValue v = data.toJson();
    if (v instanceof JsonArray a) {
      return a.isEmpty() ? null : a.get(0);
    }
    return v;
  }

  private static String string(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : null;
  }

  private static Double number(JsonValue v) {
    return v instanceof JsonNumber n ? n.doubleValue() : null;
  }

  static String method(FineConsistency.Settings s) {
    return String.format(java.util.Locale.ROOT, "对每件已作出处罚决定的案件计算“实际罚款 ÷ 裁量基准金额”（1 即与基准相同）；"
        + "按违法行为类型和裁量等级分组，取该比值的中位数和中位数绝对偏差（MAD，各案与中位数之差的绝对值的中位数）。"
        + "中位数和 MAD 不受个别极端罚款影响（平均数和标准差会被拉偏）。预警：①偏离基准超过 %.0f%% 且未写明理由；"
        + "②同组中稳健得分 0.6745×|比值−中位数|÷MAD 超过 %.1f（MAD 为 0 时，偏离中位数超过 %.0f%%）；"
        + "③裁量因素完全相同的案件，最高罚款超过最低罚款的 %.1f 倍（同案不同罚）。",
        s.benchmarkTolerance() * 100, s.outlierScore(), s.benchmarkTolerance() * 100, s.sameFactorsSpread());
  }

  // ---------------------------------------------------------------------------------------------- plumbing

  /** The reader's unit filter: documents that one of the reader's units may open (none for province level). */
  static List<Query> visibility(Scope scope) {
    List<Query> filters = new ArrayList<>();
    if (!scope.all()) {
      filters.add(Query.of(q -> q.terms(t -> t.field("units")
          .terms(v -> v.value(scope.units().stream().map(FieldValue::of).toList())))));
    }
    return filters;
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  /** enforcement-case unless given; {@code all} = every flow. */
  static String process(String process) {
    if (process == null || process.isBlank()) {
      return ENFORCEMENT;
    }
    String p = process.strip();
    if (p.equals("all")) {
      return null;
    }
    if (!Labels.PROCESSES.containsKey(p)) {
      throw PlatformException.badRequest("ANA-003", "未知的流程 process：“" + p + "”（可选：all、"
          + String.join("、", Labels.PROCESSES.keySet()) + "）");
    }
    return p;
  }

  static YearMonth month(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (!MONTH.matcher(v).matches()) {
        throw new DateTimeParseException("", v, 0);
      }
      YearMonth m = YearMonth.parse(v);
      if (m.getYear() < 2000 || m.getYear() > 2100) {
        throw new DateTimeParseException("", v, 0);
      }
      return m;
    } catch (DateTimeParseException e) {
      throw PlatformException.badRequest("ANA-004", "月份 " + name + " 应写作 yyyy-MM（如 2026-03），不能是“" + v + "”");
    }
  }

  private static List<String> keys(Aggregate terms) {
    List<String> keys = new ArrayList<>();
    for (StringTermsBucket b : terms.sterms().buckets().array()) {
      keys.add(b.key().stringValue());
    }
    return keys;
  }

  private static Map<String, Long> counts(Aggregate terms) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (StringTermsBucket b : terms.sterms().buckets().array()) {
      counts.put(b.key().stringValue(), b.docCount());
    }
    return counts;
  }

  private SearchResponse<Void> search(java.util.function.Function<SearchRequest.Builder,
      co.elastic.clients.util.ObjectBuilder<SearchRequest>> request) {
    return search(request, Void.class);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private <T> SearchResponse<T> search(java.util.function.Function<SearchRequest.Builder,
      co.elastic.clients.util.ObjectBuilder<SearchRequest>> request, Class<T> type) {
    try {
      index.ensure();
      ElasticsearchClient es = index.client();
      return es.search(request, type);
    } catch (SearchUnavailableException e) {
      throw new AnalyticsUnavailableException("未配置搜索服务（platform.search.url）");
    } catch (ElasticsearchException e) {
      throw new AnalyticsUnavailableException("搜索服务答复错误（" + e.error().type() + "）");
    } catch (IOException e) {
      throw new AnalyticsUnavailableException("无法连接搜索服务");
    }
  }
}
