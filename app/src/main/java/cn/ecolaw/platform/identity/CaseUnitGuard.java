package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.AgencyProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Unit isolation for every process start, whatever the door (called by the engine adapter
 * {@code engine.CaseUnitEnginePlugin} for each new root process instance), deciding exactly as {@code /api} does
 * through {@link CaseAccess}:
 * <ul>
 *   <li>a user's own start (not the platform's start from a delegate) that names a case — in {@code caseNo} or as
 *       business key — is allowed only when the case belongs to the user's unit or was handed to it
 *       ({@value UnitRefusal#OTHER_UNITS_CASE}); a bureau case number that is not registered may not be named
 *       ({@value UnitRefusal#UNREGISTERED_CASE}); a number no unit holds yet (a court's own docket, say) becomes the
 *       starting unit's;</li>
 *   <li>a start in a unit's name must be in the user's own unit's: {@code appraisal}'s {@code requestedBy}, an
 *       {@code injunction} whose applicant is the bureau ({@value UnitRefusal#OTHER_UNITS_NAME});</li>
 *   <li>every new instance (the user's or the platform's) may be read by the units that may see its case and by the
 *       starting user's unit, instance by instance ({@link CaseAccess#letUnitRead}).</li>
 * </ul>
 * The administrator and engine-internal work (no authenticated user) are not checked.
 */
@Component
public class CaseUnitGuard {

  /** The facts of a starting root process instance. */
  public record Start(String processKey, String processInstanceId, String businessKey,
      Function<String, Object> variables, String userId, List<String> groups, boolean usersOwnCommand) {}

  /** The start fields that name the unit in whose name a process is started, and the unit each value means. */
  static final String APPRAISAL = "appraisal";
  static final String INJUNCTION = "injunction";

  private final CaseAccessRepository grants;
  private final AccessProperties properties;
  private final AgencyProperties agency;
  private final ObjectProvider<CaseAccess> access;

  public CaseUnitGuard(CaseAccessRepository grants, AccessProperties properties, AgencyProperties agency,
      ObjectProvider<CaseAccess> access) {
    this.grants = grants;
    this.properties = properties;
    this.agency = agency;
    this.access = access;
  }

  public void started(Start s) {
    boolean restricted = s.userId() != null && !s.groups().contains(properties.adminGroup());
    Set<String> callerUnits = restricted ? properties.unitsHandledBy(s.groups()) : Set.of();
    String caseNo = text(s.variables().apply("caseNo"));
    if (restricted && s.usersOwnCommand()) {
      Set<String> named = new LinkedHashSet<>();
      if (caseNo != null) {
        named.add(caseNo);
      }
      if (text(s.businessKey()) != null) {
        named.add(s.businessKey().trim());
      }
      for (String no : named) {
        checkNamedCase(s.processKey(), no, callerUnits);
      }
      checkOnBehalf(s, callerUnits);
    }
    Set<String> readers = new LinkedHashSet<>(callerUnits);
    if (caseNo != null) {
      readers.addAll(grants.unitsOf(caseNo));
    }
    for (String unit : readers) {
      access.getObject().letUnitRead(unit, s.processInstanceId(), s.processKey());
    }
  }

  private void checkNamedCase(String processKey, String caseNo, Set<String> callerUnits) {
    List<String> holders = grants.unitsOf(caseNo);
    if (!holders.isEmpty()) {
      if (holders.stream().noneMatch(callerUnits::contains)) {
        throw new UnitRefusal(UnitRefusal.OTHER_UNITS_CASE, "无权在案件" + caseNo
            + "中办理：该案件不属于本单位，也未移交本单位办理，不能以该案号发起流程、制作文书或记录留痕");
      }
      return;
    }
    if (ProcessKeys.ENFORCEMENT_CASE.equals(processKey)) {
      return; // a new case: registration grants it to the bureau
    }
    if (CaseNumbers.isWellFormed(caseNo)) {
      throw new UnitRefusal(UnitRefusal.UNREGISTERED_CASE, "案号" + caseNo + "不是已登记的行政处罚案件，不能以该案号发起流程");
    }
    if (callerUnits.isEmpty()) {
      throw new UnitRefusal(UnitRefusal.OTHER_UNITS_CASE, "无权以案号" + caseNo + "发起流程：当前用户不属于任何办案单位");
    }
    for (String unit : callerUnits) {
      grants.insert(caseNo, unit, "发起流程（" + processKey + "）");
    }
  }

  private void checkOnBehalf(Start s, Set<String> callerUnits) {
    if (APPRAISAL.equals(s.processKey())) {
      Object requestedBy = s.variables().apply("requestedBy");
      Map<String, String> units = Map.of("COURT", properties.courtUnit(), "BUREAU", properties.bureauUnit());
      String unit = requestedBy == null ? null : units.get(requestedBy.toString());
      if (unit != null && !callerUnits.contains(unit)) {
        throw new UnitRefusal(UnitRefusal.OTHER_UNITS_NAME, "不能以其他单位的名义委托鉴定：委托方（requestedBy="
            + requestedBy + "）应为本单位" + ownName(callerUnits));
      }
    }
    if (INJUNCTION.equals(s.processKey())) {
      String applicant = text(s.variables().apply("applicant"));
      if (applicant != null && names(applicant, agency.name(), agency.shortName())
          && !callerUnits.contains(properties.bureauUnit())) {
        throw new UnitRefusal(UnitRefusal.OTHER_UNITS_NAME, "不能以" + agency.name()
            + "的名义申请禁止令：生态环境局的申请只能由局的办案人员提出");
      }
    }
  }

  private String ownName(Set<String> callerUnits) {
    if (callerUnits.contains(properties.courtUnit())) {
      return "（人民法院：COURT）";
    }
    if (callerUnits.contains(properties.bureauUnit())) {
      return "（生态环境部门：BUREAU）";
    }
    return "";
  }

  private static boolean names(String applicant, String name, String shortName) {
    String a = applicant.replaceAll("\\s", "");
    return (name != null && a.contains(name)) || (shortName != null && a.equals(shortName));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
