package cn.ecolaw.platform.analytics;

import java.util.List;
import java.util.Map;

/**
 * Whose figures a dashboard reader sees: every unit (province level, the administrator) or the units listed (a
 * bureau's supervisor: their bureau). {@code unitNames} maps each unit id to its name (the names are how reviews
 * record the reviewed unit).
 */
public record Scope(boolean all, List<String> units, Map<String, String> unitNames) {

  /** A label for the page: 全省（全部单位） or the units' names. */
  public String label() {
    if (all) {
      return "全部单位（省级）";
    }
    return String.join("、", units.stream().map(u -> unitNames.getOrDefault(u, u)).toList());
  }

  public String nameOf(String unit) {
    return unitNames.getOrDefault(unit, unit);
  }
}
