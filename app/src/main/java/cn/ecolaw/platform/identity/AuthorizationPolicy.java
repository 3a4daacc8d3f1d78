package cn.ecolaw.platform.identity;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing Camunda authorizations per group, written at every start (idempotent), in every profile: with a
 * directory the groups come from the directory, the authorizations from here.
 * <ul>
 *   <li>administrator group: everything;</li>
 *   <li>bureau case groups: start and read {@code enforcement-case} instances and their history; read
 *       {@code non-litigation-execution}, where the bureau is the applicant and has tasks of its own; read
 *       {@code daily-penalty} (按日连续处罚), its own decision called from its case;</li>
 *   <li>court case groups: read {@code non-litigation-execution} instances and history (the bureau's process starts
 *       them as engine-internal work);</li>
 *   <li>every case group: Tasklist and the shared task filters; tasks themselves are visible to their candidate
 *       group only (Camunda grants READ/UPDATE on a task to its candidate groups when the task is created);</li>
 *   <li>cockpit groups: Cockpit; decision groups: decision definitions (read, edit, evaluate) and deployments
 *       (CREATE/READ on DEPLOYMENT: Camunda cannot tell resources apart, so the engine door
 *       {@code cn.ecolaw.platform.engine.DecisionDeploymentGuard} lets them deploy FEEL decision tables only, never
 *       processes or forms).</li>
 * </ul>
 * A single case handed to another unit is granted by {@link CaseAccess}, not here.
 */
@Component
@Order(0)
public class AuthorizationPolicy implements ApplicationRunner {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private final EngineGrants grants;
  private final AccessProperties properties;

  public AuthorizationPolicy(EngineGrants grants, AccessProperties properties) {
    this.grants = grants;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    apply();
  }

  public void apply() {
    for (Resources resource : Resources.values()) {
      grants.grant(properties.adminGroup(), resource, Authorization.ANY, Permissions.ALL);
    }
    for (String group : properties.groupsOf(properties.bureauUnit())) {
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.ENFORCEMENT_CASE, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
      grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
      // the bureau is the applicant in non-litigation-execution and works tasks there (higher-court request,
      // challenge, 裁执分离 execution)
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.NON_LITIGATION_EXECUTION,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
      // 按日连续处罚 is the bureau's own penalty decision, called from its case (no start form, no user start)
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.DAILY_PENALTY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (String group : properties.groupsOf(properties.courtUnit())) {
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.NON_LITIGATION_EXECUTION,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    // 禁止令: the bureau applies (from its case) and monitors compliance; the court registers direct applications
    // and rules. 修复令: the court orders (start form); the bureau helps with the plan and supervises. The court
    // decides every injunction and orders every restoration (it reads them all); the bureau reads only those of its
    // own cases and those it started, instance by instance (CaseUnitGuard, CaseAccess.letUnitRead); its tasks in the
    // others come through the candidate group.
    for (String group : properties.groupsOf(properties.bureauUnit())) {
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.INJUNCTION, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.RESTORATION, ProcessDefinitionPermissions.READ);
      for (String key : new String[] {ProcessKeys.INJUNCTION, ProcessKeys.RESTORATION}) {
        grants.revoke(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    for (String group : properties.groupsOf(properties.courtUnit())) {
      for (String key : new String[] {ProcessKeys.INJUNCTION, ProcessKeys.RESTORATION}) {
        grants.grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY);
      }
      grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }
    // 执法任务指派: the bureau dispatches (alarms, complaints, draws through /api) and reads every inspection.
    // 司法建议: the court drafts (start form) and reads every suggestion; an addressee reads the one addressed to it
    // (CaseAccess.letUnitRead when the suggestion is issued), and replies through its candidate groups.
    for (String group : properties.groupsOf(properties.bureauUnit())) {
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.INSPECTION_DISPATCH,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (String group : properties.groupsOf(properties.courtUnit())) {
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.JUDICIAL_SUGGESTION,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    // 线索移送 and 会商 (issue 13): every member unit may start them through the platform (/api; no start form, so not
    // through /engine-rest: DOOR-001); each instance is read only by the units it concerns (CaseAccess.letUnitRead)
    for (String group : properties.allCaseGroups()) {
      for (String key : new String[] {ProcessKeys.CLUE_TRANSFER, ProcessKeys.CONSULTATION}) {
        grants.grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
      grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }
    for (String group : properties.allCaseGroups()) {
      // any unit may be the addressee of a suggestion: it sees the definition (its reply task's form), not instances
      grants.grant(group, Resources.PROCESS_DEFINITION, ProcessKeys.JUDICIAL_SUGGESTION,
          ProcessDefinitionPermissions.READ);
      grants.grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      grants.grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
    }
    for (String group : properties.cockpitGroups()) {
      grants.grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    }
    for (String group : properties.decisionGroups()) {
      grants.grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.UPDATE,
          Permissions.CREATE_INSTANCE);
      grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
      grants.grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
    }
  }
}
