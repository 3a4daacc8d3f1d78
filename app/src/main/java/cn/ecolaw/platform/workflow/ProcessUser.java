package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.identity.Caller;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Who is acting in the engine right now, for the records a delegate writes: the authenticated user
 * ({@link Caller}, the one answer); in a job, the user whose task completion led to the asynchronous step
 * ({@link #STEP_ACTOR}, engine.AsyncDocumentStepsPlugin); else "system" for timers and the job executor.
 */
public final class ProcessUser {

  /** The user whose completion started an asynchronous document step, kept only while the step runs. */
  public static final String STEP_ACTOR = "stepActor";

  private ProcessUser() {}

  public static String of(DelegateExecution execution) {
    String user = authenticated(execution);
    if (user == null && execution.getVariable(STEP_ACTOR) instanceof String actor && !actor.isBlank()) {
      return actor;
    }
    return user == null ? "system" : user;
  }

  /** The authenticated user of the engine call, or null (job executor, timers). */
  public static String authenticated(DelegateExecution execution) {
    return Caller.userIdOf(execution.getProcessEngineServices());
  }
}
