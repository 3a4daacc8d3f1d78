package cn.ecolaw.platform.workflow;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A server-side rule checked when a user task completes, after the form's own required/type checks. Implementations
 * are Spring beans in the feature packages; they refuse with {@link Refusals} and may normalise variables.
 */
public interface TaskCompletionRule {

  /** The process definition key this rule belongs to. */
  String processKey();

  /** The task definition keys (BPMN ids) this rule checks. */
  Set<String> taskKeys();

  void check(DelegateTask task);
}
