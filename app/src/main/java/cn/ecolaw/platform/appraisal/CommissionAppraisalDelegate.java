package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.shared.Dates;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 选定鉴定机构（协商或随机，留存记录）并制作鉴定委托书，载明鉴定期限。 */
@Component
public class CommissionAppraisalDelegate implements JavaDelegate {

  static final String APPRAISAL_UNIT = "unit-appraisal";

  private final InstitutionSelector selector;
  private final AppraisalDeadlines deadlines;
  private final AppraisalDocuments documents;
  private final CaseAccess access;

  public CommissionAppraisalDelegate(InstitutionSelector selector, AppraisalDeadlines deadlines,
      AppraisalDocuments documents, CaseAccess access) {
    this.selector = selector;
    this.deadlines = deadlines;
    this.documents = documents;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String method = (String) execution.getVariable("selectionMethod");
    Institution chosen;
    chosen = selector.select((String) execution.getVariable("appraisalNo"), (String) execution.getVariable("caseNo"),
        method, (String) execution.getVariable("agreedInstitution"),
        AppraisalCategory.of(execution.getVariable("category")), AppraisalVariables.parties(execution),
        Dates.today(), AppraisalVariables.excluded(execution));
    execution.setVariable("institutionId", chosen.id());
    execution.setVariable("institutionName", chosen.name());
    execution.setVariable("certificateNo", chosen.certificateNo());
    execution.setVariable("certificateExpiry", chosen.certificateExpiry().toString());
    execution.setVariable("pausedWorkingDays", 0);
    deadlines.start(execution, Boolean.TRUE.equals(execution.getVariable("complexCase")));
    String selectionText = InstitutionSelector.AGREED.equals(method)
        ? "鉴定机构由当事人协商确定。" : "当事人未能协商一致，鉴定机构从鉴定机构名册中随机选定（选定过程已记录）。";
    // commissioned: the appraisal institution reads this appraisal (not the others, nor the case)
    access.letUnitRead(APPRAISAL_UNIT, execution.getProcessInstanceId(), Appraisals.PROCESS_KEY);
    execution.setVariable("commissionDocumentId",
        documents.generate(execution, DocumentType.APPRAISAL_COMMISSION, Map.of("selectionText", selectionText)));
  }
}
