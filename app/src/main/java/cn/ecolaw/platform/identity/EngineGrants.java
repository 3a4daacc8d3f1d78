package cn.ecolaw.platform.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes Camunda authorizations (GRANT to a group). The only place that writes them: idempotent (a permission that
 * is already granted is not added twice), and run without authorization checks so that it works in a user's request
 * as well as in engine-internal work.
 */
@Component
public class EngineGrants {

  private final ProcessEngine engine;
  private final org.springframework.context.ApplicationEventPublisher events;

  public EngineGrants(ProcessEngine engine, org.springframework.context.ApplicationEventPublisher events) {
    this.engine = engine;
    this.events = events;
  }

  /** A unit was given access to the case (case_access): read models of who reads a case follow it. */
  public void caseReadChanged(String caseNo) {
    events.publishEvent(new CaseReadChanged(caseNo, null));
  }

  /** A read grant on one instance's history given or taken back: read models of who reads a case follow it. */
  private void readChanged(Resource resource, String resourceId) {
    if (resource.resourceType() == org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE.resourceType()
        && resourceId != null && !Authorization.ANY.equals(resourceId)) {
      events.publishEvent(new CaseReadChanged(null, resourceId));
    }
  }

  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    withoutChecks(() -> {
      AuthorizationService service = engine.getAuthorizationService();
      // a grant written earlier in this transaction is not flushed yet, so a query does not find it: remember it
      Map<String, Authorization> pending = pendingInTransaction();
      String key = groupId + "|" + resource.resourceType() + "|" + resourceId;
      Authorization earlier = pending == null ? null : pending.get(key);
      if (earlier != null) {
        for (Permission p : permissions) {
          if (!earlier.isPermissionGranted(p)) {
            earlier.addPermission(p);
          }
        }
        return;
      }
      Authorization existing = service.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
      Authorization a = existing != null ? existing : service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      List<Permission> missing = new ArrayList<>();
      for (Permission p : permissions) {
        if (existing == null || !existing.isPermissionGranted(p)) {
          missing.add(p);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      a.setGroupId(groupId);
      a.setResource(resource);
      a.setResourceId(resourceId);
      missing.forEach(a::addPermission);
      Authorization saved = service.saveAuthorization(a);
      if (pending != null) {
        pending.put(key, saved);
      }
      readChanged(resource, resourceId);
    });
  }

  private static final Object PENDING = new Object();

  /** The grants written in the current (Spring) transaction, or null outside one. */
  @SuppressWarnings("unchecked")
  private static Map<String, Authorization> pendingInTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, Authorization> pending = (Map<String, Authorization>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      pending = new java.util.HashMap<>();
      TransactionSynchronizationManager.bindResource(PENDING, pending);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
      });
    }
    return pending;
  }

  /** Whether members of the group hold the permission already (through a specific or a "*" grant). */
  public boolean granted(String groupId, Permission permission, Resource resource, String resourceId) {
    boolean[] out = new boolean[1];
    withoutChecks(() -> {
      for (String id : List.of(resourceId, Authorization.ANY)) {
        out[0] |= engine.getAuthorizationService().createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
            .resourceId(id).hasPermission(permission).count() > 0;
      }
    });
    return out[0];
  }

  /**
   * Per permission, the groups among {@code groupIds} that hold it already (through a specific or a "*" grant), as
   * {@link #granted} answers for each group and permission, but with one query per resource id for all of them.
   */
  public Map<Permission, java.util.Set<String>> groupsGranted(java.util.Collection<String> groupIds,
      Resource resource, String resourceId, Permission... permissions) {
    Map<Permission, java.util.Set<String>> out = new LinkedHashMap<>();
    for (Permission p : permissions) {
      out.put(p, new java.util.HashSet<>());
    }
    if (groupIds.isEmpty()) {
      return out;
    }
    withoutChecks(() -> {
      for (String id : List.of(resourceId, Authorization.ANY)) {
        for (Authorization a : engine.getAuthorizationService().createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupIds.toArray(String[]::new))
            .resourceType(resource).resourceId(id).list()) {
          for (Permission p : permissions) {
            if (a.isPermissionGranted(p)) {
              out.get(p).add(a.getGroupId());
            }
          }
        }
      }
    });
    return out;
  }

  /** Takes permissions back from a group (a standing grant the policy no longer gives). */
  public void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    withoutChecks(() -> {
      AuthorizationService service = engine.getAuthorizationService();
      Authorization existing = service.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
      if (existing == null) {
        return;
      }
      boolean changed = false;
      for (Permission p : permissions) {
        if (existing.isPermissionGranted(p)) {
          existing.removePermission(p);
          changed = true;
        }
      }
      if (changed) {
        service.saveAuthorization(existing);
        readChanged(resource, resourceId);
      }
    });
  }

  /** The process instances (id → process definition key) whose variable {@code caseNo} names the case. */
  public Map<String, String> instancesNamingCase(String caseNo) {
    Map<String, String> out = new LinkedHashMap<>();
    withoutChecks(() -> engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("caseNo")
        .variableValueEquals("caseNo", caseNo).list().forEach(v -> {
          if (v.getProcessInstanceId() != null) {
            out.put(v.getProcessInstanceId(), v.getProcessDefinitionKey());
          }
        }));
    return out;
  }

  private void withoutChecks(Runnable work) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(() -> {
          work.run();
          return null;
        }));
  }
}
