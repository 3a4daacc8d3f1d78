package cn.ecolaw.platform.filecheck;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The variables of a case's process instance as the history keeps them (the instance's own scope wins over a
 * local variable of the same name), whether the instance runs or has ended. Read as the platform: whoever calls this
 * has passed the case check of {@code /api/cases/{caseNo}/**} (CaseAccess), and the file must be read whole, not
 * as far as the engine's per-instance grants of the caller reach.
 */
@Component
public class CaseVariables {

  private final HistoryService history;
  private final IdentityService identity;

  public CaseVariables(HistoryService history, IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  public Map<String, Object> of(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    if (processInstanceId == null) {
      return vars;
    }
    return asPlatform(() -> {
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
        if (processInstanceId.equals(v.getActivityInstanceId()) || !vars.containsKey(v.getName())) {
          vars.put(v.getName(), v.getValue());
        }
      }
      return vars;
    });
  }

  /** Runs a read without the caller's engine authentication (the caller's case access was checked before). */
  public <T> T asPlatform(Supplier<T> read) {
    String user = cn.ecolaw.platform.identity.Caller.userIdOf(identity);
    java.util.List<String> groups = cn.ecolaw.platform.identity.Caller.groupsOf(identity);
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user, groups);
      }
    }
  }
}
