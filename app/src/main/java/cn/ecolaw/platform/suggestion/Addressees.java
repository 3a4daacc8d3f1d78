package cn.ecolaw.platform.suggestion;

import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The units a court may address a suggestion to: every member unit with case groups in
 * {@code platform.access.case-groups} except the court itself, so that a unit added there (procuratorate, police,
 * natural resources, agriculture…) is a valid addressee without a code change. A unit's name is its group's name
 * (type UNIT) in the identity service, as in the directory.
 */
@Component
public class Addressees {

  private final AccessProperties access;
  private final AgencyProperties agency;
  private final IdentityService identity;

  public Addressees(AccessProperties access, AgencyProperties agency, IdentityService identity) {
    this.access = access;
    this.agency = agency;
    this.identity = identity;
  }

  /** The known addressees (unit ids). */
  public Set<String> known() {
    Set<String> units = new TreeSet<>(access.caseGroups().keySet());
    units.remove(access.courtUnit());
    return units;
  }

  /** Refuses an unknown unit (SUG-002); returns the unit id. */
  public String check(Object unit) {
    String id = unit == null ? "" : unit.toString().trim();
    if (!known().contains(id)) {
      throw PlatformException.badRequest("SUG-002", "建议对象“" + id + "”不是平台的成员单位，司法建议只能向已登记的成员单位发出");
    }
    return id;
  }

  /** The groups that handle the unit's work: the candidate groups of its reply. */
  public List<String> groupsOf(String unit) {
    return access.groupsOf(unit);
  }

  /** The unit's Chinese name, as the directory (identity service) names it. */
  public String nameOf(String unit) {
    Group g = identity.createGroupQuery().groupId(unit).singleResult();
    if (g != null && g.getName() != null && !g.getName().isBlank()) {
      return g.getName();
    }
    if (unit.equals(access.bureauUnit())) {
      return agency.name();
    }
    throw PlatformException.badRequest("SUG-002", "建议对象“" + unit + "”在用户目录中没有单位名称");
  }
}
