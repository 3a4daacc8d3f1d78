package cn.ecolaw.platform.enforcement;

import java.util.LinkedHashMap;
import java.util.Map;

/** The codes of the enforcement-case contract with the Chinese words used on forms and in documents. */
public final class Vocabulary {

  public static final Map<String, String> PARTY_TYPES = ordered(
      "ENTERPRISE", "法人或者其他组织", "INDIVIDUAL", "自然人");

  public static final Map<String, String> DOMAINS = ordered(
      "WATER", "水污染防治", "AIR", "大气污染防治", "SOLID_WASTE", "固体废物污染防治", "SOIL", "土壤污染防治",
      "NOISE", "噪声污染防治", "ECOLOGY", "生态保护", "EIA", "环境影响评价");

  public static final Map<String, String> CLUE_SOURCES = ordered(
      "INSPECTION", "日常检查", "ALARM", "在线监控报警", "COMPLAINT", "群众举报", "TRANSFER", "其他部门移送");

  public static final Map<String, String> VIOLATION_TYPES = ordered(
      "WATER_EXCEED", "超标、超总量排放水污染物或者无证、逃避监管排污",
      "AIR_EXCEED", "超标、超总量排放大气污染物或者无证、逃避监管排污",
      "SOLID_WASTE_GENERAL", "违反一般工业固体废物管理规定（第一百零二条第一项、第八项）",
      "SOLID_WASTE_SERIOUS", "违反一般工业固体废物管理规定（第一百零二条第二项至第六项、第九项至第十一项）",
      "HAZARDOUS_WASTE", "违反危险废物管理规定",
      "EIA_UNAPPROVED", "建设项目环境影响评价文件未经批准擅自开工建设");

  /** The conduct confirmed at investigation (decides the provision broken, see the violation-provision decision). */
  public static final Map<String, String> VIOLATION_CONDUCTS = ordered(
      "WATER_OVER_STANDARD", "超过水污染物排放标准或者重点水污染物排放总量控制指标排放水污染物",
      "WATER_NO_PERMIT", "未依法取得排污许可证排放水污染物",
      "WATER_EVASION", "以逃避监管的方式排放水污染物",
      "AIR_OVER_STANDARD", "超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物",
      "AIR_NO_PERMIT", "未依法取得排污许可证排放大气污染物",
      "AIR_EVASION", "以逃避监管的方式排放大气污染物",
      "SW_NO_DISCLOSURE", "未依法及时公开固体废物污染环境防治信息",
      "SW_NO_LEDGER", "未建立工业固体废物管理台账并如实记录",
      "SW_ENTRUSTED_UNCHECKED", "违反规定委托他人运输、利用、处置工业固体废物",
      "SW_STORAGE_UNPROTECTED", "贮存工业固体废物未采取符合国家环境保护标准的防护措施",
      "HW_NO_LABEL", "未按照规定设置危险废物识别标志",
      "HW_NO_PLAN", "未按照国家有关规定制定危险废物管理计划或者申报危险废物有关资料",
      "HW_DUMPING", "擅自倾倒、堆放危险废物",
      "HW_UNLICENSED_RECIPIENT", "将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事经营活动",
      "HW_TRANSFER", "未按照国家有关规定填写、运行危险废物转移联单或者未经批准擅自转移危险废物",
      "HW_IMPROPER_STORAGE", "未按照国家环境保护标准贮存、利用、处置危险废物或者将危险废物混入非危险废物中贮存",
      "HW_LEAKAGE", "未采取相应防范措施，造成危险废物扬散、流失、渗漏或者其他环境污染",
      "HW_DISCARD_IN_TRANSIT", "在运输过程中沿途丢弃、遗撒危险废物",
      "EIA_UNAPPROVED", "建设项目环境影响评价文件未经批准擅自开工建设");

  public static final Map<String, String> MEASURES = ordered(
      "NONE", "无", "SUSPEND_PRODUCTION", "责令停产整治", "SUSPEND_BUSINESS", "责令停业",
      "CLOSE", "责令关闭", "LICENCE_REVOCATION", "吊销许可证", "CONFISCATION", "没收较大数额违法所得");

  public static final Map<String, String> SERVICE_METHODS = ordered(
      "DIRECT", "直接送达", "LEAVE", "留置送达", "MAIL", "邮寄送达", "ELECTRONIC", "电子送达", "NOTICE", "公告送达");

  public static final Map<String, String> OUTCOMES = ordered(
      "PAID", "已缴纳罚款结案", "NO_PENALTY", "不予行政处罚", "NOT_FILED", "不予立案",
      "TRANSFERRED_TO_POLICE", "移送公安机关", "COURT_ENFORCEMENT", "申请法院强制执行", "REVOKED", "处罚决定被撤销",
      "JUDGMENT_ENFORCEMENT", "申请人民法院执行生效判决", "RECONSIDERATION_BODY_ENFORCEMENT", "移交行政复议机关执行");

  private Vocabulary() {}

  public static String label(Map<String, String> codes, Object code) {
    if (code == null) {
      return null;
    }
    return codes.getOrDefault(code.toString(), code.toString());
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
