package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the {@code penalty-discretion} decision (DESIGN.md "Contract"). {@code exceedRatio} 0.35 means 35%
 * over the standard; {@code totalInvestment} (yuan) is used only for {@code EIA_UNAPPROVED}.
 *
 * <p>Added for APL 59 and 32: {@code violationConduct} (the conduct the officer confirms at investigation; it decides
 * the provision broken and the penalty item, see the {@code violation-provision} decision), {@code disposalCost}
 * (yuan, Solid waste law 112 items 3, 4, 10, 11) and the APL 32 grounds {@code harmEliminated}, {@code coerced},
 * {@code confessedUnknown}, {@code meritoriousService}, {@code otherStatutoryMitigation}.
 */
public record DiscretionInput(
    String violationType,
    BigDecimal exceedRatio,
    Integer durationDays,
    boolean sensitiveArea,
    int violationsIn2Years,
    boolean firstViolation,
    boolean correctedPromptly,
    boolean harmOccurred,
    BigDecimal totalInvestment,
    String violationConduct,
    BigDecimal disposalCost,
    boolean harmEliminated,
    boolean coerced,
    boolean confessedUnknown,
    boolean meritoriousService,
    boolean otherStatutoryMitigation) {

  /** The nine inputs of the original contract; no conduct chosen, no disposal cost, no APL 32 ground. */
  public DiscretionInput(String violationType, BigDecimal exceedRatio, Integer durationDays, boolean sensitiveArea,
      int violationsIn2Years, boolean firstViolation, boolean correctedPromptly, boolean harmOccurred,
      BigDecimal totalInvestment) {
    this(violationType, exceedRatio, durationDays, sensitiveArea, violationsIn2Years, firstViolation,
        correctedPromptly, harmOccurred, totalInvestment, null, null, false, false, false, false, false);
  }

  /** The same case with the conduct and the APL 32 grounds given. */
  public DiscretionInput with(String conduct, BigDecimal cost, boolean harmEliminated, boolean coerced,
      boolean confessedUnknown, boolean meritoriousService, boolean otherStatutoryMitigation) {
    return new DiscretionInput(violationType, exceedRatio, durationDays, sensitiveArea, violationsIn2Years,
        firstViolation, correctedPromptly, harmOccurred, totalInvestment, conduct, cost, harmEliminated, coerced,
        confessedUnknown, meritoriousService, otherStatutoryMitigation);
  }

  /** True when one of the grounds of APL 32 is present. */
  public boolean hasApl32Ground() {
    return harmEliminated || coerced || confessedUnknown || meritoriousService || otherStatutoryMitigation;
  }

  /** Reads process or request variables; numbers may be Integer/Long/Double/BigDecimal/String, booleans Boolean or "true". */
  public static DiscretionInput fromVariables(Map<String, Object> vars) {
    if (vars == null) {
      throw PlatformException.badRequest("DISC-001", "未知的违法行为类型：（空）");
    }
    Object type = vars.get("violationType");
    Object conduct = vars.get("violationConduct");
    Integer violations = VariableValues.integer(vars.get("violationsIn2Years"), "两年内违法次数");
    return new DiscretionInput(
        type == null ? null : type.toString().trim(),
        VariableValues.decimal(vars.get("exceedRatio"), "超标比例"),
        VariableValues.integer(vars.get("durationDays"), "持续天数"),
        VariableValues.bool(vars.get("sensitiveArea"), "是否位于敏感区域"),
        violations == null ? 0 : violations,
        VariableValues.bool(vars.get("firstViolation"), "是否初次违法"),
        VariableValues.bool(vars.get("correctedPromptly"), "是否及时改正"),
        VariableValues.bool(vars.get("harmOccurred"), "是否造成危害后果"),
        VariableValues.decimal(vars.get("totalInvestment"), "建设项目总投资额"),
        conduct == null || conduct.toString().isBlank() ? null : conduct.toString().trim(),
        VariableValues.decimal(vars.get("disposalCost"), "所需处置费用"),
        VariableValues.bool(vars.get("harmEliminated"), "是否主动消除或者减轻危害后果"),
        VariableValues.bool(vars.get("coerced"), "是否受他人胁迫或者诱骗"),
        VariableValues.bool(vars.get("confessedUnknown"), "是否主动供述尚未掌握的违法行为"),
        VariableValues.bool(vars.get("meritoriousService"), "是否配合查处有立功表现"),
        VariableValues.bool(vars.get("otherStatutoryMitigation"), "是否有其他法定从轻或者减轻情形"));
  }

  /**
   * The variables the decision reads, with engine-friendly types (Double, Integer, Boolean, String; absent values
   * as null) so that they can also be stored as process variables.
   */
  public Map<String, Object> toVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("violationType", violationType);
    vars.put("exceedRatio", exceedRatio == null ? null : exceedRatio.doubleValue());
    vars.put("durationDays", durationDays);
    vars.put("sensitiveArea", sensitiveArea);
    vars.put("violationsIn2Years", violationsIn2Years);
    vars.put("firstViolation", firstViolation);
    vars.put("correctedPromptly", correctedPromptly);
    vars.put("harmOccurred", harmOccurred);
    vars.put("totalInvestment", totalInvestment == null ? null : totalInvestment.doubleValue());
    vars.put("violationConduct", violationConduct);
    vars.put("disposalCost", disposalCost == null ? null : disposalCost.doubleValue());
    vars.put("harmEliminated", harmEliminated);
    vars.put("coerced", coerced);
    vars.put("confessedUnknown", confessedUnknown);
    vars.put("meritoriousService", meritoriousService);
    vars.put("otherStatutoryMitigation", otherStatutoryMitigation);
    return vars;
  }

  /** Refuses inputs the decision cannot judge, with a code and a Chinese message (HTTP 400). */
  public void validate() {
    if (!ViolationTypes.isKnown(violationType)) {
      throw PlatformException.badRequest("DISC-001",
          "未知的违法行为类型：" + (violationType == null || violationType.isBlank() ? "（空）" : violationType));
    }
    if (exceedRatio != null && exceedRatio.signum() < 0) {
      throw PlatformException.badRequest("DISC-002", "超标比例不能为负数：" + exceedRatio.toPlainString());
    }
    if (durationDays != null && durationDays < 0) {
      throw PlatformException.badRequest("DISC-003", "违法行为持续天数不能为负数：" + durationDays);
    }
    if (violationsIn2Years < 1) {
      throw PlatformException.badRequest("DISC-004", "两年内违法次数（含本次）至少为1次");
    }
    if (ViolationTypes.EIA_UNAPPROVED.equals(violationType)
        && (totalInvestment == null || totalInvestment.signum() <= 0)) {
      throw PlatformException.badRequest("DISC-005", "未批先建案件须填写大于零的建设项目总投资额（元）");
    }
    if (firstViolation && violationsIn2Years > 1) {
      throw PlatformException.badRequest("DISC-006",
          "“初次违法”与“两年内违法" + violationsIn2Years + "次”相互矛盾，请核实");
    }
    if (totalInvestment != null && totalInvestment.signum() < 0) {
      throw PlatformException.badRequest("DISC-007", "建设项目总投资额不能为负数");
    }
    if (disposalCost != null && disposalCost.signum() < 0) {
      throw PlatformException.badRequest("DISC-009", "所需处置费用不能为负数");
    }
  }
}
