package cn.ecolaw.platform.engine;

import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH (bench/dmn-bench.sh): one evaluation of the {@code penalty-discretion} requirement graph (six decisions) on a
 * bare DMN engine, one thread, sample time (p50, p90, p99). {@code feel=stock} is Camunda's default configuration
 * ({@code ScalaFeelEngineFactory}: every expression parsed on every call), {@code feel=cached} the same with
 * {@link CachingFeelEngineFactory} as it was first merged (parse cache only), {@code feel=fast} with the factory as
 * configured now (constants, fast paths, direct interpretation). Inputs: 4,096 generated discretion records, in
 * turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PenaltyDiscretionBench {

  private static final int INPUTS = 4096;

  @Param({"stock", "cached", "fast"})
  public String feel;

  private DmnEngine engine;
  private DmnDecision decision;
  private VariableMap[] inputs;

  /** Which input the thread evaluates next. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup
  public void setUp() {
    engine = DmnEngines.named(feel);
    decision = DmnEngines.decision(engine, "penalty-discretion", "penalty-discretion");
    DecisionCorpus corpus = new DecisionCorpus(2026);
    inputs = new VariableMap[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      inputs[i] = Variables.fromMap(corpus.discretionInput().toVariables());
    }
  }

  @Benchmark
  public DmnDecisionResult evaluate(Cursor cursor) {
    return engine.evaluateDecision(decision, inputs[cursor.next++ & (INPUTS - 1)]);
  }

  /** Runs the benchmark (JMH command-line options allowed, e.g. {@code -p feel=stock}) and prints p50 per setting. */
  public static void main(String[] args) throws Exception {
    Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
        .include(PenaltyDiscretionBench.class.getName() + ".evaluate").build();
    for (RunResult result : new Runner(options).run()) {
      var stats = result.getPrimaryResult().getStatistics();
      System.out.printf("RESULT penalty-discretion feel=%s feel-scala=%s p50=%.1f us p90=%.1f us p99=%.1f us "
              + "samples=%d%n", result.getParams().getParam("feel"), feelScalaVersion(), stats.getPercentile(50),
          stats.getPercentile(90), stats.getPercentile(99), stats.getN());
    }
  }

  static String feelScalaVersion() {
    String jar = org.camunda.feel.FeelEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    return jar.replaceAll(".*/feel-engine-([^/]*)-scala-shaded\\.jar$", "$1");
  }
}
