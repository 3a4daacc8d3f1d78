package cn.ecolaw.platform.discretion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;

/**
 * Benchmark harness (no JMH): evaluations per second of {@code penalty-discretion} through the real engine, (a) raw
 * DecisionService by key and (b) the full PenaltyDiscretionService.evaluate (validation + definition lookup).
 * Run by bench/discretion-bench.sh. Args: [seconds per phase, default 10].
 */
public final class DiscretionBench {

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<DiscretionInput> inputs = new ArrayList<>();
    String[] types = {"WATER_EXCEED", "AIR_EXCEED", "SOLID_WASTE_GENERAL", "SOLID_WASTE_SERIOUS", "HAZARDOUS_WASTE",
        "EIA_UNAPPROVED"};
    String[] ratios = {"0.05", "0.3", "0.8", "1.5", "3"};
    int[] days = {2, 7, 15, 25, 45};
    for (String t : types) {
      for (String r : ratios) {
        for (int d : days) {
          // solid and hazardous waste need a conduct (DISC-015 since issue 9); the others may leave it empty
          String conduct = switch (t) {
            case "SOLID_WASTE_GENERAL" -> "SW_NO_LEDGER";
            case "SOLID_WASTE_SERIOUS" -> "SW_STORAGE_UNPROTECTED";
            case "HAZARDOUS_WASTE" -> "HW_NO_LABEL";
            default -> null;
          };
          inputs.add(new DiscretionInput(t, new BigDecimal(r), d, d > 20, 1 + d % 4, d % 4 == 0, d < 10, r.equals("3"),
              t.startsWith("EIA") ? new BigDecimal("20000000") : null)
              .with(conduct, null, false, false, false, false, false));
        }
      }
    }
    DecisionService decisions = DiscretionTestEngine.engine().getDecisionService();
    PenaltyDiscretionService service = DiscretionTestEngine.service();
    run("warm-up (DecisionService)", Math.max(3, seconds / 2), inputs,
        in -> decisions.evaluateDecisionByKey("penalty-discretion").variables(in.toVariables()).evaluate());
    run("DecisionService.evaluateDecisionByKey", seconds, inputs,
        in -> decisions.evaluateDecisionByKey("penalty-discretion").variables(in.toVariables()).evaluate());
    run("PenaltyDiscretionService.evaluate", seconds, inputs, service::evaluate);
    DiscretionTestEngine.engine().close();
  }

  private static void run(String name, int seconds, List<DiscretionInput> inputs,
      java.util.function.Consumer<DiscretionInput> call) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    long n = 0;
    while (System.nanoTime() < end) {
      call.accept(inputs.get((int) (n % inputs.size())));
      n++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-40s %8d evaluations in %5.1f s = %8.0f evaluations/s (history=%s, feelCache=%s, H2 in memory)%n",
        name, n, elapsed, n / elapsed, System.getProperty("discretion.history", "none"),
        Boolean.getBoolean("discretion.feelCache"));
  }
}
