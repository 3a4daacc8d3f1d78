package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.CasePlatformApplication;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Document benchmarks (bench/documents-bench.sh); not a test, prints figures. "Before" is the path as it was before
 * the renderer kept parsed fonts (platform.documents.cache-parsed=false, no warm-up); "after" is today's default.
 * Both are measured side by side in one run.
 * <ul>
 *   <li>{@code warm rounds}: each type rendered (DOCX + PDF) {@code rounds} times by both paths in alternation, one
 *       thread, after two warm-up passes; p50/p95 per type and the ratio;</li>
 *   <li>{@code throughput documents threads}: documents per second through DocumentService (fill, DOCX, PDF, insert
 *       into an in-memory H2 case_document table), all types in turn, both paths;</li>
 *   <li>{@code first before|after}: in this fresh JVM, starts the platform (H2 in memory, job executor off) and, as
 *       soon as it is ready, renders one 行政处罚决定书: JVM start to ready, the first document's own time, JVM start
 *       to first document;</li>
 *   <li>{@code cold before|after}: in this fresh JVM, the documents components alone: construction and the first
 *       document, without the platform around them.</li>
 * </ul>
 */
public final class DocumentBench {

  static final DocumentType FIRST_TYPE = DocumentType.PENALTY_DECISION;

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "warm";
    switch (mode) {
      case "warm" -> warm(intArg(args, 1, 10));
      case "throughput" -> throughput(intArg(args, 1, 200), intArg(args, 2, 2));
      case "first" -> first(after(args));
      case "cold" -> cold(after(args));
      default -> throw new IllegalArgumentException("mode: warm | throughput | first | cold");
    }
  }

  private static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  private static boolean after(String[] args) {
    String path = args.length > 1 ? args[1] : "after";
    if (!path.equals("before") && !path.equals("after")) {
      throw new IllegalArgumentException("path: before | after");
    }
    return path.equals("after");
  }

  static DocumentRenderer renderer(boolean after) {
    return new DocumentRenderer(new DocumentTemplates("", after),
        new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD, DocumentFonts.DEFAULT_LATIN,
            after), after);
  }

  private static void warm(int rounds) {
    DocumentRenderer before = renderer(false);
    DocumentRenderer after = renderer(true);
    DocumentType[] types = DocumentType.values();
    for (int pass = 0; pass < 2; pass++) {
      for (DocumentType type : types) {
        before.render(type, DocumentSamples.data(type), "预热");
        after.render(type, DocumentSamples.data(type), "预热");
      }
    }
    long[][] old = new long[types.length][rounds];
    long[][] now = new long[types.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int t = 0; t < types.length; t++) {
        Map<String, Object> data = DocumentSamples.data(types[t]);
        if (r % 2 == 0) {
          old[t][r] = time(before, types[t], data);
          now[t][r] = time(after, types[t], data);
        } else {
          now[t][r] = time(after, types[t], data);
          old[t][r] = time(before, types[t], data);
        }
      }
    }
    System.out.printf("warm rounds=%d (each type rendered %d times by each path, alternating; ms)%n", rounds, rounds);
    System.out.println("| type | before p50 | before p95 | after p50 | after p95 | p50 ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    List<Long> allOld = new ArrayList<>();
    List<Long> allNew = new ArrayList<>();
    double[] ratios = new double[types.length];
    for (int t = 0; t < types.length; t++) {
      double o50 = pct(old[t], 50);
      double n50 = pct(now[t], 50);
      ratios[t] = o50 / n50;
      System.out.printf("| %s %s | %.1f | %.1f | %.1f | %.1f | %.2f× |%n", types[t].title(), types[t].name(), o50,
          pct(old[t], 95), n50, pct(now[t], 95), ratios[t]);
      Arrays.stream(old[t]).forEach(allOld::add);
      Arrays.stream(now[t]).forEach(allNew::add);
    }
    long[] o = allOld.stream().mapToLong(Long::longValue).toArray();
    long[] n = allNew.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(ratios);
    System.out.printf("| all types | %.1f | %.1f | %.1f | %.1f | %.2f× |%n", pct(o, 50), pct(o, 95), pct(n, 50),
        pct(n, 95), pct(o, 50) / pct(n, 50));
    System.out.printf("warm-summary before{p50=%.1fms,p95=%.1fms} after{p50=%.1fms,p95=%.1fms} p50ratio=%.2f "
        + "perTypeRatio{min=%.2f,median=%.2f,max=%.2f}%n", pct(o, 50), pct(o, 95), pct(n, 50), pct(n, 95),
        pct(o, 50) / pct(n, 50), ratios[0], ratios[ratios.length / 2], ratios[ratios.length - 1]);
  }

  private static long time(DocumentRenderer renderer, DocumentType type, Map<String, Object> data) {
    long start = System.nanoTime();
    renderer.render(type, data, type.title() + " " + DocumentSamples.CASE_NO);
    return System.nanoTime() - start;
  }

  /** The nearest-rank percentile of nanosecond samples, in milliseconds. */
  static double pct(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  private static void throughput(int count, int threads) throws Exception {
    for (boolean after : new boolean[] {false, true, false, true}) {
      throughput(after, count, threads);
    }
  }

  private static void throughput(boolean after, int count, int threads) throws Exception {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (var in = DocumentBench.class.getResourceAsStream("/db/migration/V2__case_document.sql")) {
      for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
        String sql = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        if (!sql.isBlank()) {
          jdbc.execute(sql);
        }
      }
    }
    DocumentService service = new DocumentService(renderer(after), new DocumentRepository(jdbc), event -> { },
        "湖州市生态环境局",
        "浙江省湖州市吴兴区环城北路1号", "0572-2123456", "湖州市财政局", "湖州市人民政府", "湖州市吴兴区人民法院");
    DocumentType[] types = DocumentType.values();
    for (int i = 0; i < types.length; i++) {
      service.generate("预热〔2026〕" + i + "号", types[i], DocumentSamples.data(types[i]), "bench");
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          DocumentType type = types[i % types.length];
          service.generate("湖环罚〔2026〕" + (i / types.length) + "号", type, DocumentSamples.data(type), "bench");
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM case_document", Long.class);
    System.out.printf("documents=%d threads=%d path=%s seconds=%.2f documents_per_second=%.1f "
        + "ms_per_document=%.1f stored=%d%n", count, threads, after ? "after" : "before", seconds, count / seconds,
        seconds * 1000 * threads / count, stored);
  }

  private static void first(boolean after) {
    List<String> args = new ArrayList<>(List.of("--platform.demo.enabled=false",
        "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"));
    if (!after) {
      args.add("--platform.documents.cache-parsed=false");
      args.add("--platform.documents.warm-up=false");
    }
    ConfigurableApplicationContext ctx = new SpringApplication(CasePlatformApplication.class)
        .run(args.toArray(String[]::new));
    double ready = sinceJvmStart();
    DocumentRenderer renderer = ctx.getBean(DocumentRenderer.class);
    long start = System.nanoTime();
    renderer.render(FIRST_TYPE, DocumentSamples.data(FIRST_TYPE), FIRST_TYPE.title());
    double firstMs = (System.nanoTime() - start) / 1e6;
    double firstDone = sinceJvmStart();
    long second = System.nanoTime();
    renderer.render(FIRST_TYPE, DocumentSamples.data(FIRST_TYPE), FIRST_TYPE.title());
    double secondMs = (System.nanoTime() - second) / 1e6;
    System.out.printf("first path=%s jvmToReady=%.2fs firstDocumentMs=%.0f jvmToFirstDocument=%.2fs "
        + "secondDocumentMs=%.0f%n", after ? "after" : "before", ready, firstMs, firstDone, secondMs);
    ctx.close();
  }

  private static void cold(boolean after) {
    long start = System.nanoTime();
    DocumentRenderer renderer = renderer(after);
    double constructMs = (System.nanoTime() - start) / 1e6;
    long first = System.nanoTime();
    renderer.render(FIRST_TYPE, DocumentSamples.data(FIRST_TYPE), FIRST_TYPE.title());
    double firstMs = (System.nanoTime() - first) / 1e6;
    System.out.printf("cold path=%s constructMs=%.0f firstDocumentMs=%.0f jvmToFirstDocument=%.2fs%n",
        after ? "after" : "before", constructMs, firstMs, sinceJvmStart());
  }

  private static double sinceJvmStart() {
    return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
  }
}
