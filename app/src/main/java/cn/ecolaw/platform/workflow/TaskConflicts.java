package cn.ecolaw.platform.workflow;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * Recognises a task completion that lost a race: another user completed the same task first. Either both read the
 * task and the engine refused the second write ({@link OptimisticLockingException}), or the database refused a second
 * copy of what the first wrote (the document version guard, DOC-409), or the second came after the first had
 * committed and the task no longer exists while history shows it completed. The second transaction is rolled back
 * whole in every case, so nothing is done twice; all are a conflict (409), not a bad request or a server error.
 */
public final class TaskConflicts {

  public static final String CODE = "TASK-409";
  public static final String MESSAGE = "任务已由他人办理，请刷新";

  private static final Pattern TASK_ACTION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)/?$");

  private TaskConflicts() {}

  /** The task id of a REST path such as {@code task/4711/complete}, else null. */
  public static String taskIdOf(String path) {
    if (path == null) {
      return null;
    }
    Matcher m = TASK_ACTION.matcher(path);
    return m.find() ? m.group(1) : null;
  }

  /**
   * True when the failed completion of this task lost to another user's: the engine refused the second write, or the
   * task is gone from the runtime and history shows it completed (then any failure of the late completion, such as
   * "task does not exist" or the duplicate-document guard DOC-409, is because someone else was first).
   */
  public static boolean isLostRace(Throwable e, String taskId, Supplier<ProcessEngine> engine) {
    if (e == null) {
      return false;
    }
    if (causedBy(e, OptimisticLockingException.class)) {
      return true;
    }
    ProcessEngine pe = engine.get();
    if (pe == null || taskId == null) {
      return false;
    }
    if (pe.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
      return false;
    }
    HistoricTaskInstance done = pe.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished()
        .singleResult();
    return done != null;
  }

  public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
