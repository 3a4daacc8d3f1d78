package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.identity.CaseUnitGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Unit isolation at the engine, so that every door (Tasklist start forms, {@code /engine-rest} start and submit-form,
 * {@code /api}, message or restart commands) is covered: every process of every deployment gets a start listener
 * that hands the new root instance to {@link CaseUnitGuard}.
 *
 * <p>A start is the <em>user's own</em> when it happens in the outermost engine command of the thread (the REST call,
 * the form submission, the {@code /api} service's {@code startProcessInstanceByKey}). A start made by a delegate
 * inside a user's command (the bureau's case starting the court's non-litigation execution, a mediation applying for
 * judicial confirmation) runs in a nested command and is the platform's: it is not checked, only granted. So is the
 * instance a call activity starts (a sub-process): the units that may see the calling case may read it and its history.
 */
@Component
public class CaseUnitEnginePlugin extends AbstractProcessEnginePlugin {

  /** How deep the current thread is in engine commands (1 = the outermost command). */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final ObjectProvider<CaseUnitGuard> guard;
  private final ObjectProvider<CaseAccess> access;
  private final boolean skipGrantLookupForNewTasks;

  public CaseUnitEnginePlugin(ObjectProvider<CaseUnitGuard> guard, ObjectProvider<CaseAccess> access,
      @Value("${platform.task-grants.skip-lookup:true}") boolean skipGrantLookupForNewTasks) {
    this.guard = guard;
    this.access = access;
    this.skipGrantLookupForNewTasks = skipGrantLookupForNewTasks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(0, new DepthInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
    ExecutionListener onStart = this::started;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);

    configuration.setResourceAuthorizationProvider(new HistoryWithholdingAuthorizationProvider(
        key -> key != null && access.getObject().historyWithheld(key), skipGrantLookupForNewTasks));
  }

  /** True while the thread runs its outermost engine command (not a command nested in a delegate). */
  static boolean outermostCommand() {
    return DEPTH.get()[0] <= 1;
  }

  private void started(DelegateExecution execution) {
    if (!(execution instanceof ExecutionEntity e) || !e.isProcessInstanceExecution()
        || e.getSuperCaseExecution() != null) {
      return;
    }
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    String userId = auth == null ? null : auth.getUserId();
    List<String> groups = auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    ExecutionEntity caller = e.getSuperExecution() == null ? null : e.getSuperExecution().getProcessInstance();
    if (caller != null) {
      // a call activity's instance (按日连续处罚, the transfer to the police) is the platform's start, never the user's,
      // and is read by whoever may read the calling case: its case number is the child's own or the caller's
      Function<String, Object> variables = name -> {
        Object own = e.getVariable(name);
        return own != null || !"caseNo".equals(name) ? own
            : caller.getVariable("caseNo") != null ? caller.getVariable("caseNo") : caller.getProcessBusinessKey();
      };
      guard.getObject().started(new CaseUnitGuard.Start(e.getProcessDefinition().getKey(), e.getProcessInstanceId(),
          e.getProcessBusinessKey(), variables, userId, groups, false));
      return;
    }
    guard.getObject().started(new CaseUnitGuard.Start(e.getProcessDefinition().getKey(), e.getProcessInstanceId(),
        e.getProcessBusinessKey(), e::getVariable, userId, groups, outermostCommand()));
  }

  /** Counts the nesting of engine commands on this thread. */
  static class DepthInterceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
  }
}
