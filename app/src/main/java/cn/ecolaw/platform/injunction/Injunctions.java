package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The public entry of 禁止令: an applicant's application, or the bureau's from an enforcement case whose violation is
 * continuing ({@code continuingViolation}). Either way an {@code injunction} instance with its docket number as
 * business key and the originating case number in {@code caseNo}.
 */
@Service
public class Injunctions {

  public static final String PROCESS_KEY = "injunction";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final CaseFileRepository cases;
  private final InjunctionService service;
  private final InjunctionApplicationValidator validator;
  private final AgencyProperties agency;

  public Injunctions(RuntimeService runtime, HistoryService history, CaseFileRepository cases,
      InjunctionService service, InjunctionApplicationValidator validator, AgencyProperties agency) {
    this.runtime = runtime;
    this.history = history;
    this.cases = cases;
    this.service = service;
    this.validator = validator;
    this.agency = agency;
  }

  /** Files an application (the start form's fields); returns the started instance. */
  public ProcessInstance apply(Map<String, Object> application) {
    validator.validate(application);
    return PlatformCall.run(
        () -> runtime.startProcessInstanceByKey(PROCESS_KEY, service.nextDocketNo(), new HashMap<>(application)));
  }

  /**
   * The bureau applies from its enforcement case: the case must exist and its violation be continuing; the
   * applicant is the bureau (a state organ), the respondent the case's party. The body gives urgent, facts,
   * harmEvidence, requestedMeasures, preSuit (default true) and the security fields.
   */
  public ProcessInstance applyFromCase(String caseNo, Map<String, Object> body) {
    CaseFile c = cases.find(caseNo)
        .orElseThrow(() -> PlatformException.notFound("CASE-404", "案件不存在：" + caseNo));
    if (!continuing(c)) {
      throw PlatformException.conflict("INJ-006", "案件" + caseNo + "未认定违法行为仍在持续，不能据此申请禁止令");
    }
    if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals("caseNo", caseNo).count() > 0) {
      throw PlatformException.conflict("INJ-007", "案件" + caseNo + "已有正在办理的禁止令");
    }
    Map<String, Object> v = new HashMap<>(body == null ? Map.of() : body);
    v.put("caseNo", caseNo);
    v.put("applicant", agency.name());
    v.put("applicantType", "STATE_ORGAN");
    v.put("respondent", c.partyName());
    v.put("respondentType", c.partyType());
    v.put("respondentId", c.partyId());
    v.put("enforcementCaseInstanceId", c.processInstanceId());
    v.putIfAbsent("preSuit", Boolean.TRUE);
    return apply(v);
  }

  private boolean continuing(CaseFile c) {
    if (c.processInstanceId() == null) {
      return false;
    }
    HistoricVariableInstance flag = history.createHistoricVariableInstanceQuery()
        .processInstanceId(c.processInstanceId()).variableName("continuingViolation").singleResult();
    return flag != null && Boolean.TRUE.equals(flag.getValue());
  }
}
