package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rosters tests dispatch from: the three bureau officers of the demo users at fixed places (吴兴, 南浔, 长兴) and a
 * new pollution source per call (unique id, so that tests do not see each other's sources).
 */
public final class DispatchFixture {

  private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100000));

  private DispatchFixture() {}

  public static void officers(DispatchRoster roster) {
    roster.save(new InspectionOfficer("officer1", "张伟", "unit-bureau", "浙33050001", "吴兴区", 30.8700, 120.1000, true));
    roster.save(new InspectionOfficer("officer2", "刘洋", "unit-bureau", "浙33050002", "南浔区", 30.8800, 120.4200, true));
    roster.save(new InspectionOfficer("officer3", "陈静", "unit-bureau", "浙33050003", "长兴县", 31.0200, 119.9100, true));
  }

  /** A source near officer1 (吴兴,織里); then officer3 (长兴) is nearer than officer2 (南浔). */
  public static PollutionSource nearWuxing(DispatchRoster roster, String area) {
    return save(roster, "湖州测试印染有限公司", area, 30.8600, 120.0800);
  }

  /** A source without a location, in an area. */
  public static PollutionSource unlocated(DispatchRoster roster, String area) {
    return save(roster, "湖州测试纺织有限公司", area, null, null);
  }

  static PollutionSource save(DispatchRoster roster, String name, String area, Double lat, Double lon) {
    PollutionSource s = new PollutionSource("PS-" + SERIAL.incrementAndGet(), name, TestCases.uscc(), "沈建国",
        "浙江省湖州市吴兴区织里镇工业园区纬三路18号", "浙江省湖州市吴兴区", area, "WATER", lat, lon, true);
    roster.save(s);
    return s;
  }

  public static Map<String, Object> alarm(String sourceId) {
    Map<String, Object> a = new HashMap<>();
    a.put("sourceId", sourceId);
    a.put("pollutant", "化学需氧量");
    a.put("measuredValue", 130);
    a.put("limitValue", 100);
    a.put("unit", "毫克/升");
    a.put("measuredAt", LocalDateTime.now(Dates.ZONE).minusHours(1).withNano(0).toString());
    return a;
  }

  /** The on-site record's fields: with or without a finding. */
  public static Map<String, Object> record(boolean finding) {
    Map<String, Object> r = TestCases.of("inspectionDate", Dates.today().toString(), "sitePerson", "沈建国（厂长）",
        "inspectionSituation", "废水处理设施正常运行，总排口有废水外排。", "violationFound", String.valueOf(finding));
    if (finding) {
      r.put("findingViolationType", "WATER_EXCEED");
      r.put("findingFacts", "总排口废水化学需氧量浓度130毫克/升，超过排放限值。");
    }
    return r;
  }
}
