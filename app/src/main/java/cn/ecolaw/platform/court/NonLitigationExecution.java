package cn.ecolaw.platform.court;

import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The court's public entry for 非诉执行: a bureau's application becomes a {@code non-litigation-execution} process
 * with its own docket number as business key and the originating case number in {@code caseNo}.
 */
@Service
public class NonLitigationExecution {

  public static final String PROCESS_KEY = "non-litigation-execution";
  /** The message the bureau's case waits for: the court's result on its application. */
  public static final String RESULT_MESSAGE = "CourtEnforcementResult";

  private final RuntimeService runtime;
  private final CaseNumbers numbers;
  private final AgencyProperties agency;
  private final CaseAccess access;

  public NonLitigationExecution(RuntimeService runtime, CaseNumbers numbers, AgencyProperties agency,
      CaseAccess access) {
    this.runtime = runtime;
    this.numbers = numbers;
    this.agency = agency;
    this.access = access;
  }

  /** Files the application with the court; returns the docket number (e.g. （2026）浙0502行审3号). */
  public String apply(EnforcementApplication application) {
    String docketNo = numbers.nextDocketNo(agency.courtCode(), "行审", Dates.today().getYear());
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", application.caseNo());
    v.put("courtDocketNo", docketNo);
    v.put("enforcementCaseInstanceId", application.enforcementCaseInstanceId());
    v.put("applicant", application.applicant());
    v.put("respondent", application.respondent());
    v.put("partyName", application.respondent());
    v.put("respondentId", application.respondentId());
    v.put("amountDue", application.amountDue());
    v.put("applicationDocumentId", application.applicationDocumentId());
    v.put("documentIds", String.join(",", application.documentIds()));
    v.put("court", agency.court());
    String pid = PlatformCall.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, docketNo, v)).getId();
    access.processStarted(application.caseNo(), pid, PROCESS_KEY);
    access.grant(application.caseNo(), access.courtUnit(), "申请非诉执行（" + docketNo + "）");
    return docketNo;
  }
}
