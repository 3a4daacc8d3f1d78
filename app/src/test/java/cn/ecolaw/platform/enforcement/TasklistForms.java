package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.support.PlatformHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TasklistDriver}'s form handling for the other features' REST tests: submits a task's deployed form as the
 * Tasklist does (pre-filled values, defaults, hidden fields dropped, untyped values), the user filling only the
 * given answers; fails when a required field has no answer.
 */
public final class TasklistForms {

  private final TasklistDriver driver;

  public TasklistForms(PlatformHttp http) {
    this.driver = new TasklistDriver(http, Map.of());
  }

  /** The values the Tasklist would submit for the task, the user having entered {@code answers}. */
  public Map<String, Object> values(String taskId, Map<String, Object> answers) {
    Map<String, TasklistDriver.Answer> a = new HashMap<>();
    answers.forEach((k, v) -> a.put(k, vars -> v));
    return driver.taskFormValues(taskId, a);
  }

  public PlatformHttp.Response submit(String taskId, Map<String, Object> answers) {
    return driver.submitTask(taskId, values(taskId, answers));
  }

  public void fireTimer(String processInstanceId, String activityId) {
    driver.fireTimer(processInstanceId, activityId);
  }

  public static void assertChineseForm(JsonNode form) {
    TasklistDriver.assertChineseForm(form);
  }

  public static List<JsonNode> fields(JsonNode form) {
    return TasklistDriver.fields(form);
  }
}
