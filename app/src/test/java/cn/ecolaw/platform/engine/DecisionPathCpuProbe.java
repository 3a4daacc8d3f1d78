package cn.ecolaw.platform.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of {@link DecisionPathBench} in one JVM, measured in the thread's own CPU time per operation (less
 * sensitive than wall-clock samples to other processes on a shared machine), in alternating rounds, with ratios.
 * Printed by bench/dmn-path-bench.sh after the JMH run. Args: [rounds=5] [operations per round=200].
 */
public final class DecisionPathCpuProbe {

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Map<String, DecisionPathBench> paths = new LinkedHashMap<>();
    for (String path : List.of("bare-dmn", "bare-camunda-decision", "platform-decision", "bare-camunda-flow",
        "platform-flow")) {
      DecisionPathBench bench = new DecisionPathBench();
      bench.path = path;
      bench.setUp();
      paths.put(path, bench);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, double[]> micros = new LinkedHashMap<>();
    paths.keySet().forEach(p -> micros.put(p, new double[rounds]));
    for (int r = -3; r < rounds; r++) {
      for (Map.Entry<String, DecisionPathBench> e : paths.entrySet()) {
        DecisionPathBench.Cursor cursor = new DecisionPathBench.Cursor();
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          e.getValue().evaluate(cursor);
        }
        if (r >= 0) {
          micros.get(e.getKey())[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / perRound;
        }
      }
    }
    Map<String, Double> median = new LinkedHashMap<>();
    micros.forEach((p, m) -> {
      Arrays.sort(m);
      median.put(p, m[rounds / 2]);
      System.out.printf("RESULT cpu path=%s median %.1f us per operation%n", p, m[rounds / 2]);
    });
    System.out.printf("RESULT cpu ratio platform-flow / bare-camunda-flow = %.2f, platform-decision / "
            + "bare-camunda-decision = %.2f, platform-decision / bare-dmn = %.2f%n",
        median.get("platform-flow") / median.get("bare-camunda-flow"),
        median.get("platform-decision") / median.get("bare-camunda-decision"),
        median.get("platform-decision") / median.get("bare-dmn"));
    DecisionPathBench.tearDown();
    System.exit(0);
  }
}
