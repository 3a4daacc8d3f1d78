package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A finding on site becomes an enforcement case (clue source: inspection), with the inspection's facts carried over.
 * The one place where an inspection starts a case: a clue-transfer step may later be put in between here.
 */
@Service
public class InspectionCases {

  static final Map<String, String> DOMAIN_OF = Map.of("WATER_EXCEED", "WATER", "AIR_EXCEED", "AIR",
      "SOLID_WASTE_GENERAL", "SOLID_WASTE", "HAZARDOUS_WASTE", "SOLID_WASTE");

  private final CaseLauncher launcher;

  public InspectionCases(CaseLauncher launcher) {
    this.launcher = launcher;
  }

  /**
   * Opens the case; returns its number. The discretion facts the inspection does not establish (earlier violations,
   * duration, harm) start at their neutral values and are confirmed at investigation (Task_Investigate).
   */
  public String open(Map<String, Object> inspection) {
    String type = inspection.get("findingViolationType").toString();
    Map<String, Object> start = new HashMap<>();
    start.put("partyName", inspection.get("sourceName"));
    start.put("partyType", "ENTERPRISE");
    start.put("partyId", inspection.get("creditCode"));
    start.put("partyAddress", inspection.get("sourceAddress"));
    if (inspection.get("legalRepresentative") != null) {
      start.put("legalRepresentative", inspection.get("legalRepresentative"));
    }
    start.put("region", inspection.get("region"));
    start.put("domain", DOMAIN_OF.get(type));
    start.put("clueSource", "INSPECTION");
    String facts = "经现场检查（" + inspection.get("inspectionNo") + "，" + inspection.get("inspectionDate")
        + "，检查人员：" + inspection.get("inspectorNames") + "）发现：" + inspection.get("findingFacts");
    start.put("facts", facts.length() > 4000 ? facts.substring(0, 4000) : facts);
    start.put("violationType", type);
    Object ratio = inspection.get("exceedRatio");
    if (ratio instanceof Number n && ("WATER_EXCEED".equals(type) || "AIR_EXCEED".equals(type))) {
      start.put("exceedRatio", n.doubleValue());
    }
    start.put("durationDays", 1);
    start.put("violationsIn2Years", 1);
    start.put("sensitiveArea", false);
    start.put("firstViolation", false);
    start.put("correctedPromptly", false);
    start.put("harmOccurred", false);
    return launcher.start(null, start);
  }
}
