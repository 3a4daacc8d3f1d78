package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.court.EnforcementApplication;
import cn.ecolaw.platform.court.NonLitigationExecution;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.workflow.ProcessUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 申请法院强制执行：制作强制执行申请书，向法院立案庭提交（启动 non-litigation-execution）（Task_ApplyToCourt）。 */
@Component
public class CourtApplicationDelegate implements JavaDelegate {

  private final EnforcementCaseService service;
  private final NonLitigationExecution court;
  private final AgencyProperties agency;

  public CourtApplicationDelegate(EnforcementCaseService service, NonLitigationExecution court,
      AgencyProperties agency) {
    this.service = service;
    this.court = court;
    this.agency = agency;
  }

  @Override
  public void execute(DelegateExecution execution) {
      var variables = execution.getVariables();
      GeneratedDocument application = service.prepareCourtApplication(variables, ProcessUser.of(execution));
      double due = EnforcementCaseService.number(variables, "fineAmount")
          + service.surchargeAsOf(variables, cn.ecolaw.platform.shared.Dates.today()).doubleValue()
          + EnforcementCaseService.dailyPenaltyUnpaid(variables).doubleValue();
      String docketNo = court.apply(new EnforcementApplication(
          EnforcementCaseService.caseNo(variables), execution.getProcessInstanceId(), agency.name(),
          (String) variables.get("partyName"), (String) variables.get("partyId"), due,
          String.valueOf(application.id()), service.documentIds(EnforcementCaseService.caseNo(variables))));
      execution.setVariable("courtDocketNo", docketNo);
      execution.setVariable("applicationDate", cn.ecolaw.platform.shared.Dates.today().toString());
  }
}
