package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.workflow.FormSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fields of deployed Camunda Forms, parsed once per form definition id, for the form guard
 * ({@link FormInputGuard}) and the engine door ({@link EngineDoorGuard}). Which form definition applies is resolved
 * on every use exactly as Camunda resolves it for the Tasklist (the task's form reference, binding and version:
 * "latest" is the latest deployed version), so a form deployed again applies at once; only the reading and parsing of
 * a definition's resource is kept, and a deployed resource never changes (a new deployment is a new id). Bounded.
 * {@code platform.form-guard.cache=false}: the deployed form read and parsed on every use, as before.
 */
@Component
public class DeployedFormSchemas {

  /** Parsed forms kept at most (the platform deploys about a hundred forms; each redeployment adds one). */
  static final int CAPACITY = 512;

  private final boolean enabled;
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentHashMap<String, FormSchema> parsed = new ConcurrentHashMap<>();
  private final LongAdder reads = new LongAdder();

  public DeployedFormSchemas(@Value("${platform.form-guard.cache:true}") boolean enabled) {
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  /**
   * The form Camunda would serve for the reference (looked up without the user's authorization, as Camunda does
   * for a deployed form); {@code deploymentId}: the process definition's deployment (binding "deployment").
   */
  FormSchema of(CommandContext command, CamundaFormRef ref, String deploymentId, String what) {
    CamundaFormDefinition definition = command.runWithoutAuthorization(
        new GetCamundaFormDefinitionCmd(ref, deploymentId));
    if (definition == null) {
      throw new IllegalStateException("无法读取表单：" + what);
    }
    FormSchema schema = parsed.get(definition.getId());
    if (schema != null) {
      return schema;
    }
    try (InputStream in = command.runWithoutAuthorization(
        new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
      schema = parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("无法读取表单：" + what, e);
    }
    if (parsed.size() >= CAPACITY) {
      makeRoom();
    }
    FormSchema raced = parsed.putIfAbsent(definition.getId(), schema);
    return raced == null ? schema : raced;
  }

  /**
   * The form the engine door has just resolved for the task this thread is completing (its check and the completion
   * are one request, one after the other): the form guard checks the completion against the same form version
   * instead of resolving it a second time. Set and cleared by the door around the completion.
   */
  private static final ThreadLocal<Object[]> RESOLVED_FOR_TASK = new ThreadLocal<>();

  void resolvedForTask(String taskId, FormSchema schema) {
    RESOLVED_FOR_TASK.set(new Object[] {taskId, schema});
  }

  /** The form the door resolved for this task in this thread, else null. */
  FormSchema resolvedFor(String taskId) {
    Object[] resolved = RESOLVED_FOR_TASK.get();
    return resolved != null && resolved[0].equals(taskId) ? (FormSchema) resolved[1] : null;
  }

  void forgetResolved() {
    RESOLVED_FOR_TASK.remove();
  }

  /** Parses a form as read from the engine (counted: a read of a deployed form). */
  FormSchema parse(InputStream in) throws java.io.IOException {
    reads.increment();
    return FormSchema.parse(json.readTree(in));
  }

  /** How many times a deployed form was read and parsed (a miss, or every use with the cache off). */
  long reads() {
    return reads.sum();
  }

  /** Drops about a quarter of the kept forms (only reached after hundreds of redeployments). */
  private void makeRoom() {
    int target = CAPACITY - CAPACITY / 4;
    Iterator<String> ids = parsed.keySet().iterator();
    while (parsed.size() > target && ids.hasNext()) {
      ids.next();
      ids.remove();
    }
  }
}
