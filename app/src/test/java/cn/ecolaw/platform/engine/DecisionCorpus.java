package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.discretion.DiscretionInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generated inputs for every decision file under decisions/: each variable the file reads, drawn from the values its
 * rules test (every boundary of every range), values just beside them, random values, absent values (null), and
 * now and then a value of the wrong type (a text where a number is expected) so that failures are exercised too.
 * Seeded: the same seed gives the same corpus.
 */
public final class DecisionCorpus {

  public static final List<String> FILES = List.of("penalty-discretion", "procedure-requirements", "mediation-routing",
      "appraisal-route", "review-grade", "review-arbitration");

  static final String[] VIOLATION_TYPES = {"WATER_EXCEED", "AIR_EXCEED", "SOLID_WASTE_GENERAL", "SOLID_WASTE_SERIOUS",
      "HAZARDOUS_WASTE", "EIA_UNAPPROVED"};
  static final String[] CONDUCTS = {"WATER_OVER_STANDARD", "WATER_EVASION", "WATER_NO_PERMIT", "AIR_OVER_STANDARD",
      "AIR_EVASION", "AIR_NO_PERMIT", "SW_NO_LEDGER", "SW_NO_DISCLOSURE", "SW_STORAGE_UNPROTECTED",
      "SW_ENTRUSTED_UNCHECKED", "HW_NO_LABEL", "HW_NO_PLAN", "HW_IMPROPER_STORAGE", "HW_TRANSFER",
      "HW_UNLICENSED_RECIPIENT", "HW_DUMPING", "HW_LEAKAGE", "HW_DISCARD_IN_TRANSIT", "EIA_UNAPPROVED", "OTHER"};
  private static final double[] RATIOS = {0, 0.05, 0.0999, 0.1, 0.3, 0.4999, 0.5, 0.99, 1, 1.5, 1.999, 2, 3, 10};
  private static final int[] DAYS = {0, 1, 4, 5, 6, 9, 10, 11, 19, 20, 21, 29, 30, 31, 45, 90, 400};
  private static final double[] AMOUNTS = {0, 1, 4999, 5000, 5001, 99_999, 100_000, 100_001, 199_999, 200_000,
      200_001, 299_999, 300_000, 499_999, 500_000, 500_001, 1_000_000, 49_999_999, 50_000_000, 50_000_001, 2e9};
  private static final double[] SCORES = {0, 10, 59.5, 59.99, 60, 60.01, 79.9, 80, 89.5, 90, 95, 99.99, 100, 100.5,
      -1};

  private final Random random;

