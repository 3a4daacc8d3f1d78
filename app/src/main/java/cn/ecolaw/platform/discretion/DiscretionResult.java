package cn.ecolaw.platform.discretion;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What the deployed {@code penalty-discretion} decision said, with the exact decision version and the inputs it
 * was given, so that the case file shows how the fine was reached.
 */
public record DiscretionResult(
    String outcome,
    BigDecimal fineAmount,
    BigDecimal fineMin,
    BigDecimal fineMax,
    String legalBasis,
    String decisionKey,
    int decisionVersion,
    String decisionDefinitionId,
    Map<String, Object> inputs,
    Instant evaluatedAt) {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

  public DiscretionResult {
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }

  public String outcomeLabel() {
    return outcomeLabel(outcome);
  }

  static String outcomeLabel(String outcome) {
    if (outcome == null) {
      return "未知";
    }
    return switch (outcome) {
      case "NO_PENALTY" -> "不予处罚";
      case "MITIGATED" -> "减轻处罚";
      case "LIGHTER" -> "从轻处罚";
      case "STANDARD" -> "一般处罚";
      case "HEAVIER" -> "从重处罚";
      default -> outcome;
    };
  }

  /** Multi-line Chinese text for the penalty decision document and the case file. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("行政处罚自由裁量计算结果\n");
    s.append("裁量基准：").append(decisionKey).append(" 第").append(decisionVersion).append("版（定义标识 ")
        .append(decisionDefinitionId).append("）\n");
    s.append("计算时间：").append(evaluatedAt == null ? "未知" : TIME.format(evaluatedAt.atZone(CHINA))).append('\n');
    s.append("裁量因素：\n");
    line(s, "违法行为类型", violationTypeText(inputs.get("violationType")));
    line(s, "超标比例", percent(inputs.get("exceedRatio")));
    line(s, "违法行为持续天数", inputs.get("durationDays") == null ? "不适用" : inputs.get("durationDays") + "日");
    line(s, "是否位于敏感区域", yesNo(inputs.get("sensitiveArea")));
    line(s, "两年内违法次数（含本次）", inputs.get("violationsIn2Years") + "次");
    line(s, "是否初次违法", yesNo(inputs.get("firstViolation")));
    line(s, "是否及时改正", yesNo(inputs.get("correctedPromptly")));
    line(s, "是否造成危害后果", yesNo(inputs.get("harmOccurred")));
    line(s, "建设项目总投资额", inputs.get("totalInvestment") == null ? "不适用" : yuan(inputs.get("totalInvestment")));
    s.append("裁量结果：\n");
    line(s, "处罚种类", outcomeLabel() + "（" + outcome + "）");
    line(s, "基准罚款金额", yuan(fineAmount));
    line(s, "法定罚款幅度", yuan(fineMin) + "至" + yuan(fineMax));
    line(s, "法律依据", legalBasis);
    return s.toString();
  }

  private static void line(StringBuilder s, String label, String value) {
    s.append("  ").append(label).append("：").append(value).append('\n');
  }

  private static String violationTypeText(Object code) {
    return code == null ? "未填写" : ViolationTypes.name(code.toString()) + "（" + code + "）";
  }

  private static String yesNo(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)) ? "是" : "否";
  }

  private static String percent(Object ratio) {
    BigDecimal r = VariableValues.decimal(ratio, "超标比例");
    if (r == null) {
      return "不适用";
    }
    return r.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  static String yuan(Object amount) {
    BigDecimal a = VariableValues.decimal(amount, "金额");
    if (a == null) {
      return "不适用";
    }
    return new DecimalFormat("#,##0.##").format(a) + "元";
  }
}
