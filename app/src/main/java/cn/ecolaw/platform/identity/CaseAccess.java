package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Which unit may see which case. A grant is kept in {@code case_access} (read by {@code /api/cases/**}) and mirrored
 * in Camunda: the unit's case-handling groups get READ on the case's process instance and its history, unless they
 * read every instance of that process anyway (the bureau reads all enforcement cases).
 *
 * <p>The bureau gets its case at registration, the court at the application for non-litigation execution; a court
 * sees that one bureau case, not the bureau's others.
 */
@Service
public class CaseAccess {

  private final CaseAccessRepository repository;
  private final EngineGrants grants;
  private final AccessProperties properties;
  private final Caller caller;
  private final CaseFileRepository cases;
  private final Set<String> historyWithheld = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Set<String> historyWithheldProcesses = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public CaseAccess(CaseAccessRepository repository, EngineGrants grants, AccessProperties properties, Caller caller,
      CaseFileRepository cases) {
    this.repository = repository;
    this.grants = grants;
    this.properties = properties;
    this.caller = caller;
    this.cases = cases;
  }

  /** Lets a unit see a case (its process instance and history). Idempotent. */
  public void grant(String caseNo, String unit) {
    grant(caseNo, unit, "授权查看");
  }

  public void grant(String caseNo, String unit, String reason) {
    if (caseNo == null || caseNo.isBlank()) {
      throw new IllegalArgumentException("caseNo is required");
    }
    if (properties.groupsOf(unit).isEmpty()) {
      throw new IllegalArgumentException("unknown unit (no case groups in platform.access.case-groups): " + unit);
    }
    boolean added = repository.insert(caseNo, unit, reason);
    cases.find(caseNo).map(CaseFile::processInstanceId)
        .ifPresent(pid -> letUnitRead(unit, pid, ProcessKeys.ENFORCEMENT_CASE));
    // every other instance of the case too (its appraisals, injunctions, restorations, reviews)
    grants.instancesNamingCase(caseNo).forEach((pid, key) -> letUnitRead(unit, pid, key));
    if (added) {
      grants.caseReadChanged(caseNo);
    }
  }

  /**
   * Lets a unit's case groups read one process instance and its history (unless they read every instance of the
   * process anyway, or the history of that process is withheld from the unit: {@link #withholdHistory}).
   */
  public void letUnitRead(String unit, String processInstanceId, String processDefinitionKey) {
    letRead(unit, properties.groupsOf(unit), processInstanceId, processDefinitionKey);
  }

  /**
   * The unit reads instances of the process but never their history: the review office reads a review instance,
   * whose history holds each tier's independent score.
   */
  public void withholdHistory(String processDefinitionKey, String unit) {
    historyWithheld.add(processDefinitionKey + "\u0000" + unit);
    historyWithheldProcesses.add(processDefinitionKey);
  }

  /**
   * Whether the history of the process is withheld from some unit: then its tasks give no HISTORIC_TASK permission
   * (through which Camunda would let a task's candidates read every historic variable of the instance).
   */
  public boolean historyWithheld(String processDefinitionKey) {
    return historyWithheldProcesses.contains(processDefinitionKey);
  }

  /** The bureau registers a case. */
  public void registered(String caseNo) {
    grant(caseNo, properties.bureauUnit(), "立案登记");
  }

  /**
   * Another process instance belongs to the case now (e.g. the court's non-litigation execution): every unit that
   * may see the case may see that instance too.
   */
  public void processStarted(String caseNo, String processInstanceId, String processDefinitionKey) {
    for (String unit : repository.unitsOf(caseNo)) {
      letUnitRead(unit, processInstanceId, processDefinitionKey);
    }
  }

  public String bureauUnit() {
    return properties.bureauUnit();
  }

  public String courtUnit() {
    return properties.courtUnit();
  }

  public List<CaseAccessRepository.Grant> grantsOf(String caseNo) {
    return repository.grantsOf(caseNo);
  }

  /** Whether the current caller may see the case (always, for engine-internal work and the administrator). */
  public boolean mayRead(String caseNo) {
    return caller.unrestricted() || repository.anyOf(caseNo, properties.unitsHandledBy(caller.groups()));
  }

  /** Refuses a caller who may not see the case: 404 when there is no such case, 403 when it is another unit's. */
  public void check(String caseNo) {
    if (caller.unrestricted()) {
      return;
    }
    if (!cases.exists(caseNo)) {
      throw PlatformException.notFound("CASE-404", "案件不存在：" + caseNo);
    }
    if (!mayRead(caseNo)) {
      throw new PlatformException(403, "AUTH-003", "无权查看案件" + caseNo + "：该案件不属于本单位，也未移交本单位办理");
    }
  }

  /** Empty when the caller is not restricted; else the units whose cases the caller may list. */
  public Optional<Set<String>> restriction() {
    return caller.unrestricted() ? Optional.empty() : Optional.of(properties.unitsHandledBy(caller.groups()));
  }

  private void letRead(String unit, List<String> groups, String processInstanceId, String processDefinitionKey) {
    boolean history = !historyWithheld.contains(processDefinitionKey + "\u0000" + unit);
    // the groups' standing grants on the process, read at once (two queries, not two per group and permission)
    Map<Permission, Set<String>> standing = grants.groupsGranted(groups, Resources.PROCESS_DEFINITION,
        processDefinitionKey, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    for (String group : groups) {
      if (!standing.get(ProcessDefinitionPermissions.READ_INSTANCE).contains(group)) {
        grants.grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
      }
      if (history && !standing.get(ProcessDefinitionPermissions.READ_HISTORY).contains(group)) {
        grants.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
            HistoricProcessInstancePermissions.READ);
      }
    }
  }
}
