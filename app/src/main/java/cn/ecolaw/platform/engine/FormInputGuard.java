package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.workflow.TextSafety;
import cn.ecolaw.platform.workflow.FormSchema;
import cn.ecolaw.platform.workflow.FieldValues;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import cn.ecolaw.platform.workflow.DateWindow;
import cn.ecolaw.platform.workflow.Refusals;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The server-side half of every Camunda Form: when a user task completes, the fields of its deployed form are checked
 * (required, type, length, range, allowed values) and normalised by {@link FieldValues} (yes/no choices become
 * booleans, numbers doubles; a value the engine door already parsed is left as it is), then the feature's {@link TaskCompletionRule}s run. The Tasklist validates in the browser only; this is
 * what makes a REST completion with a missing or forged field fail with 400 and change nothing. The form definition
 * is resolved per completion as Camunda resolves it (binding "latest": the latest deployed version), so a form
 * redeployed without a release is checked as deployed; its parsed fields are kept per form definition id
 * ({@link DeployedFormSchemas}, {@code platform.form-guard.cache}).
 */
@Component
public class FormInputGuard implements TaskListener {

  /** Text fields without their own limit may not exceed this many characters. */
  static final int DEFAULT_MAX_TEXT = FieldValues.MAX_TEXT;

  private final List<TaskCompletionRule> rules;
  private final DeployedFormSchemas forms;

  public FormInputGuard(@Lazy List<TaskCompletionRule> rules, DeployedFormSchemas forms) {
    this.rules = rules;
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    FormSchema schema = schemaOf(task);
    if (schema != null) {
      for (FormSchema.Field field : schema.fields()) {
        checkField(task, field);
      }
    }
    DateWindow.checkBounds(schema, task);
    String processKey = processKey(task);
    for (TaskCompletionRule rule : rules) {
      if (rule.processKey().equals(processKey) && rule.taskKeys().contains(task.getTaskDefinitionKey())) {
        rule.check(task);
      }
    }
    DateWindow.checkHappened(schema, task);
  }

  private String processKey(DelegateTask task) {
    String definitionId = task.getProcessDefinitionId();
    return definitionId == null ? "" : definitionId.substring(0, definitionId.indexOf(':'));
  }

  private FormSchema schemaOf(DelegateTask task) {
    String formId = task instanceof TaskEntity entity && entity.getTaskDefinition() != null
        && entity.getTaskDefinition().getCamundaFormDefinitionKey() != null
        ? entity.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText() : null;
    if (formId == null) {
      return null;
    }
    return forms.enabled() ? cached((TaskEntity) task) : load(task);
  }

  private FormSchema load(DelegateTask task) {
    try (InputStream in = Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId())) {
      return forms.parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("无法读取任务表单：" + task.getTaskDefinitionKey(), e);
    }
  }

  /** The form Camunda would serve for the task (same reference, binding and version), parsed once per definition. */
  private FormSchema cached(TaskEntity task) {
    FormSchema resolvedByTheDoor = forms.resolvedFor(task.getId());
    if (resolvedByTheDoor != null) {
      return resolvedByTheDoor;
    }
    CamundaFormRef ref = formRef(task);
    String deploymentId = "deployment".equals(ref.getBinding()) ? task.getProcessDefinition().getDeploymentId() : null;
    return forms.of(Context.getCommandContext(), ref, deploymentId, task.getTaskDefinitionKey());
  }

  private static CamundaFormRef formRef(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    CamundaFormRefImpl ref = new CamundaFormRefImpl(
        String.valueOf(definition.getCamundaFormDefinitionKey().getValue(task)),
        definition.getCamundaFormDefinitionBinding() == null ? "latest" : definition.getCamundaFormDefinitionBinding());
    Expression version = definition.getCamundaFormDefinitionVersion();
    if (version != null) {
      Object v = version.getValue(task);
      ref.setVersion(v == null ? null : Integer.valueOf(v.toString()));
    }
    return ref;
  }

  private void checkField(DelegateTask task, FormSchema.Field f) {
    Object value = task.getVariable(f.key());
    if (FieldValues.isBlank(value)) {
      if (f.required()) {
        throw Refusals.refuse("FORM-001", "“" + f.label() + "”为必填项");
      }
      return;
    }
    Object parsed = FieldValues.parse(f, value);
    if (!parsed.equals(value)) {
      task.setVariable(f.key(), parsed);
    }
    if (parsed instanceof Double number) {
      checkRange(f, number);
    }
    if (parsed instanceof String text && (f.type().equals("textfield") || f.type().equals("textarea"))) {
      TextSafety.inspect(f.label(), text).ifPresent(finding -> {
        throw Refusals.refuse(finding.code(), finding.message());
      });
    }
  }

  private void checkRange(FormSchema.Field f, double number) {
    if (f.min() != null && number < f.min()) {
      throw Refusals.refuse("FORM-003", "“" + f.label() + "”不得小于" + trim(f.min()));
    }
    if (f.max() != null && number > f.max()) {
      throw Refusals.refuse("FORM-003", "“" + f.label() + "”不得大于" + trim(f.max()));
    }
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

}
