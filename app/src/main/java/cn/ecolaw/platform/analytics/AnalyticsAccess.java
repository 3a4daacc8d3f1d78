package cn.ecolaw.platform.analytics;

import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who reads the dashboards and whose figures: the administrator and the province-level groups
 * ({@code platform.analytics.province-groups}, the provincial reviewer) read every unit's; the unit-level groups
 * ({@code unit-groups}: the bureau's supervisor and head) read the figures of the units they are members of; anyone
 * else is refused (403, ANA-001). Unit isolation is in every query: an index document counts for a reader only
 * when one of its {@code units} is the reader's.
 */
@Component
public class AnalyticsAccess {

  private final Caller caller;
  private final AccessProperties access;
  private final AnalyticsProperties properties;
  private final IdentityService identity;

  public AnalyticsAccess(Caller caller, AccessProperties access, AnalyticsProperties properties,
      IdentityService identity) {
    this.caller = caller;
    this.access = access;
    this.properties = properties;
    this.identity = identity;
  }

  /** The caller's scope; 403 ANA-001 for callers who read no dashboard. */
  public Scope scope() {
    Map<String, String> names = unitNames();
    if (caller.unrestricted()) {
      return new Scope(true, List.copyOf(names.keySet()), names);
    }
    List<String> groups = caller.groups();
    if (groups.stream().anyMatch(properties.provinceGroups()::contains)) {
      return new Scope(true, List.copyOf(names.keySet()), names);
    }
    if (groups.stream().anyMatch(properties.unitGroups()::contains)) {
      List<String> units = groups.stream().filter(access.caseGroups()::containsKey).sorted().toList();
      if (!units.isEmpty()) {
        return new Scope(false, units, names);
      }
    }
    throw new PlatformException(403, "ANA-001",
        "无权查看监督看板：仅限执法监督人员、局负责人（本单位数据）、省级评查员和管理员（全部单位数据）");
  }

  /** Every member unit (the units of {@code platform.access.case-groups}) and its name. */
  private Map<String, String> unitNames() {
    Map<String, String> names = new LinkedHashMap<>();
    access.caseGroups().keySet().stream().sorted().forEach(u -> names.put(u, u));
    for (Group g : identity.createGroupQuery().groupType("UNIT").list()) {
      if (names.containsKey(g.getId()) && g.getName() != null) {
        names.put(g.getId(), g.getName());
      }
    }
    return names;
  }
}
