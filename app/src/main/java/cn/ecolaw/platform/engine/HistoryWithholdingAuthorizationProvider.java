package cn.ecolaw.platform.engine;

import java.util.Arrays;
import java.util.function.Predicate;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default task authorizations, except that a task of a process whose history is withheld
 * ({@code identity.CaseAccess#withholdHistory}: the case review) gives its candidates and assignee no
 * HISTORIC_TASK permission. With historic instance permissions on, Camunda lets a HISTORIC_TASK grant on any task of an
 * instance read every historic variable and detail of that instance: the provincial reviewer's own task would show
 * the city reviewer's score in {@code /history/variable-instance} and {@code /history/detail}.
 */
class HistoryWithholdingAuthorizationProvider extends DefaultAuthorizationProvider {

  private final Predicate<String> historyWithheld;

  HistoryWithholdingAuthorizationProvider(Predicate<String> historyWithheld) {
    this.historyWithheld = historyWithheld;
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
