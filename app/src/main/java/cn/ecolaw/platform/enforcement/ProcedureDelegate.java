package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.discretion.ProcedureRequirements;
import cn.ecolaw.platform.workflow.Refusals;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 确定法定程序：按 procedure-requirements 决策确定听证权利、法制审核和集体讨论（Task_DetermineProcedure）。 */
@Component
public class ProcedureDelegate implements JavaDelegate {

  private final PenaltyDiscretionService discretion;

  public ProcedureDelegate(PenaltyDiscretionService discretion) {
    this.discretion = discretion;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var v = execution.getVariables();
    ProcedureRequirements r = discretion.requirements((String) v.get("partyType"),
        BigDecimal.valueOf(EnforcementCaseService.number(v, "proposedFine")), (String) v.getOrDefault("measure", "NONE"),
        Boolean.TRUE.equals(v.get("complexCase")), Boolean.TRUE.equals(v.get("majorPublicInterest")));
    execution.setVariable("hearingRight", r.hearingRight());
    execution.setVariable("legalReviewRequired", r.legalReviewRequired());
    execution.setVariable("collectiveDiscussionRequired", r.collectiveDiscussionRequired());
  }
}
