package cn.ecolaw.platform.review;

import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.identity.EngineGrants;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing Camunda authorizations of {@code case-review} (idempotent, every start): the review office's groups
 * start (by drawing a sample) and read review instances, but not their history (it holds each tier's independent
 * score); the bureau's groups read the reviews of their own cases, instance by instance. Tasks themselves go to
 * their candidate groups.
 */
@Component
@Order(1)
public class ReviewAuthorizations implements ApplicationRunner {

  private final EngineGrants grants;
  private final AccessProperties properties;
  private final ReviewOffice office;

  public ReviewAuthorizations(EngineGrants grants, AccessProperties properties, ReviewOffice office,
      CaseAccess access) {
    this.grants = grants;
    this.properties = properties;
    this.office = office;
    access.withholdHistory(CaseReview.PROCESS_KEY, office.unit());
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String group : properties.groupsOf(office.unit())) {
      grants.grant(group, Resources.PROCESS_DEFINITION, CaseReview.PROCESS_KEY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE);
      grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
      // the history of a review holds each tier's independent score: no reviewer reads it
      grants.revoke(group, Resources.PROCESS_DEFINITION, CaseReview.PROCESS_KEY,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (String group : properties.groupsOf(properties.bureauUnit())) {
      // the bureau reads the reviews of its own cases, instance by instance (CaseAccess)
      grants.grant(group, Resources.PROCESS_DEFINITION, CaseReview.PROCESS_KEY, ProcessDefinitionPermissions.READ);
      grants.revoke(group, Resources.PROCESS_DEFINITION, CaseReview.PROCESS_KEY,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
  }
}
