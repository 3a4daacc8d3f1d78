package cn.ecolaw.platform.workflow;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a process instance along as its users would: completes the open task with a given key (through the same
 * form guard as the Tasklist) or fires a due timer now. Used by the demo data and by tests.
 */
@Component
public class ProcessDriver {

  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;

  public ProcessDriver(TaskService tasks, ManagementService management, RuntimeService runtime) {
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
  }

  public void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("no open task " + taskKey + " in " + processInstanceId);
    }
    tasks.complete(task.getId(), variables);
  }

  public void fireTimer(String processInstanceId, String activityId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    if (job == null) {
      throw new IllegalStateException("no job at " + activityId + " in " + processInstanceId);
    }
    management.executeJob(job.getId());
  }

  public String instanceOf(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
  }
}
