package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskConflicts;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One completion of a task at a time on this node. Twenty identical submissions of the same task used to run the
 * whole step twenty times over (the step's delegates, its documents rendered to PDF, each holding a database
 * connection) before the engine's optimistic lock let one commit: on a small connection pool the others waited past
 * the pool's timeout and answered 500. Now a completion that finds the task already being completed on this node is
 * refused at once with the conflict the engine would have ended in (409 TASK-409), having done nothing; the engine's
 * optimistic lock still decides between nodes.
 */
final class TaskCompletionGate {

  private static final Set<String> BUSY = ConcurrentHashMap.newKeySet();

  private TaskCompletionGate() {}

  /** Enters the task's gate, or refuses with 409 TASK-409 when another completion of it is under way. */
  static void enter(String taskId) {
    if (taskId != null && !BUSY.add(taskId)) {
      throw Refusals.conflict(TaskConflicts.CODE, TaskConflicts.MESSAGE);
    }
  }

  static void leave(String taskId) {
    if (taskId != null) {
      BUSY.remove(taskId);
    }
  }
}
