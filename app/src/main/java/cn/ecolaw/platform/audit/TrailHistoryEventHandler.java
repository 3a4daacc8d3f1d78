package cn.ecolaw.platform.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/**
 * Turns the engine's history events into trail records: process started and ended, task completed (with the
 * variables the completion set, old → new) or cancelled, variables changed by the engine, decisions evaluated.
 * It runs beside Camunda's own database handler (which still writes the full history) and before it, so that the
 * old value of an updated variable can still be read; each record points to its history row ({@code history_ref}).
 */
final class TrailHistoryEventHandler implements HistoryEventHandler {

  private final ActorResolver actors;

  TrailHistoryEventHandler(ActorResolver actors) {
    this.actors = actors;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(context, variable);
    } else if (event instanceof HistoricTaskInstanceEventEntity task) {
      task(context, task);
    } else if (event instanceof HistoricProcessInstanceEventEntity process) {
      process(context, process);
    } else if (event instanceof HistoricDecisionEvaluationEvent decision) {
      decision(context, decision);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    for (HistoryEvent event : events) {
      handleEvent(event);
    }
  }

  private void variable(CommandContext context, HistoricVariableUpdateEventEntity v) {
    String op = v.getEventType();
    if (v.getProcessInstanceId() == null || !is(op, HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
      return;
    }
    TrailSession session = session(context);
    Object newValue = op.equals(HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName()) ? null
        : TrailValues.variable(v.getSerializerName(), v.getTextValue(), v.getLongValue(), v.getDoubleValue());
    if ("caseNo".equals(v.getVariableName()) && newValue instanceof String caseNo) {
      session.knowCase(v.getProcessInstanceId(), caseNo);
    }
    Object oldValue = op.equals(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName()) ? null
        : previousValue(context, v.getVariableInstanceId());
    var change = new TrailSession.VariableChange(v.getVariableName(), op, oldValue, newValue, v::getId);
    if (Boolean.TRUE.equals(v.isInitial()) && session.addToStart(v.getProcessInstanceId(), change)) {
      return;
    }
    if (op.equals(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName())
        && java.util.Objects.equals(oldValue, newValue)) {
      session.addUnchanged(v.getProcessInstanceId(), change);
      return;
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("op", op);
    if (!op.equals(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName())) {
      detail.put("old", oldValue);
    }
    detail.put("new", newValue);
    detail.put("type", v.getSerializerName());
    session.add(new TrailSession.Pending(null, v.getProcessInstanceId(), actor(session), AuditAction.VARIABLE_CHANGED,
        v.getVariableName(), detail, v::getId, change));
  }

  /** The value before this change: the historic variable instance not yet updated by the database handler. */
  private static Object previousValue(CommandContext context, String variableInstanceId) {
    HistoricVariableInstanceEntity before = context.getDbEntityManager()
        .selectById(HistoricVariableInstanceEntity.class, variableInstanceId);
    return before == null ? null : TrailValues.variable(before.getSerializerName(), before.getTextValue(),
        before.getLongValue(), before.getDoubleValue());
  }

  private void task(CommandContext context, HistoricTaskInstanceEventEntity t) {
    boolean completed = is(t.getEventType(), HistoryEventTypes.TASK_INSTANCE_COMPLETE);
    boolean deleted = is(t.getEventType(), HistoryEventTypes.TASK_INSTANCE_DELETE);
    if (t.getProcessInstanceId() == null || !(completed || deleted)) {
      return;
    }
    TrailSession session = session(context);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("taskId", t.getTaskId());
    detail.put("taskName", t.getName());
    detail.put("assignee", t.getAssignee());
    if (completed) {
      detail.put("variables", session.takeRecentVariables(t.getProcessInstanceId()));
    } else {
      detail.put("deleteReason", t.getDeleteReason());
    }
    String taskId = t.getTaskId();
    session.add(new TrailSession.Pending(null, t.getProcessInstanceId(), actor(session),
        completed ? AuditAction.TASK_COMPLETED : AuditAction.TASK_CANCELLED,
        t.getTaskDefinitionKey() + " " + t.getName(), detail, () -> taskId, null));
  }

  private void process(CommandContext context, HistoricProcessInstanceEventEntity p) {
    boolean started = is(p.getEventType(), HistoryEventTypes.PROCESS_INSTANCE_START);
    boolean ended = is(p.getEventType(), HistoryEventTypes.PROCESS_INSTANCE_END);
    if (!(started || ended)) {
      return;
    }
    TrailSession session = session(context);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("processDefinitionId", p.getProcessDefinitionId());
    detail.put("businessKey", p.getBusinessKey());
    if (ended) {
      detail.put("state", p.getState());
      detail.put("endActivityId", p.getEndActivityId());
      detail.put("deleteReason", p.getDeleteReason());
    }
    String pid = p.getProcessInstanceId();
    session.add(new TrailSession.Pending(null, pid, actor(session),
        started ? AuditAction.PROCESS_STARTED : AuditAction.PROCESS_ENDED, p.getProcessDefinitionKey(), detail,
        () -> pid, null));
  }

  private void decision(CommandContext context, HistoricDecisionEvaluationEvent d) {
    HistoricDecisionInstanceEntity root = d.getRootHistoricDecisionInstance();
    String pid = root.getProcessInstanceId();
    if (pid == null) {
      BpmnExecutionContext execution = Context.getBpmnExecutionContext();
      pid = execution == null ? null : execution.getExecution().getProcessInstanceId();
    }
    if (pid == null) {
      return;
    }
    TrailSession session = session(context);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("decisionDefinitionId", root.getDecisionDefinitionId());
    detail.put("activityId", root.getActivityId());
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : root.getInputs()) {
      var in = (HistoricDecisionInputInstanceEntity) input;
      inputs.put(in.getClauseName() != null ? in.getClauseName() : in.getClauseId(),
          TrailValues.variable(in.getSerializerName(), in.getTextValue(), in.getLongValue(), in.getDoubleValue()));
    }
    detail.put("inputs", inputs);
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (HistoricDecisionOutputInstance output : root.getOutputs()) {
      var out = (HistoricDecisionOutputInstanceEntity) output;
      outputs.putIfAbsent(out.getVariableName(),
          TrailValues.variable(out.getSerializerName(), out.getTextValue(), out.getLongValue(), out.getDoubleValue()));
    }
    detail.put("outputs", outputs);
    session.add(new TrailSession.Pending(null, pid, actor(session), AuditAction.DECISION_EVALUATED,
        root.getDecisionDefinitionKey(), detail, root::getId, null));
  }

  private Actor actor(TrailSession session) {
    return session.actor(actors::current);
  }

  private static TrailSession session(CommandContext context) {
    return context.getSession(TrailSession.class);
  }

  private static boolean is(String eventType, HistoryEventTypes... types) {
    for (HistoryEventTypes type : types) {
      if (type.getEventName().equals(eventType)) {
        return true;
      }
    }
    return false;
  }
}
