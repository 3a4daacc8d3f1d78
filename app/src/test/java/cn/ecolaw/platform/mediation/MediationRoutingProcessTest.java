package cn.ecolaw.platform.mediation;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.confirmation.JudicialConfirmation;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code mediation-routing} over every path: diversion, routing by DMN, extension, expiry, agreement, filing. */
@PlatformTest
class MediationRoutingProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired MediationRouting routing;
  @Autowired WorkingDayCalendar calendar;
  @Autowired DocumentService documents;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  static Map<String, Object> dispute(String category, boolean publicInterest, double amount, boolean consent) {
    Map<String, Object> v = new HashMap<>();
    v.put("applicant", "吴兴区织里镇村民王某某");
    v.put("respondent", "湖州织里恒通印染有限公司");
    v.put("caseCategory", category);
    v.put("publicInterest", publicInterest);
    v.put("claimAmount", amount);
    v.put("partiesConsent", consent);
    v.put("facts", "被申请人排放废水致申请人鱼塘死鱼，请求赔偿损失。");
    return v;
  }

  private ProcessInstance start(Map<String, Object> v) {
    String no = routing.start(null, v);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
  }

  private Object var(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private ProcessInstance toMediation(Map<String, Object> v) {
    ProcessInstance pi = start(v);
    assertThat(pi).isWaitingAt("Task_ReviewDispute");
    assertThat(task(pi)).hasCandidateGroup("court-filing");
    tasks.complete(task(pi).getId(), of("divertToMediation", "true"));
    return pi;
  }

  private Date endOf(java.time.LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  @Test
  void disputeGetsACourtNumberAndOneClickDivertsItToMediation() {
    ProcessInstance pi = toMediation(dispute("POLLUTION_DAMAGE", false, 800000, true));
    assertThat(pi.getBusinessKey()).matches("（\\d{4}）浙0502民诉前调\\d+号");
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(pi.getBusinessKey());
    assertThat(pi).hasPassed("Task_RouteDispute", "Task_StartMediation").isWaitingAt("Task_Mediate");
    assertThat(task(pi)).hasCandidateGroup("mediator");
    assertThat(runtime.getVariable(pi.getId(), "channel")).isEqualTo("PROFESSIONAL_MEDIATION");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(Dates.today(), 30)));
    assertThat(documents.list(pi.getBusinessKey())).extracting(GeneratedDocument::type)
        .containsExactly(DocumentType.MEDIATION_NOTICE);
  }

  @Test
  void agreementAndJointApplicationStartJudicialConfirmation() {
    ProcessInstance pi = toMediation(dispute("NEIGHBOUR_NUISANCE", false, 20000, true));
    assertThat(runtime.getVariable(pi.getId(), "channel")).isEqualTo("PEOPLES_MEDIATION");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("mediationSucceeded", "true")))
        .hasMessageContaining("MED-010");
    tasks.complete(task(pi).getId(), of("mediationSucceeded", "true", "agreementTerms", "被申请人赔偿申请人损失2万元。"));
    assertThat(pi).isWaitingAt("Task_RecordJointApplication");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(Dates.today(), 30)));
    tasks.complete(task(pi).getId(), of("jointApplication", "true"));

    assertThat(pi).hasPassed("Task_IssueAgreement", "Task_ApplyForConfirmation", "End_ConfirmationApplied").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("MEDIATED_CONFIRMATION_APPLIED");
    String docket = (String) var(pi, "confirmationDocketNo");
    ProcessInstance confirmation = runtime.createProcessInstanceQuery().processInstanceBusinessKey(docket).singleResult();
    assertThat(confirmation.getProcessDefinitionId()).startsWith(JudicialConfirmation.PROCESS_KEY + ":");
    assertThat(runtime.getVariable(confirmation.getId(), "caseNo")).isEqualTo(pi.getBusinessKey());
    assertThat(documents.list(pi.getBusinessKey())).extracting(GeneratedDocument::type)
        .contains(DocumentType.MEDIATION_AGREEMENT, DocumentType.CONFIRMATION_APPLICATION);
  }

  @Test
  void agreementWithoutApplicationClosesAsMediated() {
    ProcessInstance pi = toMediation(dispute("OTHER", false, 300000, true));
    assertThat(runtime.getVariable(pi.getId(), "channel")).isEqualTo("ONLINE_MEDIATION");
    tasks.complete(task(pi).getId(), of("mediationSucceeded", "true", "agreementTerms", "分期赔偿。"));
    tasks.complete(task(pi).getId(), of("jointApplication", "false"));
    assertThat(pi).hasPassed("Task_CloseMediated", "End_Mediated").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("MEDIATED");
  }

  @Test
  void applicationPeriodRunsOut() {
    ProcessInstance pi = toMediation(dispute("OTHER", false, 300000, true));
    tasks.complete(task(pi).getId(), of("mediationSucceeded", "true", "agreementTerms", "分期赔偿。"));
    execute(job("Timer_ApplicationPeriod", pi));
    assertThat(pi).hasPassed("End_Mediated").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("MEDIATED");
  }

  @Test
  void extensionByConsentMovesTheDueDateThenFailureGoesToLitigation() {
    ProcessInstance pi = toMediation(dispute("ECOLOGICAL_DAMAGE", false, 600000, true));
    String due = (String) runtime.getVariable(pi.getId(), "mediationDue");
    tasks.complete(task(pi).getId(), of("mediationSucceeded", "false", "extensionAgreed", true));
    assertThat(pi).isWaitingAt("Task_RecordExtension");
    tasks.complete(task(pi).getId(), of("extensionDays", 15, "consentRecord", "双方书面同意延长十五日"));
    assertThat(pi).isWaitingAt("Task_Mediate");
    var newDue = calendar.addCalendarDays(java.time.LocalDate.parse(due), 15);
    assertThat(runtime.getVariable(pi.getId(), "mediationDue")).isEqualTo(newDue.toString());
    assertThat(job("Timer_MediationPeriod", pi).getDuedate()).isEqualTo(endOf(newDue));

    tasks.complete(task(pi).getId(), of("mediationSucceeded", "false"));
    assertThat(pi).isWaitingAt("Task_FileForLitigation");
    assertThat(task(pi)).hasCandidateGroup("court-filing");
    tasks.complete(task(pi).getId(), of("filingOpinion", "调解不成，依法立案。"));
    assertThat(pi).hasPassed("Task_RegisterLitigation", "End_FiledForLitigation").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("FILED_FOR_LITIGATION");
    assertThat((String) var(pi, "litigationDocketNo")).matches("（\\d{4}）浙0502民初\\d+号");
  }

  @Test
  void expiryOfTheMediationPeriodGoesToLitigation() {
    ProcessInstance pi = toMediation(dispute("POLLUTION_DAMAGE", false, 800000, true));
    execute(job("Timer_MediationPeriod", pi));
    assertThat(pi).isWaitingAt("Task_FileForLitigation");
    tasks.complete(task(pi).getId(), of("filingOpinion", "调解期限届满，依法立案。"));
    assertThat(var(pi, "caseOutcome")).isEqualTo("FILED_FOR_LITIGATION");
  }

  @Test
  void publicInterestCaseIsRoutedToLitigationByTheTable() {
    ProcessInstance pi = toMediation(dispute("POLLUTION_DAMAGE", true, 800000, true));
    assertThat(pi).hasPassed("Task_RouteDispute").isWaitingAt("Task_FileForLitigation");
    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("LITIGATION");
  }

  @Test
  void clerkMayFileDirectly() {
    ProcessInstance pi = start(dispute("POLLUTION_DAMAGE", false, 800000, true));
    tasks.complete(task(pi).getId(), of("divertToMediation", "false"));
    assertThat(pi).hasNotPassed("Task_RouteDispute").isWaitingAt("Task_FileForLitigation");
  }

  @Test
  void badInputIsRefusedAndStartsNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(MediationRouting.PROCESS_KEY).count();
    Map<String, Object> v = dispute("POLLUTION_DAMAGE", false, -1, true);
    assertThatThrownBy(() -> routing.start(null, v)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("标的额");
    Map<String, Object> w = dispute("SPACE_DEBRIS", false, 1, true);
    assertThatThrownBy(() -> routing.start(null, w)).hasMessageContaining("纠纷类型");
    assertThatThrownBy(() -> routing.start("第1号", dispute("OTHER", false, 1, true)))
        .extracting("code").isEqualTo("MED-007");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MediationRouting.PROCESS_KEY).count())
        .isEqualTo(before);
  }
}
