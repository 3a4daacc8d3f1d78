package cn.ecolaw.platform.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * CPU time per penalty-discretion evaluation (the thread's own CPU time, so that other processes on a shared machine
 * count less than in wall-clock samples), stock and cached in alternating rounds. Printed beside the JMH figures
 * by bench/dmn-bench.sh. Args: [rounds=10] [evaluations per round=2000].
 */
public final class DmnCpuProbe {

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    DecisionCorpus corpus = new DecisionCorpus(2026);
    VariableMap[] inputs = new VariableMap[4096];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Variables.fromMap(corpus.discretionInput().toVariables());
    }
    DmnEngine stock = DmnEngines.stock();
    DmnEngine cached = DmnEngines.cached(CachingFeelEngineFactory.DEFAULT_CAPACITY);
    DmnDecision stockDecision = DmnEngines.decision(stock, "penalty-discretion", "penalty-discretion");
    DmnDecision cachedDecision = DmnEngines.decision(cached, "penalty-discretion", "penalty-discretion");
    IntConsumer stockCall = i -> stock.evaluateDecision(stockDecision, inputs[i & 4095]);
    IntConsumer cachedCall = i -> cached.evaluateDecision(cachedDecision, inputs[i & 4095]);
    double[] s = new double[rounds];
    double[] c = new double[rounds];
    for (int warm = 0; warm < 3; warm++) {
      cpuMicros(stockCall, perRound / 2);
      cpuMicros(cachedCall, perRound * 5);
    }
    for (int r = 0; r < rounds; r++) {
      s[r] = cpuMicros(stockCall, perRound / 4);
      c[r] = cpuMicros(cachedCall, perRound * 5);
    }
    Arrays.sort(s);
    Arrays.sort(c);
    System.out.printf("RESULT cpu per penalty-discretion evaluation, feel-scala=%s: stock median %.1f us, cached "
        + "median %.1f us (%d rounds)%n", PenaltyDiscretionBench.feelScalaVersion(), s[rounds / 2], c[rounds / 2],
        rounds);
  }

  private static double cpuMicros(IntConsumer call, int n) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      call.accept(i * 7);
    }
    return (mx.getCurrentThreadCpuTime() - t0) / 1e3 / n;
  }
}
