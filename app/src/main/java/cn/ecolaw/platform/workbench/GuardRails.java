package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.discretion.ViolationTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The guard rails every draft must pass before it is published (each failure blocks publishing, 422):
 * <ul>
 *   <li>GUARD-001 every case of the decision's test suite passes;</li>
 *   <li>for the discretion benchmark ({@code penalty-discretion}), over a generated sweep of inputs (every violation
 *       type × exceedance × duration × sensitive area × corrected × harm × history, and the same with an APL 32
 *       ground):
 *     <ul>
 *       <li>GUARD-002 no fine outside the statutory range of DOMAIN.md §3 (water/air/serious solid waste/hazardous
 *           waste 100,000–1,000,000 yuan, general solid waste 50,000–200,000, EIA 1%–5% of the total investment),
 *           except {@code MITIGATED} below the minimum where an APL 32 ground is present, and no penalty (0);</li>
 *       <li>GUARD-003 monotonic in every aggravating factor: more exceedance, a longer duration, a sensitive area,
 *           harm done, more violations within two years never lower the fine;</li>
 *       <li>GUARD-004 no input combination without a match;</li>
 *       <li>GUARD-005 a sensitive area (drinking-water source protection zone, nature reserve) is never no-penalty.</li>
 *     </ul></li>
 * </ul>
 */
public final class GuardRails {

  public record Guard(String code, String name, boolean passed, int violations, List<String> examples) {}

  public record Report(boolean passed, List<Guard> guards, TestSuite.Run suite, int sweep) {}

  static final String[] TYPES = {"WATER_EXCEED", "AIR_EXCEED", "SOLID_WASTE_GENERAL", "SOLID_WASTE_SERIOUS",
      "HAZARDOUS_WASTE", "EIA_UNAPPROVED"};
  static final double[] RATIOS = {0.05, 0.3, 0.7, 1.5, 2.5};
  static final int[] DAYS = {3, 9, 25, 40};
  /** (violationsIn2Years, firstViolation) pairs that validate. */
  static final int[][] HISTORY = {{1, 1}, {1, 0}, {2, 0}, {4, 0}};
  static final BigDecimal INVESTMENT = new BigDecimal("12345678");
  private static final int EXAMPLES = 5;

  private GuardRails() {}

  static Report check(DraftModel model, String key, TestSuite.Run suite) {
    List<Guard> guards = new ArrayList<>();
    List<String> failedCases = new ArrayList<>();
    suite.results().stream().filter(r -> !r.passed()).limit(EXAMPLES).forEach(r -> failedCases.add(describe(r)));
    guards.add(new Guard("GUARD-001", "测试用例全部通过（" + suite.passed() + "/" + suite.total() + "）",
        suite.allPassed(), suite.failed(), failedCases));
    int sweep = 0;
    if (model.has(PenaltyDiscretionService.DECISION_KEY)) {
      Sweep s = new Sweep(model);
      s.run();
      sweep = s.results.size();
      guards.add(s.range.guard("GUARD-002", "罚款不超出法定幅度（DOMAIN §3；依行政处罚法第三十二条减轻处罚的除外）"));
      guards.add(s.monotonic.guard("GUARD-003", "从重因素单调：任一从重因素加重，罚款不降低"));
      guards.add(s.unmatched.guard("GUARD-004", "任何输入组合都有规则命中"));
      guards.add(s.sensitive.guard("GUARD-005", "敏感区域（饮用水水源保护区、自然保护区）一律不得不予处罚"));
    }
    boolean passed = guards.stream().allMatch(Guard::passed);
    return new Report(passed, guards, suite, sweep);
  }

  private static String describe(TestSuite.CaseResult r) {
    StringBuilder b = new StringBuilder("用例“").append(r.name() == null || r.name().isBlank() ? r.id() : r.name())
        .append("”");
    if (r.error() != null) {
      return b.append("：").append(r.error()).toString();
    }
    r.mismatches().forEach(m -> b.append("：").append(m.output()).append(" 预期 ").append(m.expected())
        .append("，实际 ").append(m.actual()));
    return b.toString();
  }

  /** Counts the violations of one guard and keeps a few examples. */
  private static final class Tally {
    int count;
    final List<String> examples = new ArrayList<>();

    void add(String example) {
      count++;
      if (examples.size() < EXAMPLES) {
        examples.add(example);
      }
    }

    Guard guard(String code, String name) {
      return new Guard(code, name, count == 0, count, examples);
    }
  }

  private record Point(String type, double ratio, int days, boolean sensitive, int violations, boolean first,
      boolean corrected, boolean harm, boolean apl32) {

    Map<String, Object> variables() {
      DiscretionInput in = new DiscretionInput(type, BigDecimal.valueOf(ratio), days, sensitive, violations, first,
          corrected, harm, type.equals(ViolationTypes.EIA_UNAPPROVED) ? INVESTMENT : null)
          .with(null, null, apl32, false, false, false, false);
      return in.toVariables();
    }

    String describe() {
      return ViolationTypes.name(type) + "，超标" + Math.round(ratio * 100) + "%，持续" + days + "日"
          + (sensitive ? "，敏感区域" : "") + "，两年内违法" + violations + "次" + (first ? "（初次）" : "")
          + (corrected ? "，及时改正" : "") + (harm ? "，造成危害后果" : "") + (apl32 ? "，有第三十二条情节" : "");
    }
  }

  private record Outcome(String outcome, BigDecimal fine) {}

  private static final class Sweep {
    final DraftModel model;
    final Map<Point, Outcome> results = new HashMap<>();
    final Tally range = new Tally();
    final Tally monotonic = new Tally();
    final Tally unmatched = new Tally();
    final Tally sensitive = new Tally();

    Sweep(DraftModel model) {
      this.model = model;
    }

