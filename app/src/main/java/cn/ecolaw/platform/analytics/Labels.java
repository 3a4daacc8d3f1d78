package cn.ecolaw.platform.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of the codes the dashboards show (process keys, domains, violation types, grades, states). */
final class Labels {

  static final Map<String, String> PROCESSES = ordered(
      "enforcement-case", "行政处罚案件",
      "daily-penalty", "按日连续处罚",
      "non-litigation-execution", "非诉执行",
      "injunction", "禁止令",
      "restoration", "生态修复",
      "mediation-routing", "诉前调解",
      "judicial-confirmation", "司法确认",
      "appraisal", "评估鉴定",
      "case-review", "案卷评查");

  /** The flows handled by the court: the seed's "court cases handled". */
  static final java.util.List<String> COURT_PROCESSES = java.util.List.of("non-litigation-execution", "injunction",
      "restoration", "mediation-routing", "judicial-confirmation");

  static final Map<String, String> DOMAINS = ordered(
      "WATER", "水", "AIR", "大气", "SOLID_WASTE", "固体废物", "SOIL", "土壤", "NOISE", "噪声", "ECOLOGY", "生态",
      "EIA", "环境影响评价");

  static final Map<String, String> VIOLATION_TYPES = ordered(
      "WATER_EXCEED", "超标排放水污染物",
      "AIR_EXCEED", "超标排放大气污染物",
      "SOLID_WASTE_GENERAL", "一般固体废物违法",
      "SOLID_WASTE_SERIOUS", "一般固体废物严重违法",
      "HAZARDOUS_WASTE", "危险废物违法",
      "EIA_UNAPPROVED", "未批先建");

  static final Map<String, String> GRADES = ordered(
      "NO_PENALTY", "不予处罚", "MITIGATED", "减轻处罚", "LIGHTER", "从轻处罚", "STANDARD", "一般处罚",
      "HEAVIER", "从重处罚");

  static final Map<String, String> STATES = ordered("met", "按期完成", "pending", "期限未届满", "missed", "超期");

  private Labels() {}

  static String of(Map<String, String> labels, String code) {
    return code == null ? "未填写" : labels.getOrDefault(code, code);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
