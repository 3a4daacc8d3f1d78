package cn.ecolaw.platform.court;

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
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.Refusals;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code non-litigation-execution} on its own (the bureau's side is in EnforcementCaseProcessTest): acceptance in 5
 * working days or refusal and the agency's request to the higher court (15 days, decided in 15); written review (7
 * working days) or hearing of both sides (30 days); a refusal with its ACEL 58 ground served in 5 working days and the
 * agency's challenge (15 days, decided in 30); execution by the court or by the agency (裁执分离); every deadline
 * escalates; the court's documents are filed under the bureau's case number.
 */
@PlatformTest
class NonLitigationExecutionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired NonLitigationExecution court;
  @Autowired WorkingDayCalendar calendar;
  @Autowired DocumentService documents;

  ProcessInstance pi;
  String caseNo;

  @BeforeEach
  void apply() {
    BpmnAwareTests.init(engine);
    caseNo = TestCases.caseNo();
    String docketNo = court.apply(new EnforcementApplication(caseNo, null, "湖州市生态环境局", "湖州测试化工有限公司",
        TestCases.uscc(), 150000d, "1", List.of("1")));
    pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(docketNo).singleResult();
  }

  // ------------------------------------------------------------------------------------------ helpers

  private void complete(String taskKey, Object... variables) {
    assertThat(pi).isWaitingAt(taskKey);
    tasks.complete(task(taskKey, pi).getId(), of(variables));
  }

  private void refused(String code, String taskKey, Object... variables) {
    assertThatThrownBy(() -> tasks.complete(task(taskKey, pi).getId(), of(variables)))
        .satisfies(e -> assertThat(Refusals.find(e)).isPresent()).hasMessageContaining(code);
    assertThat(pi).isWaitingAt(taskKey);
  }

  private Object variable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private Object outcome() {
    return variable("caseOutcome");
  }

  private List<DocumentType> documentTypes() {
    return documents.list(caseNo).stream().map(GeneratedDocument::type).toList();
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  private LocalDate today() {
    return Dates.today();
  }

  private void accept() {
    complete("Task_ReviewApplication", "courtAccepted", "true", "acceptanceNote", "符合受理条件");
  }

  private void acceptWritten() {
    accept();
    complete("Task_ChooseReviewMode", "reviewMode", "WRITTEN");
  }

  private void refuse() {
    acceptWritten();
    complete("Task_ReviewAndRule", "enforcementGranted", "false", "refusalGround", "NO_LEGAL_BASIS",
        "rulingReason", "处罚决定适用的条款与违法事实不符");
    complete("Task_ServeRefusal", "serviceDate", today().toString(), "serviceMethod", "DIRECT", "recipient", "王法制");
  }

  private void notAccepted() {
    complete("Task_ReviewApplication", "courtAccepted", "false", "acceptanceNote", "超过法定申请期限");
  }

  // ------------------------------------------------------------------------------------------ acceptance

  @Test
  void applicationCarriesTheCaseNumberAndADocketNumber() {
    assertThat(pi.getBusinessKey()).matches("（\\d{4}）浙0502行审\\d+号");
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(caseNo);
    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    assertThat(task(pi)).hasCandidateGroup("court-filing");
    assertThat(job("Timer_AcceptanceDeadline", pi).getDuedate())
        .isEqualTo(endOf(calendar.addWorkingDays(today(), 5)));
  }

  @Test
  void acceptedReviewedInWritingGrantedAndExecutedByTheCourt() {
    accept();
    assertThat(pi).hasPassed("Task_IssueAcceptanceNotice").isWaitingAt("Task_ChooseReviewMode");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    Date written = endOf(calendar.addWorkingDays(today(), 7));
    assertThat(task(pi).getDueDate()).isEqualTo(written);
    complete("Task_ChooseReviewMode", "reviewMode", "WRITTEN");

    assertThat(task(pi).getDueDate()).isEqualTo(written);
    assertThat(job("Timer_RulingDeadline", pi).getDuedate()).isEqualTo(written);
    complete("Task_ReviewAndRule", "enforcementGranted", "true", "rulingReason", "行政处罚决定合法");

    assertThat(pi).hasPassed("Task_IssueGrantedRuling").isWaitingAt("Task_ExecuteByCourt");
    assertThat(task(pi)).hasCandidateGroup("court-enforcement");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addMonths(today(), 6)));
    refused("COURT-009", "Task_ExecuteByCourt", "executionDate", today().toString(), "amountCollected", 150001,
        "executionRecord", "划拨");
    refused("COURT-008", "Task_ExecuteByCourt", "executionDate", today().plusDays(1).toString(),
        "amountCollected", 150000, "executionRecord", "划拨");
    complete("Task_ExecuteByCourt", "executionDate", today().toString(), "amountCollected", "150000",
        "executionRecord", "冻结并划拨被执行人银行存款150000元");

    assertThat(pi).hasPassed("Task_NotifyGranted", "End_Granted").isEnded();
    assertThat(outcome()).isEqualTo("GRANTED");
    assertThat(variable("executedBy")).isEqualTo("COURT");
    assertThat(variable("amountCollected")).isEqualTo(150000d);
    assertThat(documentTypes()).containsExactly(DocumentType.ACCEPTANCE_NOTICE, DocumentType.ENFORCEMENT_GRANTED_RULING);
    assertThat(((String) variable("courtDocumentIds")).split(",")).hasSize(2);
  }

  @Test
  void aGrantHandedBackToTheAgencyIsExecutedAndReportedByTheBureau() {
    acceptWritten();
    complete("Task_ReviewAndRule", "enforcementGranted", "true", "executedBy", "AGENCY", "rulingReason", "裁执分离");

    assertThat(pi).isWaitingAt("Task_ExecuteByAgency");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    complete("Task_ExecuteByAgency", "agencyExecutionDate", today().toString(), "agencyAmountCollected", 120000,
        "agencyExecutionRecord", "组织实施，收缴罚款120000元，余款当事人承诺分期缴纳");

    assertThat(pi).hasPassed("End_Granted").isEnded();
    assertThat(outcome()).isEqualTo("GRANTED");
    assertThat(variable("executedBy")).isEqualTo("AGENCY");
  }

  @Test
  void hearingBothSidesGivesThirtyDaysFromAcceptance() {
    accept();
    refused("COURT-003", "Task_ChooseReviewMode", "reviewMode", "HEARING");
    complete("Task_ChooseReviewMode", "reviewMode", "HEARING", "reviewModeNote", "处罚决定认定的排放量可能明显缺乏事实根据");

    Date thirty = endOf(calendar.addCalendarDays(today(), 30));
    assertThat(pi).isWaitingAt("Task_HearBothSides");
    assertThat(task(pi).getDueDate()).isEqualTo(thirty);
    assertThat(variable("rulingPeriod")).isEqualTo("受理之日起三十日");
    complete("Task_HearBothSides", "hearingDate", today().toString(), "hearingRecord", "被执行人称已停产，行政机关坚持原决定");

    assertThat(task(pi).getDueDate()).isEqualTo(thirty);
    assertThat(job("Timer_RulingDeadline", pi).getDuedate()).isEqualTo(thirty);
    complete("Task_ReviewAndRule", "enforcementGranted", "true", "rulingReason", "经听取意见，决定合法");
    assertThat(pi).isWaitingAt("Task_ExecuteByCourt");
  }

  // ------------------------------------------------------------------------------------------ refusal and challenge

  @Test
  void refusalNeedsItsLegalGroundAndIsServedWithinFiveWorkingDays() {
    acceptWritten();
    refused("COURT-002", "Task_ReviewAndRule", "enforcementGranted", "false", "rulingReason", "违法");
    complete("Task_ReviewAndRule", "enforcementGranted", "false", "refusalGround", "NO_LEGAL_BASIS",
        "rulingReason", "明显缺乏法律依据");

    assertThat(pi).hasPassed("Task_IssueRefusedRuling").isWaitingAt("Task_ServeRefusal");
    assertThat(task(pi)).hasCandidateGroup("court-filing");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addWorkingDays(today(), 5)));
    refused("COURT-004", "Task_ServeRefusal", "serviceDate", today().plusDays(1).toString(), "serviceMethod", "DIRECT",
        "recipient", "王法制");
    refused("COURT-005", "Task_ServeRefusal", "serviceDate", today().minusDays(1).toString(), "serviceMethod", "DIRECT",
        "recipient", "王法制");
    complete("Task_ServeRefusal", "serviceDate", today().toString(), "serviceMethod", "DIRECT", "recipient", "王法制");

    assertThat(pi).isWaitingAt("Task_ConsiderChallenge");
    assertThat(task(pi)).hasCandidateGroup("eco-legal");
    assertThat(job("Timer_ChallengePeriod", pi).getDuedate()).isEqualTo(endOf(calendar.addCalendarDays(today(), 15)));
    complete("Task_ConsiderChallenge", "challengeFiled", "false");

    assertThat(pi).hasPassed("Task_NotifyRefused", "End_Refused").isEnded();
    assertThat(outcome()).isEqualTo("REFUSED");
    assertThat(documentTypes()).containsExactly(DocumentType.ACCEPTANCE_NOTICE, DocumentType.ENFORCEMENT_REFUSED_RULING);
  }

  @Test
  void aChallengeThatRevokesTheRefusalLeadsToExecution() {
    refuse();
    refused("COURT-006", "Task_ConsiderChallenge", "challengeFiled", "true");
    complete("Task_ConsiderChallenge", "challengeFiled", "true", "challengeReason", "处罚依据为水污染防治法第八十三条");

    assertThat(pi).isWaitingAt("Task_DecideChallenge");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(today(), 30)));
    complete("Task_DecideChallenge", "refusalRevoked", "true", "executedBy", "AGENCY",
        "challengeDecisionReason", "原裁定适用法律错误");

    assertThat(pi).hasPassed("Task_IssueChallengeDecision").isWaitingAt("Task_ExecuteByAgency");
    complete("Task_ExecuteByAgency", "agencyExecutionDate", today().toString(), "agencyAmountCollected", 150000,
        "agencyExecutionRecord", "已全额收缴");
    assertThat(pi).hasPassed("End_Granted").isEnded();
    assertThat(outcome()).isEqualTo("GRANTED");
    assertThat(documentTypes()).contains(DocumentType.ENFORCEMENT_REFUSED_RULING, DocumentType.CHALLENGE_DECISION);
  }

  @Test
  void aChallengeThatUpholdsTheRefusalEndsRefused() {
    refuse();
    complete("Task_ConsiderChallenge", "challengeFiled", "true", "challengeReason", "原裁定有误");
    complete("Task_DecideChallenge", "refusalRevoked", "false", "challengeDecisionReason", "原裁定正确");

    assertThat(pi).hasPassed("Task_IssueChallengeDecision", "End_Refused").isEnded();
    assertThat(outcome()).isEqualTo("REFUSED");
  }

  @Test
  void theChallengePeriodPassingUnusedLeavesTheRefusal() {
    refuse();
    execute(job("Timer_ChallengePeriod", pi));

    assertThat(pi).hasPassed("Task_NotifyRefused", "End_Refused").isEnded();
    assertThat(outcome()).isEqualTo("REFUSED");
  }

  // ------------------------------------------------------------------------------------------ not accepted

  @Test
  void notAcceptedNeedsAReasonAndTheAgencyMayLetItStand() {
    refused("COURT-001", "Task_ReviewApplication", "courtAccepted", "false");
    notAccepted();

    assertThat(pi).hasPassed("Task_IssueNonAcceptanceRuling").isWaitingAt("Task_ConsiderAppeal");
    assertThat(task(pi)).hasCandidateGroup("eco-legal");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(today(), 15)));
    complete("Task_ConsiderAppeal", "appealFiled", "false");

    assertThat(pi).hasPassed("Task_NotifyNotAccepted", "End_NotAccepted").isEnded();
    assertThat(outcome()).isEqualTo("NOT_ACCEPTED");
    assertThat(documentTypes()).containsExactly(DocumentType.NON_ACCEPTANCE_RULING);
  }

  @Test
  void theHigherCourtOrdersAcceptanceAndTheRulingClockStarts() {
    notAccepted();
    refused("COURT-007", "Task_ConsiderAppeal", "appealFiled", "true");
    complete("Task_ConsiderAppeal", "appealFiled", "true", "appealReason", "申请在法定期限内提出");

    assertThat(pi).isWaitingAt("Task_DecideAppeal");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(today(), 15)));
    complete("Task_DecideAppeal", "acceptanceOrdered", "true", "appealDecisionReason", "申请未超过期限，应予受理");

    assertThat(pi).hasPassed("Task_IssueAcceptanceNotice").isWaitingAt("Task_ChooseReviewMode");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addWorkingDays(today(), 7)));
    assertThat(documentTypes()).containsExactly(DocumentType.NON_ACCEPTANCE_RULING, DocumentType.ACCEPTANCE_NOTICE);
  }

  @Test
  void theHigherCourtUpholdsTheRefusalToAccept() {
    notAccepted();
    complete("Task_ConsiderAppeal", "appealFiled", "true", "appealReason", "申请在法定期限内提出");
    complete("Task_DecideAppeal", "acceptanceOrdered", "false", "appealDecisionReason", "确已超过申请期限");

    assertThat(pi).hasPassed("End_NotAccepted").isEnded();
    assertThat(outcome()).isEqualTo("NOT_ACCEPTED");
  }

  @Test
  void theAppealPeriodPassingUnusedLeavesTheRefusalToAccept() {
    notAccepted();
    execute(job("Timer_AppealPeriod", pi));

    assertThat(pi).hasPassed("Task_NotifyNotAccepted", "End_NotAccepted").isEnded();
    assertThat(outcome()).isEqualTo("NOT_ACCEPTED");
  }

  // ------------------------------------------------------------------------------------------ escalations

  private void escalates(String timer, String supervision, String group, String end, String stillAt) {
    execute(job(timer, pi));
    assertThat(pi).isWaitingAt(stillAt, supervision);
    assertThat(task(supervision, pi)).hasCandidateGroup(group);
    // the bureau's head supervises its own execution on its own form (agency-execution-supervision)
    String note = supervision.equals("Task_SuperviseAgencyExecution") ? "agencySupervisionNote" : "supervisionNote";
    tasks.complete(task(supervision, pi).getId(), of(note, "立即办理"));
    assertThat(pi).hasPassed(end).isWaitingAt(stillAt);
  }

  @Test
  void missedAcceptanceDeadlineEscalates() {
    escalates("Timer_AcceptanceDeadline", "Task_SuperviseAcceptance", "court-judge", "End_AcceptanceSupervised",
        "Task_ReviewApplication");
  }

  @Test
  void missedAppealDecisionDeadlineEscalates() {
    notAccepted();
    complete("Task_ConsiderAppeal", "appealFiled", "true", "appealReason", "申请在法定期限内提出");
    escalates("Timer_AppealDecisionDeadline", "Task_SuperviseAppealDecision", "court-judge",
        "End_AppealDecisionSupervised", "Task_DecideAppeal");
  }

  @Test
  void missedRulingDeadlineEscalatesWhereverTheJudgeIs() {
    accept();
    escalates("Timer_ReviewModeDeadline", "Task_SuperviseRuling", "court-judge", "End_RulingSupervised",
        "Task_ChooseReviewMode");
    complete("Task_ChooseReviewMode", "reviewMode", "HEARING", "reviewModeNote", "可能明显违法");
    escalates("Timer_HearingRulingDeadline", "Task_SuperviseRuling", "court-judge", "End_RulingSupervised",
        "Task_HearBothSides");
    complete("Task_HearBothSides", "hearingDate", today().toString(), "hearingRecord", "双方意见");
    escalates("Timer_RulingDeadline", "Task_SuperviseRuling", "court-judge", "End_RulingSupervised",
        "Task_ReviewAndRule");
  }

  @Test
  void missedServiceAndChallengeDecisionDeadlinesEscalate() {
    acceptWritten();
    complete("Task_ReviewAndRule", "enforcementGranted", "false", "refusalGround", "NO_FACTUAL_BASIS",
        "rulingReason", "明显缺乏事实根据");
    escalates("Timer_RefusalServiceDeadline", "Task_SuperviseRefusalService", "court-judge",
        "End_RefusalServiceSupervised", "Task_ServeRefusal");
    complete("Task_ServeRefusal", "serviceDate", today().toString(), "serviceMethod", "MAIL", "recipient", "王法制");
    complete("Task_ConsiderChallenge", "challengeFiled", "true", "challengeReason", "事实清楚");
    escalates("Timer_ChallengeDecisionDeadline", "Task_SuperviseChallengeDecision", "court-judge",
        "End_ChallengeDecisionSupervised", "Task_DecideChallenge");
  }

  @Test
  void missedExecutionDeadlinesEscalate() {
    acceptWritten();
    complete("Task_ReviewAndRule", "enforcementGranted", "true", "rulingReason", "合法");
    escalates("Timer_CourtExecutionDeadline", "Task_SuperviseCourtExecution", "court-judge",
        "End_CourtExecutionSupervised", "Task_ExecuteByCourt");

    runtime.deleteProcessInstance(pi.getId(), "test");
    apply();
    acceptWritten();
    complete("Task_ReviewAndRule", "enforcementGranted", "true", "executedBy", "AGENCY", "rulingReason", "合法");
    escalates("Timer_AgencyExecutionDeadline", "Task_SuperviseAgencyExecution", "eco-head",
        "End_AgencyExecutionSupervised", "Task_ExecuteByAgency");
  }
}
