package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.discretion.DiscretionInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH (bench/what-if-bench.sh): a what-if replay of a draft {@code penalty-discretion} over generated discretion
 * records (default 1,000,000) in parallel, the way the workbench replays a draft: the draft XML parsed by a DMN
 * engine configured like the process engine's (the caching FEEL factory), each record's inputs evaluated, the new
 * fine compared with the recorded one, counted as changed / up / down per violation type. One shot per iteration.
 *
 * <p>The records are generated in the setup: 65,536 generated valid inputs whose "recorded" outcome is the published
 * decision's, drawn at random (with a case number and a region) into the record list; the summary line counts the
 * distinct input combinations the records hold. Every record is evaluated (no record's answer is reused for another
 * with the same inputs). The draft moves durations of 15 to 19 days from grade 3 to grade 4, so some fines go up.
 *
 * <p>{@code feel}: {@code cached} is the caching factory as first merged (parse cache only), {@code fast} the factory
 * as configured now (constants, fast paths, direct interpretation); both by default, one after the other in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1500m", "-Xmx1500m", "-Dfile.encoding=UTF-8",
    "-Duser.timezone=Asia/Shanghai"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Timeout(time = 60, timeUnit = TimeUnit.MINUTES)
public class WhatIfReplayBench {

  private static final int DISTINCT = 65_536;
  private static final String[] REGIONS = {"兰州市", "天水市", "白银市", "酒泉市", "张掖市", "武威市", "定西市",
      "陇南市", "平凉市", "庆阳市", "临夏州", "甘南州", "嘉峪关市", "金昌市"};

  @Param("1000000")
  public int records;

  @Param("2")
  public int threads;

  @Param({"cached", "fast"})
  public String feel;

  /** One kept discretion record: the inputs, and what the published decision gave. */
  record Recorded(String caseNo, String region, DiscretionInput input, String outcome, long fine) {}

  /** What the replay reports. */
  record Summary(long evaluated, long changed, long up, long down, long failed, Map<String, long[]> byType,
      long cpuNanos, long maxThreadCpuNanos) {}

  /** Distinct input combinations among the records. */
  private long distinctInputs;

  private DmnEngine engine;
  private DmnDecision draft;
  private Recorded[] kept;
  private ExecutorService pool;

  @Setup
  public void setUp() {
    engine = DmnEngines.named(feel);
    DmnDecision published = DmnEngines.decision(engine, "penalty-discretion", "penalty-discretion");
    draft = engine.parseDecision("penalty-discretion", new ByteArrayInputStream(draftXml()));
    DecisionCorpus corpus = new DecisionCorpus(1_000_003);
    Recorded[] distinct = new Recorded[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      DiscretionInput input = corpus.discretionInput();
      DmnDecisionResultEntries row = engine.evaluateDecision(published, input.toVariables()).getFirstResult();
      distinct[i] = new Recorded(null, null, input, row.getEntry("outcome"),
          ((Number) row.getEntry("fineAmount")).longValue());
    }
    Random random = new Random(42);
    kept = new Recorded[records];
    for (int i = 0; i < records; i++) {
      Recorded d = distinct[random.nextInt(DISTINCT)];
      kept[i] = new Recorded("甘环罚〔2025〕" + (i + 1) + "号", REGIONS[random.nextInt(REGIONS.length)], d.input(),
          d.outcome(), d.fine());
    }
    distinctInputs = java.util.Arrays.stream(kept).map(Recorded::input).distinct().count();
    pool = Executors.newFixedThreadPool(threads);
  }

  private volatile Summary last;

