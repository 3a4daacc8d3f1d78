package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.enforcement.PartyIds;
import java.util.HashMap;
import java.util.Map;

/** Sample start data for the demo: real-looking parties with valid identifiers. */
public final class DemoCases {

  private DemoCases() {}

  public static Map<String, Object> waterCase(String name, String usccBody) {
    Map<String, Object> v = new HashMap<>();
    v.put("partyName", name);
    v.put("partyType", "ENTERPRISE");
    v.put("partyId", PartyIds.withUsccCheck(usccBody));
    v.put("legalRepresentative", "沈建国");
    v.put("partyAddress", "浙江省湖州市吴兴区织里镇工业园区纬三路18号");
    v.put("region", "浙江省湖州市吴兴区");
    v.put("domain", "WATER");
    v.put("clueSource", "ALARM");
    v.put("facts", "2026年10月9日夜间，在线监控系统报警显示该公司废水总排口化学需氧量浓度超过《纺织染整工业水污染物排放标准》限值，执法人员随即赶赴现场核查。");
    v.put("violationType", "WATER_EXCEED");
    v.put("exceedRatio", 0.85);
    v.put("durationDays", 12);
    v.put("sensitiveArea", false);
    v.put("violationsIn2Years", 2);
    v.put("firstViolation", false);
    v.put("correctedPromptly", false);
    v.put("harmOccurred", true);
    return v;
  }

  static Map<String, Object> airCase(String name, String usccBody) {
    Map<String, Object> v = waterCase(name, usccBody);
    v.put("domain", "AIR");
    v.put("clueSource", "INSPECTION");
    v.put("violationType", "AIR_EXCEED");
    v.put("exceedRatio", 0.32);
    v.put("durationDays", 5);
    v.put("violationsIn2Years", 1);
    v.put("firstViolation", true);
    v.put("harmOccurred", false);
    v.put("facts", "2026年10月20日，执法人员对该公司进行现场检查，委托监测结果显示其锅炉废气排放口氮氧化物浓度超过排放标准。");
    return v;
  }

  static Map<String, Object> minorCase() {
    Map<String, Object> v = new HashMap<>();
    v.put("partyName", "顾晓明");
    v.put("partyType", "INDIVIDUAL");
    v.put("partyId", PartyIds.withIdCheck("33050219800101123"));
    v.put("partyAddress", "浙江省湖州市吴兴区爱山街道红旗路66号");
    v.put("region", "浙江省湖州市吴兴区");
    v.put("domain", "WATER");
    v.put("clueSource", "COMPLAINT");
    v.put("facts", "群众举报其经营的洗车点废水直排雨水管网。经查，超标幅度轻微，当事人当场停止排放并完成整改，未造成危害后果。");
    v.put("violationType", "WATER_EXCEED");
    v.put("exceedRatio", 0.05);
    v.put("durationDays", 1);
    v.put("sensitiveArea", false);
    v.put("violationsIn2Years", 1);
    v.put("firstViolation", true);
    v.put("correctedPromptly", true);
    v.put("harmOccurred", false);
    return v;
  }
}
