package cn.ecolaw.platform.confirmation;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code judicial-confirmation}: compensation agreements with a 30-day notice, mediation agreements, rejection. */
@PlatformTest
class JudicialConfirmationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JudicialConfirmation confirmation;
  @Autowired WorkingDayCalendar calendar;
  @Autowired DocumentService documents;

  String caseNo;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    caseNo = TestCases.caseNo();
  }

  private ProcessInstance apply(String type, LocalDate agreed) {
    String docket = confirmation.apply(new ConfirmationApplication(caseNo, type, "湖州市生态环境局、湖州长兴宏达化工有限公司",
        agreed, "赔偿义务人支付生态环境修复费用120万元，于2027年6月30日前完成修复。", null));
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(docket).singleResult();
  }

  private Object outcome(ProcessInstance pi) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("caseOutcome")
        .singleResult().getValue();
  }

  private Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  @Test
  void compensationAgreementIsPublishedThirtyDaysThenConfirmed() {
    ProcessInstance pi = apply(ConfirmationApplication.COMPENSATION, Dates.today());
    assertThat(pi.getBusinessKey()).matches("（\\d{4}）浙0502民特\\d+号");
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(caseNo);
    assertThat(pi).hasPassed("Task_IssuePublicNotice").isWaitingAt("Event_NoticePeriodEnds");
    assertThat(job("Event_NoticePeriodEnds", pi).getDuedate()).isEqualTo(endOf(Dates.today().plusDays(30)));
    execute(job("Event_NoticePeriodEnds", pi));
    assertThat(pi).isWaitingAt("Task_ReviewAgreement");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    tasks.complete(task(pi).getId(), of("confirmed", "true", "rulingReason", "协议系双方真实意思表示，不违反法律强制性规定，不损害社会公共利益。"));

    assertThat(pi).hasPassed("Task_IssueConfirmed", "End_Confirmed").isEnded();
    assertThat(outcome(pi)).isEqualTo("CONFIRMED");
    assertThat(documents.list(caseNo)).extracting(GeneratedDocument::type).containsExactlyInAnyOrder(
        DocumentType.CONFIRMATION_APPLICATION, DocumentType.CONFIRMATION_NOTICE, DocumentType.CONFIRMATION_RULING);
  }

  @Test
  void mediationAgreementIsReviewedAtOnceAndDecidedWithinThirtyDays() {
    ProcessInstance pi = apply(ConfirmationApplication.MEDIATION, Dates.today().minusDays(10));
    assertThat(pi).hasNotPassed("Task_IssuePublicNotice").isWaitingAt("Task_ReviewAgreement");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(Dates.today(), 30)));
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("confirmed", "true", "publicInterestHarmed", true,
        "rulingReason", "有效"))).hasMessageContaining("CONF-010");
    tasks.complete(task(pi).getId(), of("confirmed", "false", "publicInterestHarmed", true,
        "rulingReason", "协议约定以缴纳费用替代修复，损害社会公共利益。"));

    assertThat(pi).hasPassed("Task_IssueRejected", "End_Rejected").isEnded();
    assertThat(outcome(pi)).isEqualTo("REJECTED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("confirmed")
        .singleResult().getValue()).isEqualTo(false);
  }

  @Test
  void missedDecisionDeadlineEscalates() {
    ProcessInstance pi = apply(ConfirmationApplication.MEDIATION, Dates.today());
    execute(job("Timer_DecisionDeadline", pi));
    assertThat(pi).isWaitingAt("Task_ReviewAgreement", "Task_SuperviseDecision");
    tasks.complete(task("Task_SuperviseDecision", pi).getId(), of("supervisionNote", "尽快审查"));
    assertThat(pi).hasPassed("End_DecisionSupervised").isWaitingAt("Task_ReviewAgreement");
  }

  @Test
  void lateJointApplicationIsRefused() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(JudicialConfirmation.PROCESS_KEY).count();
    assertThatThrownBy(() -> apply(ConfirmationApplication.MEDIATION, Dates.today().minusDays(60)))
        .isInstanceOf(PlatformException.class).extracting("code").isEqualTo("CONF-006");
    assertThatThrownBy(() -> apply("LOAN", Dates.today())).extracting("code").isEqualTo("CONF-002");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(JudicialConfirmation.PROCESS_KEY).count())
        .isEqualTo(before);
  }
}
