package cn.ecolaw.platform.suggestion;

import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 制发司法建议书 (Task_IssueSuggestion): checks the draft (a refusal rolls the start back), numbers it, writes
 * 司法建议书 and lets the addressed unit see the suggestion and the case it arises from.
 */
@Component
public class SuggestionIssueDelegate implements JavaDelegate {

  private final SuggestionService service;
  private final CaseAccess access;

  public SuggestionIssueDelegate(SuggestionService service, CaseAccess access) {
    this.service = service;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String no = execution.getProcessBusinessKey();
    if (no == null || no.isBlank()) {
      no = service.nextSuggestionNo();
      execution.setProcessBusinessKey(no);
    }
    var out = service.issue(execution.getVariables(), no, ProcessUser.of(execution));
    execution.setVariables(out);
    String unit = out.get("addresseeUnit").toString();
    String caseNo = out.get("caseNo").toString();
    access.grant(caseNo, access.courtUnit(), "司法建议（" + no + "）");
    access.grant(caseNo, unit, "司法建议（" + no + "）");
    access.letUnitRead(unit, execution.getProcessInstanceId(), JudicialSuggestions.PROCESS_KEY);
  }
}