  public DecisionCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} input maps for the decisions of {@code file} (a name from {@link #FILES}). */
  public List<Map<String, Object>> inputs(String file, int count) {
    Function<Random, Map<String, Object>> generator = switch (file) {
      case "penalty-discretion" -> this::penaltyDiscretion;
      case "procedure-requirements" -> this::procedureRequirements;
      case "mediation-routing" -> this::mediationRouting;
      case "appraisal-route" -> this::appraisalRoute;
      case "review-grade" -> this::reviewGrade;
      case "review-arbitration" -> this::reviewArbitration;
      default -> throw new IllegalArgumentException("no corpus for " + file);
    };
    List<Map<String, Object>> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> vars = generator.apply(random);
      if (random.nextInt(100) == 0) {
        mistype(vars);
      }
      out.add(vars);
    }
    return out;
  }

  /** The conducts of each violation type (the violation-provision decision); null where none need be chosen. */
  private static final Map<String, String[]> CONDUCTS_OF = Map.of(
      "WATER_EXCEED", new String[] {null, "WATER_OVER_STANDARD", "WATER_NO_PERMIT", "WATER_EVASION"},
      "AIR_EXCEED", new String[] {null, "AIR_OVER_STANDARD", "AIR_NO_PERMIT", "AIR_EVASION"},
      "SOLID_WASTE_GENERAL", new String[] {"SW_NO_DISCLOSURE", "SW_NO_LEDGER"},
      "SOLID_WASTE_SERIOUS", new String[] {"SW_ENTRUSTED_UNCHECKED", "SW_STORAGE_UNPROTECTED"},
      "HAZARDOUS_WASTE", new String[] {"HW_NO_LABEL", "HW_NO_PLAN", "HW_DUMPING", "HW_UNLICENSED_RECIPIENT",
          "HW_TRANSFER", "HW_IMPROPER_STORAGE", "HW_LEAKAGE", "HW_DISCARD_IN_TRANSIT"},
      "EIA_UNAPPROVED", new String[] {null, "EIA_UNAPPROVED"});
  /** Conducts fined in multiples of the disposal cost (Solid waste law 112). */
  private static final java.util.Set<String> DISPOSAL_COST_CONDUCTS =
      java.util.Set.of("HW_DUMPING", "HW_UNLICENSED_RECIPIENT", "HW_LEAKAGE", "HW_DISCARD_IN_TRANSIT");

  /**
   * A discretion record as the platform keeps it: an input the discretion service accepts (a known type, a conduct
   * of that type, the disposal cost where the fine is counted in it, consistent counts, the APL 32 grounds).
   */
  public DiscretionInput discretionInput() {
    String type = pick(VIOLATION_TYPES);
    int violations = 1 + (random.nextInt(4) == 0 ? random.nextInt(4) : 0);
    boolean first = violations == 1 && random.nextBoolean();
    BigDecimal investment = type.equals("EIA_UNAPPROVED")
        ? BigDecimal.valueOf(10_000 + random.nextInt(100_000_000)) : null;
    String conduct = pick(CONDUCTS_OF.get(type));
    BigDecimal cost = (conduct != null && DISPOSAL_COST_CONDUCTS.contains(conduct)) || random.nextInt(5) == 0
        ? BigDecimal.valueOf(1 + random.nextInt(2_000_000)) : null;
    DiscretionInput input = new DiscretionInput(type, random.nextInt(8) == 0 ? null : BigDecimal.valueOf(ratio()),
        random.nextInt(8) == 0 ? null : days(), random.nextInt(5) == 0, violations, first, random.nextBoolean(),
        random.nextInt(4) == 0, investment);
    boolean grounds = random.nextInt(6) == 0;
    return input.with(conduct, cost, grounds && random.nextBoolean(), grounds && random.nextInt(4) == 0,
        grounds && random.nextInt(4) == 0, grounds && random.nextInt(4) == 0, grounds && random.nextInt(3) == 0);
  }

  private Map<String, Object> penaltyDiscretion(Random r) {
    Map<String, Object> v = new HashMap<>();
    v.put("violationType", r.nextInt(40) == 0 ? (r.nextBoolean() ? null : "NOISE") : pick(VIOLATION_TYPES));
    v.put("violationConduct", switch (r.nextInt(10)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "UNKNOWN_CONDUCT";
      default -> pick(CONDUCTS);
    });
    v.put("exceedRatio", r.nextInt(10) == 0 ? null : ratio());
    v.put("durationDays", r.nextInt(10) == 0 ? null : days());
    v.put("sensitiveArea", bool(r));
    v.put("violationsIn2Years", r.nextInt(6));
    v.put("firstViolation", bool(r));
    v.put("correctedPromptly", bool(r));
    v.put("harmOccurred", bool(r));
    v.put("totalInvestment", r.nextInt(3) == 0 ? null : amount());
    v.put("disposalCost", r.nextInt(3) == 0 ? null : amount());
    for (String ground : List.of("harmEliminated", "coerced", "confessedUnknown", "meritoriousService",
        "otherStatutoryMitigation")) {
      v.put(ground, r.nextInt(5) == 0 ? bool(r) : Boolean.FALSE);
    }
    return v;
  }

  private Map<String, Object> procedureRequirements(Random r) {
    Map<String, Object> v = new HashMap<>();
    v.put("partyType", switch (r.nextInt(12)) {
      case 0 -> null;
      case 1 -> "OTHER";
      default -> r.nextBoolean() ? "ENTERPRISE" : "INDIVIDUAL";
    });
    v.put("proposedFine", amount());
    v.put("measure", r.nextInt(8) == 0 ? null : pick(new String[] {"NONE", "SUSPEND_PRODUCTION", "SUSPEND_BUSINESS",
        "CLOSE", "LICENCE_REVOCATION", "CONFISCATION", "WARNING"}));
    v.put("complexCase", bool(r));
    v.put("majorPublicInterest", bool(r));
    v.put("hearingThresholdIndividual", r.nextInt(3) == 0 ? amount() : null);
    v.put("hearingThresholdOrganisation", r.nextInt(3) == 0 ? amount() : null);
    return v;
  }

  private Map<String, Object> mediationRouting(Random r) {
    Map<String, Object> v = new HashMap<>();
    v.put("caseCategory", r.nextInt(10) == 0 ? null
        : pick(new String[] {"NEIGHBOUR_NUISANCE", "POLLUTION_DAMAGE", "ECOLOGICAL_DAMAGE", "OTHER"}));
    v.put("publicInterest", bool(r));
    v.put("claimAmount", r.nextInt(10) == 0 ? null : amount());
    v.put("partiesConsent", bool(r));
    return v;
  }

  private Map<String, Object> appraisalRoute(Random r) {
    Map<String, Object> v = new HashMap<>();
    v.put("estimatedAmount", r.nextInt(10) == 0 ? null : amount());
    v.put("simpleCase", bool(r));
    v.put("methodExists", bool(r));
    v.put("tooSlowOrCostly", bool(r));
    return v;
  }

  private Map<String, Object> reviewGrade(Random r) {
    Map<String, Object> v = new HashMap<>();
    v.put("vetoFailed", bool(r));
    v.put("totalScore", score(r));
    return v;
  }

  private Map<String, Object> reviewArbitration(Random r) {
    Map<String, Object> v = new HashMap<>();
    v.put("cityVetoFailed", bool(r));
    v.put("provinceVetoFailed", bool(r));
    v.put("cityScore", score(r));
    v.put("provinceScore", score(r));
    return v;
  }

  /** One variable gets a text, or a number where a text or a boolean is expected. */
  private void mistype(Map<String, Object> vars) {
    List<String> names = new ArrayList<>(vars.keySet());
    java.util.Collections.sort(names);
    String name = names.get(random.nextInt(names.size()));
    Object value = vars.get(name);
    vars.put(name, value instanceof String ? (Object) 42 : "非数值");
  }

  private Object score(Random r) {
    if (r.nextInt(20) == 0) {
      return null;
    }
    return r.nextBoolean() ? SCORES[r.nextInt(SCORES.length)] : Math.round(r.nextDouble() * 1000) / 10.0;
  }

  private Boolean bool(Random r) {
    int x = r.nextInt(30);
    return x == 0 ? null : x % 2 == 0;
  }

  private double ratio() {
    return random.nextBoolean() ? RATIOS[random.nextInt(RATIOS.length)]
        : Math.round(random.nextDouble() * 4000) / 1000.0;
  }

  private int days() {
    return random.nextBoolean() ? DAYS[random.nextInt(DAYS.length)] : random.nextInt(60);
  }

  private Object amount() {
    double a = random.nextBoolean() ? AMOUNTS[random.nextInt(AMOUNTS.length)]
        : Math.round(random.nextDouble() * Math.pow(10, 1 + random.nextInt(8)));
    return switch (random.nextInt(6)) {
      case 0 -> (long) a;
      case 1 -> (int) Math.min(a, Integer.MAX_VALUE);
      default -> a;
    };
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
