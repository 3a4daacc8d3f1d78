package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.workflow.ProcessUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Document steps as asynchronous continuations ({@code platform.documents.async=true}): the service tasks whose
 * delegate is one of {@code platform.documents.async-delegates} (the steps that make a document: 立案审批表, 事先告知书,
 * 处罚决定书, 送达回证, 催告书, 强制执行申请书, the court's documents, the closing and its dossier) become
 * {@code asyncBefore}: the user's task completion commits at once, and the job executor makes the document in a
 * transaction of its own.
 *
 * <p>The law is kept: the step after the document (serving it, relying on it) is a task created only when the job
 * that made the document has committed, so a document always exists before the step that serves it. No document is
 * lost: a failing job is retried (Camunda's retries) and raises an incident when it keeps failing, the case waiting
 * visibly at that step. None is made twice: the document row, the case's status and the engine's move to the next
 * step commit in one transaction, so a failed attempt leaves nothing and a retry starts clean; a job run on two nodes
 * at once is decided by the database (the job's and the execution's optimistic locks, and the unique
 * {@code (case_no, doc_type, version)} of {@code case_document}), the loser rolling back with its document.
 * The user who completed the task stays the document's author: the step's incoming flow records them in
 * {@link ProcessUser#STEP_ACTOR} for the job ({@link ProcessUser#of}), removed again when the step ends.
 *
 * <p>Steps whose delegate refuses user input (e.g. the hearing notice's hour, ENF-034) are not listed: a refusal must
 * reach the user as a 400, not become an incident.
 */
@Component
public class AsyncDocumentStepsPlugin extends AbstractProcessEnginePlugin {

  static final String MARK = "platformAsyncDocumentStep";
  private static final Pattern DELEGATE = Pattern.compile("^\\$\\{(\\w+)}$");

  private final boolean enabled;
  private final Set<String> delegates;

  public AsyncDocumentStepsPlugin(@Value("${platform.documents.async:false}") boolean enabled,
      @Value("${platform.documents.async-delegates:recordFilingDelegate,priorNoticeDelegate,"
          + "noPenaltyDecisionDelegate,penaltyDecisionDelegate,serviceReceiptDelegate,reminderDelegate,"
          + "courtApplicationDelegate,courtDocumentDelegate,closeCaseDelegate}") List<String> delegates) {
    this.enabled = enabled;
    this.delegates = Set.copyOf(delegates);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    ExecutionListener recordActor = execution -> {
      String user = ProcessUser.authenticated(execution);
      if (user != null) {
        execution.setVariable(ProcessUser.STEP_ACTOR, user);
      }
    };
    ExecutionListener forgetActor = execution -> {
      if (execution.hasVariable(ProcessUser.STEP_ACTOR)) {
        execution.removeVariable(ProcessUser.STEP_ACTOR);
      }
    };
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String expression = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
        Matcher m = expression == null ? null : DELEGATE.matcher(expression.trim());
        if (m == null || !m.matches() || !delegates.contains(m.group(1))) {
          return;
        }
        activity.setAsyncBefore(true);
        activity.setProperty(MARK, Boolean.TRUE);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, forgetActor);
      }

      @Override
      public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
        if (Boolean.TRUE.equals(transition.getDestination().getProperty(MARK))) {
          transition.addListener(ExecutionListener.EVENTNAME_TAKE, recordActor);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
