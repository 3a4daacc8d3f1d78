package cn.ecolaw.platform.cooperation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the member units work together ({@code platform.cooperation}): per unit, the short name in transfer and
 * consultation numbers, the group that handles what is transferred or addressed to it, the group that approves and
 * chases (督办), and the unit's deadline for answering a transfer.
 *
 * @param units per unit id (as in {@code platform.access.case-groups})
 * @param opinionWorkingDays default time for a consultation's opinions, in working days
 */
@ConfigurationProperties("platform.cooperation")
public record CooperationProperties(Map<String, UnitSettings> units, Integer opinionWorkingDays) {

  /**
   * @param answerDays the receiver's time to accept or return a transfer
   * @param workingDays whether {@code answerDays} counts working days (else calendar days, ending on a working day)
   */
  public record UnitSettings(String name, String shortName, String handlerGroup, String headGroup, int answerDays,
      boolean workingDays) {}

  public CooperationProperties {
    units = units == null ? Map.of() : Map.copyOf(units);
    opinionWorkingDays = opinionWorkingDays == null ? 5 : opinionWorkingDays;
  }

  public UnitSettings of(String unit) {
    return units.get(unit);
  }
}
