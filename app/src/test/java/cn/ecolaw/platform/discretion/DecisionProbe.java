package cn.ecolaw.platform.discretion;

import java.math.BigDecimal;
import java.util.Map;

/** Evaluates {@code penalty-discretion} through the engine's DecisionService (by key, latest version). */
final class DecisionProbe {

  private DecisionProbe() {}

  record Outcome(String outcome, long fine, long min, long max, String basis, String violated) {}

  static Outcome evaluate(DiscretionInput input) {
    Map<String, Object> row = DiscretionTestEngine.engine().getDecisionService()
        .evaluateDecisionByKey("penalty-discretion").variables(input.toVariables()).evaluate().getSingleResult()
        .getEntryMap();
    return new Outcome((String) row.get("outcome"), ((Number) row.get("fineAmount")).longValue(),
        ((Number) row.get("fineMin")).longValue(), ((Number) row.get("fineMax")).longValue(),
        (String) row.get("legalBasis"), (String) row.get("violatedProvision"));
  }

  static DiscretionInput input(String type, String ratio, Integer days, boolean sensitive, int violations,
      boolean first, boolean corrected, boolean harm, String investment) {
    return new DiscretionInput(type, ratio == null ? null : new BigDecimal(ratio), days, sensitive, violations, first,
        corrected, harm, investment == null ? null : new BigDecimal(investment));
  }
}
