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
 * count less than in wall-clock samples), the FEEL settings of {@link PenaltyDiscretionBench} in alternating rounds
 * in one JVM. Printed beside the JMH figures by bench/dmn-bench.sh. Args: [rounds=10] [evaluations per round=2000]
 * [settings=stock,cached,fast] (stock runs a quarter as many evaluations per round: it is ~10x slower).
 */
public final class DmnCpuProbe {

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    String[] settings = (args.length > 2 ? args[2] : "stock,cached,fast").split(",");
    DecisionCorpus corpus = new DecisionCorpus(2026);
    VariableMap[] inputs = new VariableMap[4096];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Variables.fromMap(corpus.discretionInput().toVariables());
    }
    IntConsumer[] calls = new IntConsumer[settings.length];
    int[] sizes = new int[settings.length];
    double[][] micros = new double[settings.length][rounds];
    for (int k = 0; k < settings.length; k++) {
      DmnEngine engine = DmnEngines.named(settings[k]);
      DmnDecision decision = DmnEngines.decision(engine, "penalty-discretion", "penalty-discretion");
      calls[k] = i -> engine.evaluateDecision(decision, inputs[i & 4095]);
      sizes[k] = "stock".equals(settings[k]) ? Math.max(1, perRound / 4) : perRound * 5;
    }
    for (int warm = 0; warm < 3; warm++) {
      for (int k = 0; k < settings.length; k++) {
        cpuMicros(calls[k], sizes[k]);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < settings.length; k++) {
        micros[k][r] = cpuMicros(calls[k], sizes[k]);
      }
    }
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < settings.length; k++) {
      Arrays.sort(micros[k]);
      line.append(String.format(", %s median %.1f us", settings[k], micros[k][rounds / 2]));
    }
    System.out.printf("RESULT cpu per penalty-discretion evaluation, feel-scala=%s%s (%d rounds)%n",
        PenaltyDiscretionBench.feelScalaVersion(), line, rounds);
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
