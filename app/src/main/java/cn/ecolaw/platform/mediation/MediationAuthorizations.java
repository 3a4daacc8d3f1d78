package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.appraisal.Appraisals;
import cn.ecolaw.platform.confirmation.JudicialConfirmation;
import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.EngineGrants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations of {@code mediation-routing}, {@code judicial-confirmation} and {@code appraisal}, written at
 * every start (idempotent), after the platform's own policy:
 * <ul>
 *   <li>court groups: register disputes and applications for confirmation (start, read instances and history);</li>
 *   <li>mediators: read the disputes routed to them and the confirmations they applied for, instance by instance
 *       (their tasks come through the candidate group);</li>
 *   <li>bureau and court groups: ask for an appraisal and follow those of their own cases (instance by instance,
 *       {@code identity.CaseUnitGuard}); appraisers read the appraisals commissioned to them.</li>
 * </ul>
 */
@Component
@Order(1)
public class MediationAuthorizations implements ApplicationRunner {

  static final String MEDIATION_UNIT = "unit-mediation";
  static final String APPRAISAL_UNIT = "unit-appraisal";

  private static final Permission[] START = {ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_HISTORY};
  private static final Permission[] START_ONLY = {ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.CREATE_INSTANCE};

  private final EngineGrants grants;
  private final AccessProperties properties;

  public MediationAuthorizations(EngineGrants grants, AccessProperties properties) {
    this.grants = grants;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    apply();
  }

  public void apply() {
    List<String> court = properties.groupsOf(properties.courtUnit());
    List<String> bureau = properties.groupsOf(properties.bureauUnit());
    definition(court, MediationRouting.PROCESS_KEY, START);
    definition(court, JudicialConfirmation.PROCESS_KEY, START);
    // an appraisal belongs to a case: each unit reads the appraisals of its own cases and of the cases handed to
    // it, instance by instance (CaseUnitGuard), never the whole process; the institution reads those commissioned
    // to it; mediators read the disputes routed to them and the confirmations they applied for
    definition(court, Appraisals.PROCESS_KEY, START_ONLY);
    definition(bureau, Appraisals.PROCESS_KEY, START_ONLY);
    definition(properties.groupsOf(MEDIATION_UNIT), MediationRouting.PROCESS_KEY, ProcessDefinitionPermissions.READ);
    definition(properties.groupsOf(MEDIATION_UNIT), JudicialConfirmation.PROCESS_KEY,
        ProcessDefinitionPermissions.READ);
    definition(properties.groupsOf(APPRAISAL_UNIT), Appraisals.PROCESS_KEY, ProcessDefinitionPermissions.READ);
    for (List<String> groups : List.of(court, bureau, properties.groupsOf(APPRAISAL_UNIT))) {
      revokeInstanceReads(groups, Appraisals.PROCESS_KEY);
    }
    revokeInstanceReads(properties.groupsOf(MEDIATION_UNIT), MediationRouting.PROCESS_KEY);
    revokeInstanceReads(properties.groupsOf(MEDIATION_UNIT), JudicialConfirmation.PROCESS_KEY);
    for (String group : court) {
      grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }
  }

  private void revokeInstanceReads(List<String> groups, String key) {
    for (String group : groups) {
      grants.revoke(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
  }

  private void definition(List<String> groups, String key, Permission... permissions) {
    for (String group : groups) {
      grants.grant(group, Resources.PROCESS_DEFINITION, key, permissions);
    }
  }
}
