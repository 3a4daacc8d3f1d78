package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记立案：编民事一审案号（如（2026）浙0502民初5号），纠纷转入诉讼。 */
@Component
public class LitigationFilingDelegate implements JavaDelegate {

  public static final String OUTCOME = "FILED_FOR_LITIGATION";

  private final CaseNumbers numbers;
  private final AgencyProperties agency;

  public LitigationFilingDelegate(CaseNumbers numbers, AgencyProperties agency) {
    this.numbers = numbers;
    this.agency = agency;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("litigationDocketNo",
        numbers.nextDocketNo(agency.courtCode(), "民初", Dates.today().getYear()));
    execution.setVariable("filedDate", Dates.today().toString());
    execution.setVariable("caseOutcome", OUTCOME);
  }
}
