package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.shared.SwallowedRefusals;
import cn.ecolaw.platform.workflow.AttachmentRules;
import cn.ecolaw.platform.workflow.FieldValues;
import cn.ecolaw.platform.workflow.FormSchema;
import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.workflow.Refusals;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's doors, checked: a command interceptor in front of every top-level engine command (one issued by a
 * caller, not nested inside another command: what delegates and listeners run is the platform's own work) for an
 * authenticated user who is not in the administrator group, outside a {@link PlatformCall}.
 * <ul>
 *   <li>completing a task ({@code complete}, {@code submit-form}, {@code resolve}): every submitted variable must be
 *       a field of the task's deployed Camunda Form, the task's contract (FORM-020), and is parsed to the field's
 *       declared type by {@link FieldValues} before the engine stores it (FORM-002…008, FORM-021);</li>
 *   <li>starting a process ({@code start}, {@code submit-form}): only the fields of its start form (FORM-022); a
 *       process without a start form is started by the platform only (DOOR-001);</li>
 *   <li>writing, patching or removing variables directly (DOOR-002), correlating messages and signals (DOOR-003),
 *       modifying, restarting or migrating instances, BPMN errors and escalations from a task (DOOR-004), executing
 *       or changing jobs (DOOR-005): the administrator's only.</li>
 * </ul>
 * Attachments and comments ({@code task/{id}/attachment/create}, the comment's edits) are checked by
 * {@link AttachmentRules} (ATT-001…005, CMT-001), as the platform's photo upload checks them. An attachment once
 * filed is evidence of the case file: nobody deletes or edits it, administrators included (ATT-006, through every
 * door: {@code DELETE task/{id}/attachment/{aid}}, {@code TaskService.deleteAttachment/deleteTaskAttachment/
 * saveAttachment}). A comment is edited or deleted by its author only (CMT-002); the trail records every edit and
 * deletion with the old text ({@link TrailCommentCapture}).
 * Everything else (queries, claim, the Tasklist's reads) passes to the engine and its authorizations.
 */
public class EngineDoorGuard extends CommandInterceptor {

  public static final String NOT_IN_FORM = "FORM-020";
  public static final String NOT_IN_START_FORM = "FORM-022";
  public static final String NO_START_FORM = "DOOR-001";
  public static final String VARIABLE_WRITE = "DOOR-002";
  public static final String MESSAGE = "DOOR-003";
  public static final String MODIFICATION = "DOOR-004";
  public static final String JOB = "DOOR-005";
  public static final String TASK_ROUTING = "DOOR-006";
  public static final String RETURN_VARIABLES = "DOOR-007";
  public static final String EVIDENCE_KEPT = "ATT-006";
  public static final String OTHERS_COMMENT = "CMT-002";

  private static final Pattern TASK_ROUTING_COMMANDS = Pattern.compile(
      "(Add|Delete)\\w*IdentityLink\\w*Cmd|SetTask(DueDate|Name|Priority|Description)Cmd|(Create|Delete)TaskCmd");

  private static final Pattern VARIABLE_WRITES = Pattern.compile(
      "(Set|Patch|Remove|Delete)\\w*Variable\\w*Cmd|\\w*ExternalTask\\w*Cmd");
  private static final Pattern MESSAGES = Pattern.compile("\\w*(Correlat|Signal|MessageEventReceived)\\w*Cmd");
  private static final Pattern MODIFICATIONS = Pattern.compile(
      "\\w*(Modif|Restart|Migrat)\\w*Cmd|StartProcessInstanceAtActivitiesCmd|HandleTask(BpmnError|Escalation)Cmd"
          + "|SetProcessDefinitionVersionCmd");
  private static final Pattern JOBS = Pattern.compile(
      "(Execute|Set|Suspend|Activate|Recalculate|Delete)\\w*Job\\w*Cmd");

  private final ProcessEngineConfigurationImpl configuration;
  private final String adminGroup;

  private final boolean completionGate;
  private final DeployedFormSchemas forms;

  public EngineDoorGuard(ProcessEngineConfigurationImpl configuration, String adminGroup) {
    this(configuration, adminGroup, true);
  }

  public EngineDoorGuard(ProcessEngineConfigurationImpl configuration, String adminGroup, boolean completionGate) {
    this(configuration, adminGroup, completionGate, new DeployedFormSchemas(false));
  }

  /**
   * {@code completionGate}: one completion of a task at a time on this node ({@link TaskCompletionGate}); off only
   * where a test plays two nodes racing inside the engine ({@code platform.engine.task-completion-gate=false}).
   */
  public EngineDoorGuard(ProcessEngineConfigurationImpl configuration, String adminGroup, boolean completionGate,
      DeployedFormSchemas forms) {
    this.configuration = configuration;
    this.adminGroup = adminGroup;
    this.completionGate = completionGate;
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean topLevel = Context.getCommandContext() == null;
    try {
      if (topLevel && !PlatformCall.active() && authenticated()) {
        try {
          keepEvidence(command);
          if (checkedCaller()) {
            check(command);
          }
        } catch (AuthorizationException e) {
          SwallowedRefusals.remember(403, e);
          throw e;
        } catch (Refusals.Conflict e) {
          SwallowedRefusals.remember(409, e);
          throw e;
        } catch (RuntimeException e) {
          SwallowedRefusals.remember(400, e);
          throw e;
        }
      }
      String completing = topLevel && completionGate ? completedTaskId(command) : null;
      TaskCompletionGate.enter(completing);
      try {
        return next.execute(command);
      } finally {
        TaskCompletionGate.leave(completing);
      }
    } finally {
      if (topLevel && completedTaskId(command) != null) {
        forms.forgetResolved(); // the form resolved for this completion, refused or not
      }
    }
  }

  /** The task a top-level command completes (complete, submit-form, resolve), else null. */
  private static String completedTaskId(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) { // ResolveTaskCmd is a CompleteTaskCmd
      return read(command, "taskId");
    }
    return null;
  }

  private boolean authenticated() {
    Authentication auth = configuration.getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null;
  }

  /**
   * Evidence once filed is never deleted or rewritten by a user, whoever they are (administrators included): an
   * attachment is part of the case file (一案一卷, evidence listed with its source: 环办〔2012〕98号, 行政诉讼证据规定
   * 第十九条). A wrong upload stays in the file and is corrected by a comment, which the trail records.
   */
  private static void keepEvidence(Command<?> command) {
    if (command instanceof DeleteAttachmentCmd || command instanceof SaveAttachmentCmd) {
      throw refused(EVIDENCE_KEPT, "附件一经提交即为案卷中的证据材料，任何人不能删除或修改（包括系统管理员）；"
          + "提交有误的，请添加意见写明更正，原附件保留在案卷中");
    }
  }

  private boolean checkedCaller() {
    Authentication auth = configuration.getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return false;
    }
    List<String> groups = auth.getGroupIds();
    return groups == null || !groups.contains(adminGroup);
  }

  private void check(Command<?> command) {
    String name = command.getClass().getSimpleName();
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      refuseReturnedVariables(command);
    }
    if (command instanceof CreateAttachmentCmd) {
      checkNewAttachment(command);
    } else if (command instanceof AddCommentCmd) {
      AttachmentRules.checkComment(read(command, "message"));
    } else if (command instanceof UpdateCommentCmd) {
      checkOwnComments(read(command, "taskId"), read(command, "processInstanceId"), read(command, "commentId"));
      AttachmentRules.checkComment(read(command, "message"));
    } else if (command instanceof DeleteTaskCommentCmd) {
      checkOwnComments(read(command, "taskId"), null, read(command, "commentId"));
    } else if (command instanceof DeleteProcessInstanceCommentCmd) {
      checkOwnComments(null, read(command, "processInstanceId"), read(command, "commentId"));
    } else if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
      checkTaskUser(read(command, "taskId"), read(command, "userId"));
    } else if (command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd) {
      checkTaskUser(read(command, "taskId"), read(command, "userId"));
    } else if (command instanceof AbstractAddIdentityLinkCmd || TASK_ROUTING_COMMANDS.matcher(name).matches()) {
      throw refused(TASK_ROUTING, "任务的候选岗位、到期日、名称和优先级由流程模型确定，用户不能更改；"
          + "任务只能由本岗位人员认领或转交本岗位的其他人员");
    } else if (command instanceof SaveTaskCmd) {
      checkSavedTask(read(command, "task"));
    } else if (command instanceof CompleteTaskCmd) {
      Map<String, Object> submitted = read(command, "variables");
      if (submitted != null && !submitted.isEmpty()) {
        write(command, "variables", taskContract(read(command, "taskId"), submitted));
      }
    } else if (command instanceof SubmitTaskFormCmd) {
      VariableMap submitted = read(command, "properties");
      if (submitted != null && !submitted.isEmpty()) {
        write(command, "properties", taskContract(read(command, "taskId"), submitted));
      }
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = read(command, "processDefinitionId");
      VariableMap submitted = read(command, "variables");
      VariableMap parsed = startContract(definition(definitionId, null), submitted);
      write(command, "variables", parsed);
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = read(command, "instantiationBuilder");
      Map<String, Object> submitted = builder.getVariables();
      VariableMap parsed = startContract(
          definition(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey()), submitted);
      if (submitted != null) {
        submitted.clear();
        submitted.putAll(parsed);
      }
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd || MODIFICATIONS.matcher(name).matches()) {
      throw refused(MODIFICATION, "修改、重启或迁移流程实例，以及以错误或升级事件改变流程走向，仅限系统管理员；"
          + "案件只能通过办理任务向前推进");
    } else if (VARIABLE_WRITES.matcher(name).matches()) {
      throw refused(VARIABLE_WRITE, "流程变量只能通过办理任务（提交表单）改变，不能直接写入、修改或删除；"
          + "直接修改变量仅限系统管理员");
    } else if (MESSAGES.matcher(name).matches()) {
      throw refused(MESSAGE, "消息和信号由平台在办理业务时发出，用户不能直接触发");
    } else if (JOBS.matcher(name).matches()) {
      throw refused(JOB, "定时器等作业由平台按期执行，用户不能手动执行或修改");
    }
  }

  // ------------------------------------------------------------------------------------------------ comments

  /**
   * Editing or deleting comments (one, or all of a task or instance): each is the caller's own. A comment that does
   * not exist or is not visible is left to the engine to answer.
   */
  private void checkOwnComments(String taskId, String processInstanceId, String commentId) {
    if (taskId == null && processInstanceId == null) {
      return;
    }
    // the comments are looked up as the engine; the command itself then meets the engine's authorization checks
    Authentication auth = configuration.getIdentityService().getCurrentAuthentication();
    String caller = auth.getUserId();
    List<Comment> comments;
    try {
      configuration.getIdentityService().clearAuthentication();
      comments = taskId != null ? configuration.getTaskService().getTaskComments(taskId)
          : configuration.getTaskService().getProcessInstanceComments(processInstanceId);
    } finally {
      configuration.getIdentityService().setAuthentication(auth);
    }
    boolean othersTouched = comments.stream()
        .filter(c -> commentId == null || commentId.equals(c.getId()))
        .anyMatch(c -> !caller.equals(c.getUserId()));
    if (othersTouched) {
      throw refused(OTHERS_COMMENT, "只能修改或删除本人发表的意见，他人的意见保留原样"
          + "（意见的修改和删除均记入办案留痕）");
    }
  }

  // ------------------------------------------------------------------------------------------------ task routing

  /**
   * Claiming, assigning, delegating or handing over ownership: the target user must hold one of the task's candidate
   * groups, so a task never reaches another unit (nobody at all: unclaim).
   */
  private void checkTaskUser(String taskId, String userId) {
    if (userId == null || taskId == null) {
      return;
    }
    List<String> groups = configuration.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    // a clerk may not read other users, but may hand a task to a colleague: the membership is looked up as the engine
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    boolean candidate;
    try {
      configuration.getIdentityService().clearAuthentication();
      candidate = groups.stream().anyMatch(g -> configuration.getIdentityService().createUserQuery()
          .userId(userId).memberOfGroup(g).count() > 0);
    } finally {
      configuration.getIdentityService().setAuthentication(caller);
    }
    if (!candidate) {
      throw refused(TASK_ROUTING, "任务只能由本岗位（" + String.join("、", groups) + "）的人员办理，不能交给“"
          + userId + "”");
    }
  }

  /**
   * A new attachment ({@code task/{id}/attachment/create}, the Tasklist's "add attachment"): the checks the platform's
   * photo upload applies, for every task ({@link AttachmentRules}); the content is read once and handed on.
   */
  private void checkNewAttachment(Command<?> command) {
    String taskId = read(command, "taskId");
    String processInstanceId = read(command, "processInstanceId");
    Task task = taskId == null ? null : configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (taskId != null && task == null) {
      return; // the engine answers for a task that does not exist or is not visible
    }
    boolean photos = task != null && AttachmentRules.INSPECTION_TASK.equals(task.getTaskDefinitionKey());
    AttachmentRules.checkText(read(command, "attachmentName"), read(command, "attachmentDescription"));
    String url = read(command, "url");
    InputStream content = read(command, "content");
    if (url != null && content == null && !photos) {
      AttachmentRules.checkLink(url);
    } else {
      byte[] bytes;
      try {
        bytes = content == null ? new byte[0] : content.readNBytes(AttachmentRules.MAX_BYTES + 1);
      } catch (IOException e) {
        throw Refusals.refuse("ATT-002", "附件内容无法读取");
      }
      AttachmentRules.checkFile(read(command, "attachmentType"), bytes, photos);
      write(command, "content", new java.io.ByteArrayInputStream(bytes));
      write(command, "url", null);
    }
    String instance = task != null ? task.getProcessInstanceId() : processInstanceId;
    if (instance != null) {
      AttachmentRules.checkCount(configuration.getTaskService().getProcessInstanceAttachments(instance).size(), photos);
    }
  }

  /** {@code PUT /task/{id}}: only the follow-up date is the user's to change; everything else the model sets. */
  private void checkSavedTask(TaskEntity changed) {
    Task stored = changed == null || changed.getId() == null ? null
        : configuration.getTaskService().createTaskQuery().taskId(changed.getId()).singleResult();
    if (stored == null) {
      throw refused(TASK_ROUTING, "用户不能新建任务；任务由流程模型产生");
    }
    boolean same = java.util.Objects.equals(stored.getName(), changed.getName())
        && java.util.Objects.equals(stored.getDescription(), changed.getDescription())
        && java.util.Objects.equals(stored.getAssignee(), changed.getAssignee())
        && java.util.Objects.equals(stored.getOwner(), changed.getOwner())
        && java.util.Objects.equals(stored.getDueDate(), changed.getDueDate())
        && stored.getPriority() == changed.getPriority()
        && java.util.Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
        && java.util.Objects.equals(stored.getDelegationState(), changed.getDelegationState());
    if (!same) {
      throw refused(TASK_ROUTING, "任务的办理人、到期日、名称和优先级不能通过修改任务更改；只能更改跟进日期");
    }
  }

  /** Completing with the instance's variables in the answer would show what the caller may not read. */
  private static void refuseReturnedVariables(Command<?> command) {
    Boolean returnVariables = read(command, "returnVariables");
    if (Boolean.TRUE.equals(returnVariables)) {
      throw Refusals.refuse(RETURN_VARIABLES, "办理任务时不能要求返回流程变量（withVariablesInReturn）");
    }
  }

  // ------------------------------------------------------------------------------------------------ contracts

  private VariableMap taskContract(String taskId, Map<String, Object> submitted) {
    if (!forms.enabled()) {
      return readTaskContract(taskId, submitted);
    }
    // the task, its form and the check in one engine command (one transaction and one authorization context, not
    // one per look-up); the task query still runs with the caller's authorizations
    return configuration.getCommandExecutorTxRequired().execute(command -> readTaskContract(taskId, submitted));
  }

  private VariableMap readTaskContract(String taskId, Map<String, Object> submitted) {
    Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return asVariableMap(submitted); // the engine answers for a task that does not exist or is not visible
    }
    Map<String, FormSchema.Field> fields = task.getCamundaFormRef() == null ? Map.of()
        : forms.enabled() ? fieldsOf(task)
        : fieldsOf(() -> configuration.getFormService().getDeployedTaskForm(taskId));
    String taskName = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    return parse(submitted, fields, keys -> Refusals.refuse(NOT_IN_FORM,
        keys + "不是任务“" + taskName + "”表单中的字段，办理时不能提交"));
  }

  private VariableMap startContract(ProcessDefinition definition, Map<String, Object> submitted) {
    if (definition == null) {
      return asVariableMap(submitted); // the engine answers for a definition that does not exist or is not visible
    }
    String process = definition.getName() == null ? definition.getKey() : definition.getName();
    Map<String, FormSchema.Field> fields;
    try {
      fields = fieldsOf(() -> configuration.getFormService().getDeployedStartForm(definition.getId()));
    } catch (AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      throw refused(NO_START_FORM, "“" + process + "”没有启动表单，只能由平台在办理相关业务时启动");
    }
    return parse(submitted == null ? Map.of() : submitted, fields, keys -> Refusals.refuse(NOT_IN_START_FORM,
        keys + "不是“" + process + "”启动表单中的字段，启动时不能提交"));
  }

  private VariableMap parse(Map<String, Object> submitted, Map<String, FormSchema.Field> fields,
      Function<String, RuntimeException> notInForm) {
    List<String> outside = submitted.keySet().stream().filter(k -> !fields.containsKey(k)).sorted()
        .map(k -> "“" + k + "”").toList();
    if (!outside.isEmpty()) {
      throw notInForm.apply(String.join("、", outside));
    }
    VariableMap out = Variables.createVariables();
    for (String key : submitted.keySet()) {
      FormSchema.Field field = fields.get(key);
      out.putValue(key, FieldValues.parse(field, plain(field, submitted, key)));
    }
    return out;
  }

  /** The submitted Java value: untyped or primitive values only; objects, JSON, files, serialized Java refused. */
  private static Object plain(FormSchema.Field field, Map<String, Object> submitted, String key) {
    Object value = submitted instanceof VariableMap vars ? vars.getValueTyped(key) : submitted.get(key);
    if (value instanceof TypedValue typed) {
      if (typed.getType() != null && !(typed.getType() instanceof PrimitiveValueType)) {
        throw Refusals.refuse(FieldValues.UNSUPPORTED_CODE, FieldValues.unsupported(field.label()));
      }
      value = typed.getValue();
    }
    if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Date || value instanceof Map || value instanceof Collection)) {
      throw Refusals.refuse(FieldValues.UNSUPPORTED_CODE, FieldValues.unsupported(field.label()));
    }
    return value; // maps and lists are refused by the field's own type check (FORM-002/004/005/006/007)
  }

  private Map<String, FormSchema.Field> fieldsOf(java.util.function.Supplier<InputStream> form) {
    try (InputStream in = form.get()) {
      return fields(forms.parse(in));
    } catch (IOException e) {
      throw new IllegalStateException("无法读取表单", e);
    }
  }

  /**
   * The fields of the form Camunda serves for the task (the caller sees the task: the query above found it), kept
   * parsed per form definition ({@link DeployedFormSchemas}).
   */
  private Map<String, FormSchema.Field> fieldsOf(Task task) {
    FormSchema schema = configuration.getCommandExecutorTxRequired().execute(command -> command.runWithoutAuthorization(
        () -> forms.of(command, task.getCamundaFormRef(), deploymentOf(command, task), task.getTaskDefinitionKey())));
    forms.resolvedForTask(task.getId(), schema); // the form guard checks the completion against the same version
    return fields(schema);
  }

  /** The deployment of the task's process, which only binding "deployment" reads (else not looked up). */
  private static String deploymentOf(org.camunda.bpm.engine.impl.interceptor.CommandContext command, Task task) {
    if (!"deployment".equals(task.getCamundaFormRef().getBinding())) {
      return null;
    }
    return command.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
  }

  private static Map<String, FormSchema.Field> fields(FormSchema schema) {
    Map<String, FormSchema.Field> fields = new LinkedHashMap<>();
    schema.fields().forEach(f -> fields.put(f.key(), f));
    return fields;
  }

  private ProcessDefinition definition(String id, String key) {
    var query = configuration.getRepositoryService().createProcessDefinitionQuery();
    if (id != null) {
      return query.processDefinitionId(id).singleResult();
    }
    return key == null ? null : query.processDefinitionKey(key).latestVersion().withoutTenantId().singleResult();
  }

  private static VariableMap asVariableMap(Map<String, Object> submitted) {
    return submitted instanceof VariableMap v ? v : Variables.fromMap(submitted == null ? Map.of() : submitted);
  }

  /** A refusal answered 403 on {@code /engine-rest} and the webapps, with its code and Chinese message. */
  static AuthorizationException refused(String code, String message) {
    return new AuthorizationException("【" + code + "】" + message);
  }

  // ------------------------------------------------------------------------------------------------ command fields

  @SuppressWarnings("unchecked")
  private static <V> V read(Object command, String field) {
    try {
      return (V) field(command.getClass(), field).get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("engine command " + command.getClass().getName() + " has no " + field, e);
    }
  }

  private static void write(Object command, String field, Object value) {
    try {
      field(command.getClass(), field).set(command, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("engine command " + command.getClass().getName() + " has no " + field, e);
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new NoSuchFieldException(name);
  }
}
