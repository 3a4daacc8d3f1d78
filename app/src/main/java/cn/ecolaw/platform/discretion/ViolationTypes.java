package cn.ecolaw.platform.discretion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable violation type codes of DOMAIN.md §3 with their Chinese names. Only the codes and names live here;
 * fine ranges and legal bases live in the {@code statutory-range} decision.
 */
public final class ViolationTypes {

  public static final String EIA_UNAPPROVED = "EIA_UNAPPROVED";

  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("WATER_EXCEED", "超标或超总量排放水污染物");
    NAMES.put("AIR_EXCEED", "超标或超总量排放大气污染物");
    NAMES.put("SOLID_WASTE_GENERAL", "一般工业固体废物违法（一般情形）");
    NAMES.put("SOLID_WASTE_SERIOUS", "一般工业固体废物违法（较重情形）");
    NAMES.put("HAZARDOUS_WASTE", "危险废物违法");
    NAMES.put(EIA_UNAPPROVED, "未依法报批环境影响评价文件擅自开工建设");
  }

  private ViolationTypes() {}

  public static boolean isKnown(String code) {
    return code != null && NAMES.containsKey(code);
  }

  /** The Chinese name, or the code itself when unknown. */
  public static String name(String code) {
    return NAMES.getOrDefault(code, String.valueOf(code));
  }

  public static Map<String, String> all() {
    return Map.copyOf(NAMES);
  }
}
