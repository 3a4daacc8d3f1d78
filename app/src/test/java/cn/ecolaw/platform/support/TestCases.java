package cn.ecolaw.platform.support;

import cn.ecolaw.platform.enforcement.PartyIds;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Start variables and task inputs for enforcement cases, as an officer would enter them. */
public final class TestCases {

  private static final AtomicInteger SERIAL = new AtomicInteger(5000 + (int) (System.nanoTime() % 1000));

  private TestCases() {}

  /** A fresh case number of the agency (湖环, application.yml) that no other test uses (serials from 5000 up). */
  public static String caseNo() {
    return "湖环罚〔2026〕" + SERIAL.incrementAndGet() + "号";
  }

  public static String uscc() {
    return PartyIds.withUsccCheck("91330502MA2B3C4D5");
  }

  /** A water-pollution case by a company: a fine in the statutory range, no hearing right. */
  public static Map<String, Object> enterpriseWater() {
    Map<String, Object> v = new HashMap<>();
    v.put("partyName", "湖州测试印染有限公司");
    v.put("partyType", "ENTERPRISE");
    v.put("partyId", uscc());
    v.put("region", "浙江省湖州市吴兴区");
    v.put("partyAddress", "浙江省湖州市吴兴区织里镇工业园区纬三路18号");
    v.put("domain", "WATER");
    v.put("clueSource", "ALARM");
    v.put("facts", "夜间在线监控报警，废水总排口化学需氧量超标排放。");
    v.put("violationType", "WATER_EXCEED");
    v.put("exceedRatio", 0.3);
    v.put("durationDays", 3);
    v.put("sensitiveArea", false);
    v.put("violationsIn2Years", 1);
    v.put("firstViolation", true);
    v.put("correctedPromptly", false);
    v.put("harmOccurred", false);
    return v;
  }

  /** A serious case: large exceedance in a sensitive area, repeated, harm done (heavier fine, hearing right). */
  public static Map<String, Object> enterpriseSerious() {
    Map<String, Object> v = enterpriseWater();
    v.put("exceedRatio", 2.5);
    v.put("durationDays", 40);
    v.put("sensitiveArea", true);
    v.put("violationsIn2Years", 3);
    v.put("firstViolation", false);
    v.put("harmOccurred", true);
    return v;
  }

  /** APL 33: minor, promptly corrected, no harm, first violation. */
  public static Map<String, Object> minor() {
    Map<String, Object> v = enterpriseWater();
    v.put("exceedRatio", 0.05);
    v.put("durationDays", 1);
    v.put("correctedPromptly", true);
    return v;
  }

  public static Map<String, Object> of(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
