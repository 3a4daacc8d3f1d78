package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.identity.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Who is acting in the engine right now, for the records a delegate writes: the authenticated user
 * ({@link Caller}, the one answer), or "system" for timers and the job executor.
 */
public final class ProcessUser {

  private ProcessUser() {}

  public static String of(DelegateExecution execution) {
    String user = Caller.userIdOf(execution.getProcessEngineServices());
    return user == null ? "system" : user;
  }
}
