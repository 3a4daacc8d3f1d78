package cn.ecolaw.platform.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The server-side half of every Camunda Form: when a user task completes, the fields of its deployed form are checked
 * (required, type, length, range, allowed values) and normalised (yes/no choices become booleans, numbers become
 * numbers), then the feature's {@link TaskCompletionRule}s run. The Tasklist validates in the browser only; this is
 * what makes a REST completion with a missing or forged field fail with 400 and change nothing. The form is read
 * per completion (binding "latest"), so a form redeployed without a release is checked as deployed.
 */
@Component
public class FormInputGuard implements TaskListener {

  /** Text fields without their own limit may not exceed this many characters. */
  static final int DEFAULT_MAX_TEXT = 5000;

  private final ObjectMapper json = new ObjectMapper();
  private final List<TaskCompletionRule> rules;

  public FormInputGuard(@Lazy List<TaskCompletionRule> rules) {
    this.rules = rules;
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
    return load(task);
  }

  private FormSchema load(DelegateTask task) {
    try (InputStream in = Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId())) {
      return FormSchema.parse(json.readTree(in));
    } catch (Exception e) {
      throw new IllegalStateException("无法读取任务表单：" + task.getTaskDefinitionKey(), e);
    }
  }

  private void checkField(DelegateTask task, FormSchema.Field f) {
    Object value = task.getVariable(f.key());
    if (isBlank(value)) {
      if (f.required()) {
        throw Refusals.refuse("FORM-001", "“" + f.label() + "”为必填项");
      }
      return;
    }
    switch (f.type()) {
      case "number" -> checkNumber(task, f, value);
      case "checkbox" -> task.setVariable(f.key(), toBoolean(f, value));
      case "radio", "select" -> checkChoice(task, f, value);
      case "datetime" -> checkDate(f, value);
      case "textfield", "textarea" -> checkText(f, value);
      default -> { }
    }
  }

  private void checkNumber(DelegateTask task, FormSchema.Field f, Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(value.toString().trim());
      } catch (NumberFormatException e) {
        throw Refusals.refuse("FORM-002", "“" + f.label() + "”应为数字");
      }
      task.setVariable(f.key(), number);
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw Refusals.refuse("FORM-002", "“" + f.label() + "”应为数字");
    }
    if (f.min() != null && number < f.min()) {
      throw Refusals.refuse("FORM-003", "“" + f.label() + "”不得小于" + trim(f.min()));
    }
    if (f.max() != null && number > f.max()) {
      throw Refusals.refuse("FORM-003", "“" + f.label() + "”不得大于" + trim(f.max()));
    }
  }

  private void checkChoice(DelegateTask task, FormSchema.Field f, Object value) {
    String text = value.toString();
    if (f.values() != null && !f.values().isEmpty() && !f.values().contains(text)) {
      throw Refusals.refuse("FORM-004", "“" + f.label() + "”的取值“" + abbreviate(text) + "”不在可选范围内");
    }
    if (f.booleanChoice()) {
      task.setVariable(f.key(), Boolean.parseBoolean(text));
    }
  }

  private Boolean toBoolean(FormSchema.Field f, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw Refusals.refuse("FORM-005", "“" + f.label() + "”应为是或否");
  }

  private void checkDate(FormSchema.Field f, Object value) {
    if (value instanceof java.util.Date) {
      return;
    }
    String text = value.toString();
    try {
      LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw Refusals.refuse("FORM-006", "“" + f.label() + "”不是有效日期（格式：年-月-日）");
    }
  }

  private void checkText(FormSchema.Field f, Object value) {
    if (!(value instanceof String text)) {
      throw Refusals.refuse("FORM-007", "“" + f.label() + "”应为文字");
    }
    int limit = f.maxLength() != null ? f.maxLength() : DEFAULT_MAX_TEXT;
    if (text.length() > limit) {
      throw Refusals.refuse("FORM-008", "“" + f.label() + "”不得超过" + limit + "个字");
    }
    TextSafety.inspect(f.label(), text).ifPresent(finding -> {
      throw Refusals.refuse(finding.code(), finding.message());
    });
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
