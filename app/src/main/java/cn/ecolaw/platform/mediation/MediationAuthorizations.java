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
 *   <li>mediators: read disputes and confirmations (their tasks come through the candidate group);</li>
 *   <li>bureau and court groups: ask for an appraisal and follow it; appraisers read appraisals.</li>
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
  private static final Permission[] READ = {ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY};

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
    definition(court, Appraisals.PROCESS_KEY, START);
    definition(bureau, Appraisals.PROCESS_KEY, START);
    definition(properties.groupsOf(MEDIATION_UNIT), MediationRouting.PROCESS_KEY, READ);
    definition(properties.groupsOf(MEDIATION_UNIT), JudicialConfirmation.PROCESS_KEY, READ);
    definition(properties.groupsOf(APPRAISAL_UNIT), Appraisals.PROCESS_KEY, READ);
    for (String group : court) {
      grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }
  }

  private void definition(List<String> groups, String key, Permission... permissions) {
    for (String group : groups) {
      grants.grant(group, Resources.PROCESS_DEFINITION, key, permissions);
    }
  }
}
