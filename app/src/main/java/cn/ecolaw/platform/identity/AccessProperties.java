package cn.ecolaw.platform.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may handle what ({@code platform.access}): the member units (groups of type UNIT) and, per unit, the groups
 * that handle its cases. Membership of a unit alone grants nothing: the policy analyst and the administrator belong
 * to the bureau but handle no case. With a directory (LDAP) the same group ids come from the directory.
 *
 * @param adminGroup sees and may do everything (Camunda's {@code camunda-admin})
 * @param bureauUnit the unit that registers enforcement cases
 * @param courtUnit the unit that receives applications for non-litigation execution
 * @param caseGroups per unit, the groups that handle that unit's cases
 * @param cockpitGroups groups that may open Cockpit (supervisors, the policy analyst)
 * @param decisionGroups groups that read, edit, deploy and test decision tables
 */
@ConfigurationProperties("platform.access")
public record AccessProperties(
    String adminGroup,
    String bureauUnit,
    String courtUnit,
    Map<String, List<String>> caseGroups,
    List<String> cockpitGroups,
    List<String> decisionGroups) {

  public AccessProperties {
    caseGroups = caseGroups == null ? Map.of() : Map.copyOf(caseGroups);
    cockpitGroups = cockpitGroups == null ? List.of() : List.copyOf(cockpitGroups);
    decisionGroups = decisionGroups == null ? List.of() : List.copyOf(decisionGroups);
  }

  /** The groups that handle the cases of a unit (none for an unknown unit). */
  public List<String> groupsOf(String unit) {
    return caseGroups.getOrDefault(unit, List.of());
  }

  /** The units whose cases a member of these groups handles. */
  public Set<String> unitsHandledBy(List<String> groups) {
    Set<String> units = new TreeSet<>();
    caseGroups.forEach((unit, handlers) -> {
      if (handlers.stream().anyMatch(groups::contains)) {
        units.add(unit);
      }
    });
    return units;
  }

  /** Every group that handles cases of some unit. */
  public Set<String> allCaseGroups() {
    Set<String> all = new TreeSet<>();
    caseGroups.values().forEach(all::addAll);
    return all;
  }
}