    void run() {
      List<Point> points = new ArrayList<>();
      for (String type : TYPES) {
        for (double ratio : RATIOS) {
          for (int days : DAYS) {
            for (int flags = 0; flags < 8; flags++) {
              for (int[] h : HISTORY) {
                for (boolean apl32 : new boolean[] {false, true}) {
                  if (apl32 && (flags != 2 || h[0] > 1)) {
                    continue; // the APL 32 ground: corrected, no harm, not in a sensitive area, first or one offence
                  }
                  points.add(new Point(type, ratio, days, (flags & 1) != 0, h[0], h[1] == 1, (flags & 2) != 0,
                      (flags & 4) != 0, apl32));
                }
              }
            }
          }
        }
      }
      for (Point p : points) {
        Outcome o = evaluate(p);
        if (o == null) {
          continue;
        }
        checkRange(p, o);
        if (p.sensitive() && ("NO_PENALTY".equals(o.outcome()) || o.fine().signum() == 0)) {
          sensitive.add(p.describe() + " → 不予处罚");
        }
      }
      for (Point p : points) {
        Outcome o = results.get(p);
        if (o == null || p.apl32()) {
          continue;
        }
        for (UnaryOperator<Point> raise : raises()) {
          Point worse = raise.apply(p);
          if (worse == null) {
            continue;
          }
          Outcome w = evaluate(worse);
          if (w != null && w.fine().compareTo(o.fine()) < 0) {
            monotonic.add(p.describe() + " 罚款" + yuan(o.fine()) + "；加重为 " + worse.describe() + " 后反而为"
                + yuan(w.fine()));
          }
        }
      }
    }

    Outcome evaluate(Point p) {
      if (results.containsKey(p)) {
        return results.get(p);
      }
      Outcome o;
      try {
        Map<String, Object> row = model.evaluate(PenaltyDiscretionService.DECISION_KEY, p.variables());
        Object fine = row == null ? null : row.get("fineAmount");
        Object outcome = row == null ? null : row.get("outcome");
        if (fine == null || outcome == null) {
          unmatched.add(p.describe() + " → 没有规则命中");
          o = null;
        } else {
          o = new Outcome(String.valueOf(outcome), new BigDecimal(fine.toString()));
        }
      } catch (RuntimeException e) {
        unmatched.add(p.describe() + " → 计算出错：" + DraftModel.shortMessage(e));
        o = null;
      }
      results.put(p, o);
      return o;
    }

    void checkRange(Point p, Outcome o) {
      BigDecimal[] r = statutoryRange(p.type());
      BigDecimal fine = o.fine();
      if ("NO_PENALTY".equals(o.outcome())) {
        if (fine.signum() != 0) {
          range.add(p.describe() + " → 不予处罚却罚款" + yuan(fine));
        }
        return;
      }
      boolean mitigated = "MITIGATED".equals(o.outcome()) && p.apl32();
      if (fine.compareTo(r[1]) > 0 || (!mitigated && fine.compareTo(r[0]) < 0) || fine.signum() < 0) {
        range.add(p.describe() + " → " + o.outcome() + " " + yuan(fine) + "，法定幅度" + yuan(r[0]) + "至" + yuan(r[1])
            + ("MITIGATED".equals(o.outcome()) && !p.apl32() ? "（没有第三十二条情节不得减轻）" : ""));
      }
    }
  }

  /** DOMAIN.md §3; EIA law 31: 1%–5% of the total investment (whole yuan, rounded inward as the table does). */
  static BigDecimal[] statutoryRange(String type) {
    return switch (type) {
      case "SOLID_WASTE_GENERAL" -> new BigDecimal[] {new BigDecimal("50000"), new BigDecimal("200000")};
      case ViolationTypes.EIA_UNAPPROVED -> new BigDecimal[] {
          INVESTMENT.multiply(new BigDecimal("0.01")).setScale(0, java.math.RoundingMode.FLOOR),
          INVESTMENT.multiply(new BigDecimal("0.05")).setScale(0, java.math.RoundingMode.CEILING)};
      default -> new BigDecimal[] {new BigDecimal("100000"), new BigDecimal("1000000")};
    };
  }

  private static List<UnaryOperator<Point>> raises() {
    return List.of(
        p -> next(p.ratio()) == null ? null : new Point(p.type(), next(p.ratio()), p.days(), p.sensitive(),
            p.violations(), p.first(), p.corrected(), p.harm(), p.apl32()),
        p -> nextDay(p.days()) == null ? null : new Point(p.type(), p.ratio(), nextDay(p.days()), p.sensitive(),
            p.violations(), p.first(), p.corrected(), p.harm(), p.apl32()),
        p -> p.sensitive() ? null : new Point(p.type(), p.ratio(), p.days(), true, p.violations(), p.first(),
            p.corrected(), p.harm(), p.apl32()),
        p -> p.harm() ? null : new Point(p.type(), p.ratio(), p.days(), p.sensitive(), p.violations(), p.first(),
            p.corrected(), true, p.apl32()),
        p -> p.first() || p.violations() == 4 ? null : new Point(p.type(), p.ratio(), p.days(), p.sensitive(),
            p.violations() == 1 ? 2 : 4, false, p.corrected(), p.harm(), p.apl32()));
  }

  private static Double next(double ratio) {
    for (int i = 0; i < RATIOS.length - 1; i++) {
      if (RATIOS[i] == ratio) {
        return RATIOS[i + 1];
      }
    }
    return null;
  }

  private static Integer nextDay(int days) {
    for (int i = 0; i < DAYS.length - 1; i++) {
      if (DAYS[i] == days) {
        return DAYS[i + 1];
      }
    }
    return null;
  }

  static String yuan(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString() + "元";
  }
}
