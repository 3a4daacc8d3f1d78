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
    String violatedProvision,
    String conductKind,
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

  /** True when the conduct is evasion of supervision (暗管、篡改监测数据…): never minor, EPL 63 transfer to review. */
  public boolean evasionOfSupervision() {
    return "EVASION".equals(conductKind);
  }

  /**
   * Multi-line plain Chinese text for the penalty decision document and the case file: the grade and the factors,
   * no internal codes and no decision identifiers (a party reads it). The decision version stays in the record.
   */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("行政处罚自由裁量情况\n");
    s.append("裁量依据：本机关行政处罚自由裁量基准（").append(decisionVersion).append("版）\n");
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
    if (inputs.get("disposalCost") != null) {
      line(s, "所需处置费用", yuan(inputs.get("disposalCost")));
    }
    line(s, "从轻或者减轻处罚情节（行政处罚法第三十二条）", groundsText());
    if (evasionOfSupervision()) {
      line(s, "逃避监管", "是（不属于违法行为轻微；依照《中华人民共和国环境保护法》第六十三条审查是否移送公安机关）");
    }
    s.append("裁量结果：\n");
    line(s, "裁量等级", outcomeLabel());
    line(s, "处罚种类", "NO_PENALTY".equals(outcome) ? "不予行政处罚" : "罚款");
    line(s, "基准罚款金额", yuan(fineAmount));
    line(s, "法定罚款幅度", yuan(fineMin) + "至" + yuan(fineMax));
    // the provision broken and the penalty basis are stated once, in the body of the document (APL 59)
    return s.toString();
  }

  private String groundsText() {
    StringBuilder g = new StringBuilder();
    String[][] grounds = {{"harmEliminated", "主动消除或者减轻违法行为危害后果"}, {"coerced", "受他人胁迫或者诱骗实施违法行为"},
        {"confessedUnknown", "主动供述行政机关尚未掌握的违法行为"}, {"meritoriousService", "配合行政机关查处违法行为有立功表现"},
        {"otherStatutoryMitigation", "法律、法规、规章规定的其他从轻或者减轻情形"}};
    for (String[] ground : grounds) {
      if (Boolean.TRUE.equals(inputs.get(ground[0])) || "true".equals(String.valueOf(inputs.get(ground[0])))) {
        g.append(g.length() == 0 ? "" : "；").append(ground[1]);
      }
    }
    return g.length() == 0 ? "无" : g.toString();
  }

  private static void line(StringBuilder s, String label, String value) {
    s.append("  ").append(label).append("：").append(value).append('\n');
  }

  private static String violationTypeText(Object code) {
    return code == null ? "未填写" : ViolationTypes.name(code.toString());
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
