import cn.ecolaw.platform.analytics.AnalyticsProperties;
import cn.ecolaw.platform.analytics.AnalyticsService;
import cn.ecolaw.platform.analytics.Scope;
import cn.ecolaw.platform.search.CaseIndex;
import cn.ecolaw.platform.search.SearchClient;
import cn.ecolaw.platform.search.SearchProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The dashboards' aggregations on a large synthetic case index (issue 10: "dashboard aggregation p50/p95").
 * Indexes N synthetic case documents (the index's own mapping, search/case-index.json) into a separate index, then
 * times every /api/analytics query of AnalyticsService at province level (all units) and for one bureau.
 * Usage: bench/dashboard-bench.sh [documents=1000000] [rounds=30]; ELASTICSEARCH_URL names the node.
 */
public class DashboardBench {

  static final String[][] PLACES = {
      {"湖州市", "吴兴区"}, {"湖州市", "南浔区"}, {"湖州市", "德清县"}, {"湖州市", "长兴县"}, {"湖州市", "安吉县"},
      {"杭州市", "西湖区"}, {"杭州市", "萧山区"}, {"宁波市", "北仑区"}, {"温州市", "鹿城区"}, {"嘉兴市", "海宁市"},
      {"绍兴市", "柯桥区"}, {"金华市", "义乌市"}, {"台州市", "黄岩区"}, {"衢州市", "柯城区"}, {"丽水市", "莲都区"}};
  static final String[][] TYPES = {{"WATER", "WATER_EXCEED"}, {"AIR", "AIR_EXCEED"},
      {"SOLID_WASTE", "SOLID_WASTE_GENERAL"}, {"SOLID_WASTE", "HAZARDOUS_WASTE"}, {"EIA", "EIA_UNAPPROVED"},
      {"NOISE", "WATER_EXCEED"}, {"SOIL", "SOLID_WASTE_SERIOUS"}};
  static final String[] GRADES = {"MITIGATED", "LIGHTER", "STANDARD", "STANDARD", "STANDARD", "HEAVIER"};
  static final String[] COURT = {"non-litigation-execution", "injunction", "restoration", "mediation-routing",
      "judicial-confirmation"};
  static final String[] DEADLINES = {"filingDue", "decisionDue", "serviceDue", "paymentDue", "acceptanceDue",
      "rulingDue"};
  static final String[] STATES = {"met", "met", "met", "met", "pending", "missed"};

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String url = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
    String indexName = System.getenv().getOrDefault("BENCH_INDEX", "ecocase-bench-dashboard");
    SearchClient client = new SearchClient(new SearchProperties(url, null, null, null, null, indexName,
        Duration.ofMillis(200), 200, Duration.ofSeconds(1)));
    CaseIndex index = new CaseIndex(client);
    ElasticsearchClient es = index.client();

    long present = es.indices().exists(e -> e.index(indexName)).value() ? es.count(c -> c.index(indexName)).count() : 0;
    if (present != documents) {
      index.drop();
      index.ensure();
      es.indices().putSettings(s -> s.index(indexName).settings(x -> x.refreshInterval(t -> t.time("-1"))));
      long start = System.nanoTime();
      Random random = new Random(20261129L);
      int batch = 5_000;
      for (int from = 0; from < documents; from += batch) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(indexName);
        for (int i = from; i < Math.min(documents, from + batch); i++) {
          Map<String, Object> doc = document(i, random);
          bulk.operations(op -> op.index(x -> x.id((String) doc.get("id")).document(doc)));
        }
        BulkResponse r = es.bulk(bulk.build());
        if (r.errors()) {
          throw new IllegalStateException("bulk errors: " + r.items().stream().filter(it -> it.error() != null)
              .findFirst().map(it -> it.error().reason()).orElse("?"));
        }
      }
      es.indices().putSettings(s -> s.index(indexName).settings(x -> x.refreshInterval(t -> t.time("500ms"))));
      index.refresh();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("indexed %,d synthetic case documents in %.1f s: %,.0f docs/s (bulk of %d)%n", documents,
          seconds, documents / seconds, batch);
    } else {
      System.out.printf("index %s already holds %,d documents: reused%n", indexName, present);
    }

    AnalyticsService analytics = new AnalyticsService(index, new AnalyticsProperties(null, null, null, null, null));
    Scope province = new Scope(true, List.of(), Map.of());
    Scope bureau = new Scope(false, List.of("unit-bureau-3"), Map.of("unit-bureau-3", "第3局"));
    Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
    queries.put("caseload by=domain (province)", () -> analytics.caseload(province, "domain", null, null, null));
    queries.put("caseload by=region (province)", () -> analytics.caseload(province, "region", null, null, null));
    queries.put("caseload by=month (province)", () -> analytics.caseload(province, "month", "all", null, null));
    queries.put("deadlines (province)", () -> analytics.deadlines(province, "all"));
    queries.put("headline (province)", () -> analytics.headline(province));
    queries.put("caseload by=domain (one bureau)", () -> analytics.caseload(bureau, "domain", null, null, null));
    queries.put("deadlines (one bureau)", () -> analytics.deadlines(bureau, "all"));
    queries.put("headline (one bureau)", () -> analytics.headline(bureau));
    queries.put("fine-consistency (one bureau)", () -> analytics.fineConsistency(bureau, null));
    queries.put("fine-consistency WATER_EXCEED (province)", () -> analytics.fineConsistency(province, "WATER_EXCEED"));
    System.out.printf("%-44s %10s %10s %10s  (%d rounds after 3 warm-up)%n", "query", "p50 ms", "p95 ms", "max ms",
        rounds);
    for (Map.Entry<String, Supplier<Object>> q : queries.entrySet()) {
      int n = q.getKey().startsWith("fine-consistency") ? Math.max(3, rounds / 5) : rounds;
      for (int i = 0; i < 3; i++) {
        q.getValue().get();
      }
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        q.getValue().get();
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("%-44s %10.1f %10.1f %10.1f%n", q.getKey(), pct(ms, 0.50), pct(ms, 0.95), ms[n - 1]);
    }
    client.destroy();
  }

  static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  static Map<String, Object> document(int i, Random random) {
    boolean court = random.nextInt(10) < 2;
    String process = court ? COURT[random.nextInt(COURT.length)] : "enforcement-case";
    String[] place = PLACES[random.nextInt(PLACES.length)];
    String[] type = TYPES[random.nextInt(TYPES.length)];
    int bureau = 1 + random.nextInt(20);
    List<String> units = new ArrayList<>(List.of("unit-bureau-" + bureau));
    if (court || random.nextInt(10) == 0) {
      units.add("unit-court-" + (1 + bureau % 8));
    }
    LocalDate filed = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
    Instant filedAt = filed.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
    Map<String, Object> d = new LinkedHashMap<>();
    String id = "bench-" + i;
    d.put("id", id);
    d.put("processInstanceId", id);
    d.put("caseNo", "浙环罚〔" + filed.getYear() + "〕" + i + "号");
    d.put("process", process);
    d.put("partyName", "浙江测试" + (i % 5000) + "有限公司");
    d.put("partyType", "ENTERPRISE");
    d.put("region", "浙江省" + place[0] + place[1]);
    d.put("province", "浙江省");
    d.put("city", place[0]);
    d.put("county", place[1]);
    d.put("domain", type[0]);
    d.put("violationType", type[1]);
    d.put("clueSource", new String[] {"INSPECTION", "ALARM", "COMPLAINT", "TRANSFER"}[random.nextInt(4)]);
    d.put("units", units);
    boolean active = random.nextInt(3) == 0;
    d.put("status", active ? "INVESTIGATION" : "CLOSED");
    d.put("active", active);
    d.put("filedAt", filedAt.toString());
    d.put("month", filed.toString().substring(0, 7));
    if (!court && random.nextInt(10) < 7) {
      double benchmark = 100_000 + 10_000 * random.nextInt(60);
      double ratio = Math.max(0.3, 1 + random.nextGaussian() * 0.12 + (random.nextInt(50) == 0 ? 0.8 : 0));
      double fine = Math.round(benchmark * ratio / 100) * 100.0;
      d.put("benchmarkFine", benchmark);
      d.put("fine", fine);
      d.put("decidedAt", filedAt.plusSeconds(86_400L * (20 + random.nextInt(60))).toString());
      boolean reason = Math.abs(ratio - 1) > 0.2 && random.nextBoolean();
      String factors = "durationDays=" + random.nextInt(5) + ";exceedRatio=0." + random.nextInt(9)
          + ";violationType=" + type[1];
      Map<String, Object> discretion = new LinkedHashMap<>();
      discretion.put("grade", GRADES[random.nextInt(GRADES.length)]);
      discretion.put("benchmarkFine", benchmark);
      discretion.put("officerFine", fine);
      discretion.put("hasDeviationReason", reason);
      discretion.put("factorsKey", factors);
      discretion.put("fineRatio", fine / benchmark);
      d.put("discretion", discretion);
      if (random.nextInt(20) == 0) {
        d.put("outcome", "TRANSFERRED_TO_POLICE");
      }
    }
    List<Map<String, Object>> deadlines = new ArrayList<>();
    List<String> states = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      String name = DEADLINES[random.nextInt(DEADLINES.length)];
      String state = STATES[random.nextInt(STATES.length)];
      deadlines.add(Map.of("name", name, "label", name, "state", state,
          "due", filedAt.plusSeconds(86_400L * 15 * (k + 1)).toString()));
      states.add(name + ":" + state);
    }
    d.put("deadlines", deadlines);
    d.put("deadlineStates", states);
    return d;
  }
}
