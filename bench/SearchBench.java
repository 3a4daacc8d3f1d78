import cn.ecolaw.platform.search.CaseDocument;
import cn.ecolaw.platform.search.CaseIndex;
import cn.ecolaw.platform.search.SearchClient;
import cn.ecolaw.platform.search.SearchProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The case index under load, against a real Elasticsearch node, with the platform's own mapping and writer
 * (search.CaseIndex): bulk indexing of N synthetic case documents (default 1,000,000), then search p50/p95 (Chinese
 * queries with a unit filter, as /api/search asks), dashboard aggregations p50/p95 (caseload by domain and month,
 * deadlines per flow and state, fine percentiles and benchmark per violation type and grade; the node has no scripting module), and the lag from a write to its being
 * searchable while bulk indexing goes on. Plain main, no JMH.
 * Usage: bench/search-bench.sh [documents] [searches]   (ELASTICSEARCH_URL, default http://127.0.0.1:9200)
 */
public final class SearchBench {

  static final String[] COMPANIES = {"恒通印染", "华丰化工", "金顺电镀", "宏达造纸", "天成制革", "绿源养殖", "永安建材", "新华纺织",
      "东方水泥", "明珠食品", "远大陶瓷", "瑞丰铸造"};
  static final String[] PLACES = {"湖州织里", "长兴", "德清", "安吉", "南浔", "吴兴", "嘉兴", "绍兴"};
  static final String[] COUNTIES = {"吴兴区", "南浔区", "德清县", "长兴县", "安吉县"};
  static final String[] DOMAINS = {"WATER", "AIR", "SOLID_WASTE", "SOIL", "NOISE", "ECOLOGY", "EIA"};
  static final String[] TYPES = {"WATER_EXCEED", "AIR_EXCEED", "HAZARDOUS_WASTE", "NOISE_EXCEED", "EIA_NOT_APPROVED"};
  static final String[] GRADES = {"MITIGATED", "LIGHTER", "STANDARD", "HEAVIER"};
  static final String[] PROCESSES = {"enforcement-case", "enforcement-case", "enforcement-case", "non-litigation-execution",
      "injunction", "restoration", "appraisal", "mediation-routing"};
  static final String[] FACTS = {"夜间在线监控报警，废水总排口化学需氧量超标排放。", "未经批准擅自开工建设，环境影响评价文件未经审批。",
      "危险废物未按规定贮存，露天堆放于厂区东侧。", "锅炉废气二氧化硫浓度超过排放标准。", "厂界噪声夜间超标，群众多次投诉。",
      "通过暗管向雨水管网排放未经处理的生产废水。"};
  static final String[] QUERIES = {"印染", "超标排放", "危险废物", "化工", "暗管", "恒通印染", "噪声", "织里", "环境影响评价", "废气"};
  static final String[] UNITS = {"unit-bureau", "unit-court"};

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static void run(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    String url = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
    SearchProperties properties = new SearchProperties(url, null, null, null, null, "ecocase-bench", null, null, null);
    SearchClient client = new SearchClient(properties);
    CaseIndex index = new CaseIndex(client);
    ElasticsearchClient es = index.client();
    index.drop();
    index.ensure();

    System.out.printf("Elasticsearch at %s (platform mapping search/case-index.json), %,d documents, %d searches%n", url,
        n, searches);
    int batch = 2000;
    int threads = 2;
    AtomicLong next = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      jobs.add(pool.submit(() -> {
        long from;
        while ((from = next.getAndAdd(batch)) < n) {
          List<CaseDocument> docs = new ArrayList<>(batch);
          for (long i = from; i < Math.min(n, from + batch); i++) {
            docs.add(doc(i));
          }
          index.write(docs, List.of(), Instant.now());
          if ((from / batch) % 50 == 0) {
            System.out.printf("  %,d documents after %.0f s%n", from + docs.size(), (System.nanoTime() - t0) / 1e9);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    index.refresh();
    System.out.printf("bulk indexing: %,d documents in %.1f s = %,.0f documents/s%n", n, seconds, n / seconds);

    double[] search = new double[searches];
    for (int i = 0; i < searches; i++) {
      String q = QUERIES[i % QUERIES.length];
      String unit = UNITS[i % UNITS.length];
      long s0 = System.nanoTime();
      es.search(s -> s.index(index.name()).size(20).requestCache(false).trackTotalHits(t -> t.enabled(true))
          .query(x -> x.bool(b -> b.filter(f -> f.terms(t -> t.field("units").terms(v -> v.value(List.of(FieldValue.of(unit))))))
              .must(m -> m.match(mm -> mm.field("facts.char").query(q).operator(Operator.And)))
              .should(sh -> sh.matchPhrase(p -> p.field("facts.char").query(q).boost(6f)))
              .should(sh -> sh.match(p -> p.field("facts.zh").query(q).boost(2f)))))
          .aggregations("domain", a -> a.terms(t -> t.field("domain"))), Map.class);
      search[i] = (System.nanoTime() - s0) / 1e6;
    }
    report("search (Chinese text, unit filter, facet)", search);

    double[] dashboards = new double[searches];
    for (int i = 0; i < searches; i++) {
      int kind = i % 3;
      long s0 = System.nanoTime();
      es.search(s -> {
        s.index(index.name()).size(0).requestCache(false).query(q -> q.terms(t -> t.field("units").terms(v -> v.value(List.of(FieldValue.of("unit-bureau"))))));
        if (kind == 0) {
          s.aggregations("month", a -> a.dateHistogram(h -> h.field("filedAt").calendarInterval(CalendarInterval.Month)
                  .timeZone("Asia/Shanghai"))
              .aggregations("domain", b -> b.terms(t -> t.field("domain"))));
        } else if (kind == 1) {
          s.aggregations("flow", a -> a.terms(t -> t.field("process"))
              .aggregations("d", b -> b.nested(x -> x.path("deadlines"))
                  .aggregations("name", c -> c.terms(t -> t.field("deadlines.name"))
                      .aggregations("state", d -> d.terms(t -> t.field("deadlines.state"))))));
        } else {
          s.aggregations("type", a -> a.terms(t -> t.field("violationType"))
              .aggregations("grade", b -> b.terms(t -> t.field("discretion.grade"))
                  .aggregations("fine", c -> c.percentiles(p -> p.field("fine").percents(5.0, 50.0, 95.0)))
                  .aggregations("benchmark", c -> c.avg(p -> p.field("benchmarkFine")))));
        }
        return s;
      }, Map.class);
      dashboards[i] = (System.nanoTime() - s0) / 1e6;
    }
    report("dashboard aggregations (caseload by month×domain, deadlines per flow×state, fine percentiles per type×grade)",
        dashboards);

    // lag under load: a writer keeps bulk indexing while single documents are written and polled for
    AtomicBoolean load = new AtomicBoolean(true);
    AtomicLong loadNext = new AtomicLong(n);
    Future<?> loader = pool.submit(() -> {
      while (load.get()) {
        long from = loadNext.getAndAdd(batch);
        List<CaseDocument> docs = new ArrayList<>(batch);
        for (long i = from; i < from + batch; i++) {
          docs.add(doc(i));
        }
        index.write(docs, List.of(), Instant.now());
      }
      return null;
    });
    int probes = Math.max(20, Math.min(100, searches / 5));
    double[] lag = new double[probes];
    for (int i = 0; i < probes; i++) {
      String id = "lag-" + i;
      CaseDocument probe = doc(10_000_000L + i);
      probe = new CaseDocument(id, "湖环罚〔2099〕" + i + "号", probe.process(), probe.processLabel(), id, null,
          probe.partyName(), probe.partyType(), probe.partyCreditCode(), probe.region(), probe.province(), probe.city(),
          probe.county(), probe.domain(), probe.domainLabel(), probe.violationType(), probe.violationTypeLabel(), null,
          probe.units(), probe.status(), probe.statusLabel(), true, null, List.of(), null, null, null, null, null, null,
          null, null, probe.filedAt(), probe.month(), null, null, null, Instant.now(), List.of(), List.of(), probe.facts(),
          null, List.of(), List.of(), null);
      long s0 = System.nanoTime();
      index.write(List.of(probe), List.of(), Instant.now());
      String caseNo = probe.caseNo();
      while (es.search(s -> s.index(index.name()).size(0).query(q -> q.term(t -> t.field("caseNo").value(caseNo))), Map.class)
          .hits().total().value() == 0) {
        Thread.sleep(20);
      }
      lag[i] = (System.nanoTime() - s0) / 1e6;
    }
    load.set(false);
    loader.get();
    report("lag from write to searchable while bulk indexing continues", lag);
    pool.shutdown();
    index.drop();
    client.destroy();
  }

  static CaseDocument doc(long i) {
    String company = PLACES[(int) (i % PLACES.length)] + COMPANIES[(int) ((i / 7) % COMPANIES.length)] + "有限公司" + (i % 997);
    String domain = DOMAINS[(int) (i % DOMAINS.length)];
    String type = TYPES[(int) (i % TYPES.length)];
    String grade = GRADES[(int) ((i / 3) % GRADES.length)];
    double benchmark = 50_000 + (i % 40) * 10_000;
    double fine = benchmark * (0.8 + (i % 9) * 0.05);
    Instant filed = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(i % 24_000));
    String county = COUNTIES[(int) (i % COUNTIES.length)];
    List<String> units = i % 5 == 0 ? List.of("unit-bureau", "unit-court") : List.of("unit-bureau");
    List<CaseDocument.Deadline> deadlines = List.of(
        new CaseDocument.Deadline("filingDue", "立案期限（十五日）", filed.plus(Duration.ofDays(15)), filed.plus(Duration.ofDays(3)), "met"),
        new CaseDocument.Deadline("decisionDue", "作出处罚决定期限（九十日）", filed.plus(Duration.ofDays(90)), null,
            i % 11 == 0 ? "missed" : i % 3 == 0 ? "pending" : "met"));
    CaseDocument.Discretion discretion = new CaseDocument.Discretion(grade, grade, "penalty-discretion", 1, benchmark,
        10_000.0, 1_000_000.0, fine, fine == benchmark ? null : "情节较重", fine != benchmark,
        "exceedRatio=" + (i % 10) / 10.0 + ";violationType=" + type, Map.of("exceedRatio", (i % 10) / 10.0), "《水污染防治法》第八十三条",
        filed).withFineRatio(fine, benchmark);
    return new CaseDocument("bench-" + i, "湖环罚〔" + (2024 + i % 3) + "〕" + i + "号", PROCESSES[(int) (i % PROCESSES.length)],
        "行政处罚案件", "bench-" + i, null, company, "ENTERPRISE", "91330502MA" + String.format("%08d", i % 100_000_000),
        "浙江省湖州市" + county, "浙江省", "湖州市", county, domain, domain, type, type, "INSPECTION", units,
        i % 4 == 0 ? "CLOSED" : "INVESTIGATING", i % 4 == 0 ? "已结案" : "调查取证", i % 4 != 0, null, List.of(),
        i % 4 == 0 ? "PAID" : null, null, benchmark, fine, 0.0, i % 4 == 0 ? fine : null, i % 4 == 0, discretion, filed,
        filed.toString().substring(0, 7), null, null, null, Instant.now(), deadlines,
        List.of("filingDue:met", "decisionDue:" + deadlines.get(1).state()), FACTS[(int) (i % FACTS.length)] + "当事人" + company + "。",
        null, List.of(), List.of(), null);
  }

  static void report(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, sorted.length,
        sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
  }
}
