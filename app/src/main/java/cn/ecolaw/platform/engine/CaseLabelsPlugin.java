package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every task of every process names its case and party, so that the Tasklist's list (filter variables) and every
 * task form show them and link to the case page: when a user task is created and its process instance has no
 * {@code caseNo}, the business key is the case number; when it has no {@code partyName}, the party is the registered
 * case's party, else the respondent or applicant of the flow's start form.
 */
@Component
public class CaseLabelsPlugin extends AbstractProcessEnginePlugin {

  /** Where a flow without {@code partyName} names its party, in order of preference. */
  static final List<String> PARTY_VARIABLES = List.of("respondent", "parties", "applicants", "applicant");

  private final ObjectProvider<CaseFileRepository> cases;

  public CaseLabelsPlugin(ObjectProvider<CaseFileRepository> cases) {
    this.cases = cases;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    TaskListener label = this::label;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, label);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void label(DelegateTask task) {
    DelegateExecution instance = task.getExecution() == null ? null : task.getExecution().getProcessInstance();
    if (instance == null) {
      return;
    }
    Object caseNo = instance.getVariable("caseNo");
    if (blank(caseNo) && !blank(instance.getProcessBusinessKey())) {
      caseNo = instance.getProcessBusinessKey();
      instance.setVariable("caseNo", caseNo);
    }
    if (!blank(instance.getVariable("partyName"))) {
      return;
    }
    String party = blank(caseNo) ? null
        : cases.getObject().find(caseNo.toString()).map(CaseFile::partyName).orElse(null);
    for (int i = 0; party == null && i < PARTY_VARIABLES.size(); i++) {
      Object named = instance.getVariable(PARTY_VARIABLES.get(i));
      party = blank(named) ? null : named.toString().trim();
    }
    if (party != null) {
      instance.setVariable("partyName", party.length() > 200 ? party.substring(0, 200) : party);
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