  /** Prints what the last replay found (forwarded from the benchmark's fork). */
  @TearDown(Level.Iteration)
  public void report() {
    Summary s = last;
    if (s != null) {
      StringBuilder types = new StringBuilder();
      s.byType().forEach((type, c) -> types.append(' ').append(type).append('=').append(c[0]).append('/')
          .append(c[1]).append('/').append(c[2]));
      System.out.printf("SUMMARY feel=%s evaluated=%d distinct-inputs=%d changed=%d up=%d down=%d failed=%d "
              + "byType(changed/up/down):%s cpu=%.1f s (busiest thread %.1f s = the wall time with a core per "
              + "thread)%n", feel, s.evaluated(), distinctInputs, s.changed(), s.up(), s.down(), s.failed(), types,
          s.cpuNanos() / 1e9, s.maxThreadCpuNanos() / 1e9);
    }
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  public static byte[] draftXml() {
    try (InputStream in = WhatIfReplayBench.class.getClassLoader()
        .getResourceAsStream("decisions/penalty-discretion.dmn")) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return xml.replace("<text>[10..20)</text>", "<text>[10..15)</text>")
          .replace("<text>[20..30]</text>", "<text>[15..30]</text>").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public Summary replay() throws InterruptedException, ExecutionException {
    List<Future<Summary>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) records * t / threads);
      int to = (int) ((long) records * (t + 1) / threads);
      parts.add(pool.submit(() -> replay(from, to)));
    }
    long evaluated = 0;
    long changed = 0;
    long up = 0;
    long down = 0;
    long failed = 0;
    long cpu = 0;
    long maxCpu = 0;
    Map<String, long[]> byType = new TreeMap<>();
    for (Future<Summary> part : parts) {
      Summary s = part.get();
      evaluated += s.evaluated();
      changed += s.changed();
      up += s.up();
      down += s.down();
      failed += s.failed();
      cpu += s.cpuNanos();
      maxCpu = Math.max(maxCpu, s.cpuNanos());
      s.byType().forEach((type, counts) -> {
        long[] total = byType.computeIfAbsent(type, k -> new long[3]);
        for (int i = 0; i < 3; i++) {
          total[i] += counts[i];
        }
      });
    }
    last = new Summary(evaluated, changed, up, down, failed, byType, cpu, maxCpu);
    return last;
  }

  private Summary replay(int from, int to) {
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long changed = 0;
    long up = 0;
    long down = 0;
    long failed = 0;
    Map<String, long[]> byType = new TreeMap<>();
    for (int i = from; i < to; i++) {
      Recorded r = kept[i];
      DmnDecisionResultEntries row;
      try {
        row = engine.evaluateDecision(draft, r.input().toVariables()).getFirstResult();
      } catch (RuntimeException e) {
        failed++;
        continue;
      }
      long fine = row == null ? -1 : ((Number) row.getEntry("fineAmount")).longValue();
      String outcome = row == null ? null : row.getEntry("outcome");
      if (fine == r.fine() && java.util.Objects.equals(outcome, r.outcome())) {
        continue;
      }
      long[] counts = byType.computeIfAbsent(r.input().violationType(), k -> new long[3]);
      changed++;
      counts[0]++;
      if (fine > r.fine()) {
        up++;
        counts[1]++;
      } else if (fine < r.fine()) {
        down++;
        counts[2]++;
      }
    }
    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    return new Summary(to - from, changed, up, down, failed, byType, cpu, cpu);
  }

  /** Runs the benchmark (JMH options allowed, e.g. {@code -p records=100000}) and prints one line per setting. */
  public static void main(String[] args) throws Exception {
    var options = new OptionsBuilder().parent(new CommandLineOptions(args))
        .include(WhatIfReplayBench.class.getName() + ".replay").build();
    for (RunResult result : new Runner(options).run()) {
      var stats = result.getPrimaryResult().getStatistics();
      System.out.printf("RESULT what-if replay records=%s threads=%s feel=%s mean=%.1f s min=%.1f s max=%.1f s "
              + "(%d shots) feel-scala=%s%n", result.getParams().getParam("records"),
          result.getParams().getParam("threads"), result.getParams().getParam("feel"), stats.getMean(),
          stats.getMin(), stats.getMax(), stats.getN(), PenaltyDiscretionBench.feelScalaVersion());
    }
  }
}
