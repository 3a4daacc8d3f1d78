package cn.ecolaw.platform.engine;

import java.util.Arrays;
import java.util.function.Predicate;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default task authorizations, except that a task of a process whose history is withheld
 * ({@code identity.CaseAccess#withholdHistory}: the case review) gives its candidates and assignee no
 * HISTORIC_TASK permission. With historic instance permissions on, Camunda lets a HISTORIC_TASK grant on any task of an
 * instance read every historic variable and detail of that instance: the provincial reviewer's own task would show
 * the city reviewer's score in {@code /history/variable-instance} and {@code /history/detail}.
 *
 * <p>A task created in the current command cannot have a stored authorization yet (its id is new): its candidates'
 * grants are created without Camunda's look-up of an existing one (a query per grant, two per candidate group), with
 * exactly the permissions, removal time and merging of same-command grants Camunda gives them
 * ({@code platform.task-grants.skip-lookup}, default on).
 */
class HistoryWithholdingAuthorizationProvider extends DefaultAuthorizationProvider {

  private final Predicate<String> historyWithheld;
  private final boolean skipLookupForNewTasks;

  HistoryWithholdingAuthorizationProvider(Predicate<String> historyWithheld) {
    this(historyWithheld, true);
  }

  HistoryWithholdingAuthorizationProvider(Predicate<String> historyWithheld, boolean skipLookupForNewTasks) {
    this.historyWithheld = historyWithheld;
    this.skipLookupForNewTasks = skipLookupForNewTasks;
  }

  @Override
  protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
      Resource resource, boolean isHistoric, Permission... permissions) {
    if (!skipLookupForNewTasks || !createdInThisCommand(task)) {
      return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
    }
    // Camunda's createOrUpdateAuthorization when getGrantAuthorization finds nothing, which it cannot for a new id
    AuthorizationEntity authorization = createAuthorization(userId, groupId, resource, task.getId(), permissions);
    if (isHistoric) {
      provideRemovalTime(authorization, task);
    }
    return authorization;
  }

  /** Whether the task is inserted by the current command (not flushed yet: nothing about it is stored). */
  static boolean createdInThisCommand(Task task) {
    CommandContext command = Context.getCommandContext();
    return task instanceof TaskEntity entity && command != null
        && command.getDbEntityManager().getDbEntityCache().isTransient(entity);
  }

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String userId, String groupId) {
    AuthorizationEntity[] all = super.createOrUpdateAuthorizations(task, userId, groupId);
    if (all == null || !historyWithheld.test(processKey(task))) {
      return all;
    }
    return Arrays.stream(all).filter(a -> a != null && a.getResourceType() != Resources.HISTORIC_TASK.resourceType())
        .toArray(AuthorizationEntity[]::new);
  }

  static String processKey(Task task) {
    String definitionId = task.getProcessDefinitionId();
    if (definitionId == null) {
      return null;
    }
    int colon = definitionId.indexOf(':');
    return colon < 0 ? definitionId : definitionId.substring(0, colon);
  }
}
