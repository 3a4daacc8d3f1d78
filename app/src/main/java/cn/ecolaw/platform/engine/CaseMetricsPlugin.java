package cn.ecolaw.platform.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The flow's counters for the operator (issue 14), counted when the engine's transaction commits (a refused or
 * rolled-back command counts nothing), counters only, so the flow is not slowed:
 * <ul>
 *   <li>{@code ecocase_cases_started_total{flow}}, {@code ecocase_cases_closed_total{flow,outcome}}: a process
 *       instance started, ended ({@code outcome} = its {@code caseOutcome}, {@code NONE} without one,
 *       {@code CANCELLED} when deleted) — built-in start/end listeners every process gets at parse time;</li>
 *   <li>{@code ecocase_tasks_completed_total{flow,task}}: a user task completed (built-in complete listener);</li>
 *   <li>{@code ecocase_jobs_failures_total{flow,type}}: a job failed (the job log's failure event);</li>
 *   <li>{@code ecocase_incidents_created_total{flow,type}}: an incident was opened (the incident's history event).</li>
 * </ul>
 */
@Component
public class CaseMetricsPlugin extends AbstractProcessEnginePlugin {

  public static final String CASES_STARTED = "ecocase.cases.started";
  public static final String CASES_CLOSED = "ecocase.cases.closed";
  public static final String TASKS_COMPLETED = "ecocase.tasks.completed";
  public static final String JOB_FAILURES = "ecocase.jobs.failures";
  public static final String INCIDENTS_CREATED = "ecocase.incidents.created";

  /** A tag value the platform wrote (an outcome code, a key): anything else is counted as OTHER. */
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final ObjectProvider<MeterRegistry> registry;

  public CaseMetricsPlugin(ObjectProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        String flow = processDefinition.getKey();
        ExecutionListener started = execution -> afterCommit(CASES_STARTED, "flow", flow);
        ExecutionListener closed = execution -> afterCommit(CASES_CLOSED, "flow", flow, "outcome", outcome(execution));
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, closed);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String flow = scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            ? definition.getKey() : "NONE";
        String task = activity.getId();
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                delegateTask -> afterCommit(TASKS_COMPLETED, "flow", flow, "task", task));
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);

    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new FailuresAndIncidents());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }

  static String outcome(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return "CANCELLED";
    }
    Object outcome = execution.getVariable("caseOutcome");
    return outcome == null ? "NONE" : tag(outcome.toString());
  }

  static String tag(String value) {
    if (value == null) {
      return "NONE";
    }
    return TAG.matcher(value).matches() ? value : "OTHER";
  }

  /** Counts when the current command's transaction commits; at once outside a command (never in the engine). */
  void afterCommit(String name, String... tags) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      count(name, tags);
      return;
    }
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> count(name, tags));
  }

  private static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.of(
      CASES_STARTED, "发起的流程实例（案件、法院、调解等流程）",
      CASES_CLOSED, "结束的流程实例，按结果（caseOutcome）",
      TASKS_COMPLETED, "完成的用户任务",
      JOB_FAILURES, "作业执行失败次数",
      INCIDENTS_CREATED, "新产生的流程事件（incident）");

  private void count(String name, String... tags) {
    MeterRegistry meters = registry.getIfAvailable();
    if (meters != null) {
      Counter.builder(name).description(DESCRIPTIONS.get(name)).tags(tags).register(meters).increment();
    }
  }

  /** Job failures and new incidents, from their history events. */
  final class FailuresAndIncidents implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricJobLogEvent job && job.isFailureLog()) {
        afterCommit(JOB_FAILURES, "flow", tag(job.getProcessDefinitionKey()), "type", tag(job.getJobDefinitionType()));
      } else if (event instanceof HistoricIncidentEventEntity incident
          && event.isEventOfType(HistoryEventTypes.INCIDENT_CREATE)) {
        afterCommit(INCIDENTS_CREATED, "flow", tag(incident.getProcessDefinitionKey()),
            "type", tag(incident.getIncidentType()));
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
