package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记案件：校验线索、确定案号、设置立案期限（Task_RegisterCase）。 */
@Component
public class RegisterCaseDelegate implements JavaDelegate {

  private final EnforcementCaseService service;
  private final CaseAccess access;

  public RegisterCaseDelegate(EnforcementCaseService service, CaseAccess access) {
    this.service = service;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var out = service.register(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        execution.getVariables());
    execution.setVariables(out);
    execution.setProcessBusinessKey((String) out.get("caseNo"));
    access.registered((String) out.get("caseNo"));
  }
}
