package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.shared.Dates;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code enforcement-case}: every path and branch, with the statutory timers computed by the working-day calendar.
 * Tasks are completed through the engine, so the server-side form guard and the legal rules apply as in the Tasklist.
 */
@PlatformTest
class EnforcementCaseProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CaseLauncher launcher;
  @Autowired CaseFileRepository cases;
  @Autowired DocumentService documents;
  @Autowired WorkingDayCalendar calendar;

  String caseNo;
  ProcessInstance pi;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- given

  private ProcessInstance start(Map<String, Object> variables) {
    caseNo = TestCases.caseNo();
    launcher.start(caseNo, variables);
    pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    return pi;
  }

  private void complete(String taskKey, Object... variables) {
    assertThat(pi).isWaitingAt(taskKey);
    tasks.complete(task(taskKey, pi).getId(), of(variables));
  }

  private void file() {
    complete("Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete("Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
  }

  private void investigate(Object... extra) {
    Map<String, Object> v = of("evidence", "现场检查笔录\n监测报告", "officers", "张伟、刘明", "crimeSuspected", "false",
        "measure", "NONE");
    v.putAll(of(extra));
    assertThat(pi).isWaitingAt("Task_Investigate");
    tasks.complete(task("Task_Investigate", pi).getId(), v);
  }

  private double benchmark() {
    return ((Number) runtime.getVariable(pi.getId(), "benchmarkFine")).doubleValue();
  }

  private void proposeAtBenchmark() {
    complete("Task_ProposePenalty", "proposedFine", benchmark(), "penaltyReason", "事实清楚，证据确凿");
    serveNotice();
  }

  private void serveNotice() {
    complete("Task_ServePriorNotice", "noticeServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
  }

  private void noStatementAndReview() {
    complete("Task_RecordStatement", "statementSubmitted", "false");
    double proposed = ((Number) runtime.getVariable(pi.getId(), "proposedFine")).doubleValue();
    complete("Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", proposed, "reviewNote", "未提出意见");
  }

  private void approveDecision() {
    complete("Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "同意");
  }

  private void serve(Object... extra) {
    Map<String, Object> v = of("serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT", "recipient", "沈建国");
    v.putAll(of(extra));
    assertThat(pi).isWaitingAt("Task_ServeDecision");
    tasks.complete(task("Task_ServeDecision", pi).getId(), v);
  }

  /** Filed, investigated, benchmark fine proposed, no statement, decided and served. */
  private void decidedAndServed(Map<String, Object> start) {
    start(start);
    file();
    investigate();
    proposeAtBenchmark();
    noStatementAndReview();
    approveDecision();
    serve();
  }

  private Object variable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private Date dueAt(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  private void assertEndedWith(String endEvent, String outcome) {
    assertThat(pi).hasPassed(endEvent).isEnded();
    assertThat(variable("caseOutcome")).isEqualTo(outcome);
    assertThat(cases.find(caseNo).orElseThrow().outcome()).isEqualTo(outcome);
    assertThat(cases.find(caseNo).orElseThrow().status()).isEqualTo("CLOSED");
  }

  private boolean hasDocument(DocumentType type) {
    return documents.list(caseNo).stream().map(GeneratedDocument::type).anyMatch(type::equals);
  }

  /** A refusal the engine rolls back and the APIs answer with 400 (see Refusals.find). */
  static void isRefusal(Throwable e) {
    assertThat(cn.ecolaw.platform.workflow.Refusals.find(e)).as("refusal in %s", e).isPresent();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void refusedFilingEndsNotFiled() {
    start(TestCases.enterpriseWater());
    assertThat(pi).isWaitingAt("Task_ProposeFiling");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    complete("Task_ProposeFiling", "filingReason", "线索不实", "officerOpinion", "建议不予立案");
    assertThat(task(pi)).hasCandidateGroup("eco-head");
    complete("Task_ApproveFiling", "filingApproved", "false", "headOpinion", "不予立案");

    assertEndedWith("End_NotFiled", "NOT_FILED");
    assertThat(pi).hasNotPassed("Task_RecordFiling");
  }

  @Test
  void paidFineEndsPaidWithEveryDocument() {
    decidedAndServed(TestCases.enterpriseWater());

    assertThat(pi).hasPassed("Task_RecordFiling", "Task_EvaluateDiscretion", "Task_DetermineProcedure",
        "Task_IssuePriorNotice", "Task_IssueDecision", "Task_RecordServiceReceipt").hasNotPassed("Task_LegalReview");
    assertThat(pi).isWaitingAt("Task_MonitorPayment");
    double fine = ((Number) runtime.getVariable(pi.getId(), "fineAmount")).doubleValue();
    assertThat(fine).isBetween(100_000d, 1_000_000d);
    complete("Task_MonitorPayment", "paid", "true", "paidAmount", fine, "paidDate", Dates.today().toString(),
        "remedyFiled", "NONE");

    assertEndedWith("End_Paid", "PAID");
    assertThat(documents.list(caseNo)).extracting(GeneratedDocument::type).containsExactly(
        DocumentType.FILING_APPROVAL, DocumentType.PRIOR_NOTICE, DocumentType.PENALTY_DECISION,
        DocumentType.SERVICE_RECEIPT);
    GeneratedDocument decision = documents.list(caseNo).get(2);
    String pdf = pdfText(documents.pdf(caseNo, decision.id()));
    assertThat(pdf).contains("湖州测试印染有限公司", caseNo, "裁量等级", "行政复议", "六个月")
        .contains(cn.ecolaw.platform.documents.ChineseAmount.toCapital(java.math.BigDecimal.valueOf(fine)));
  }

  private static String pdfText(byte[] pdf) {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void statutoryDeadlinesFollowTheWorkingDayCalendar() {
    decidedAndServed(TestCases.enterpriseWater());
    LocalDate served = Dates.today();

    assertThat(variable("paymentDue")).isEqualTo(calendar.addCalendarDays(served, 15).toString());
    assertThat(variable("reconsiderationDue")).isEqualTo(calendar.addCalendarDays(served, 60).toString());
    assertThat(variable("litigationDue")).isEqualTo(calendar.addMonths(served, 6).toString());
    assertThat(job("Timer_PaymentDeadline", pi).getDuedate()).isEqualTo(dueAt(calendar.addCalendarDays(served, 15)));
    assertThat(job("Timer_RemedyPeriodEnds", pi).getDuedate()).isEqualTo(dueAt(calendar.addMonths(served, 6)));
    LocalDate noticed = LocalDate.parse((String) variable("noticeServedDate"));
    assertThat(variable("statementDue")).isEqualTo(calendar.addWorkingDays(noticed, 5).toString());
  }

  @Test
  void statementWindowTimerMovesTheCaseOnWhenThePartyStaysSilent() {
    start(TestCases.enterpriseWater());
    file();
    investigate();
    proposeAtBenchmark();
    assertThat(pi).isWaitingAt("Task_RecordStatement");
    LocalDate noticed = LocalDate.parse((String) runtime.getVariable(pi.getId(), "noticeServedDate"));
    assertThat(job("Timer_StatementWindow", pi).getDuedate()).isEqualTo(dueAt(calendar.addWorkingDays(noticed, 5)));

    execute(job("Timer_StatementWindow", pi));

    assertThat(pi).hasPassed("Timer_StatementWindow").isWaitingAt("Task_ReviewStatement");
  }

  @Test
  void suspectedCrimeIsTransferredToPolice() {
    start(TestCases.enterpriseWater());
    file();
    investigate("crimeSuspected", "true");
    assertThat(pi).isWaitingAt("Task_ApproveTransfer");
    assertThat(task(pi)).hasCandidateGroup("eco-head");
    complete("Task_ApproveTransfer", "transferApproved", "true", "transferNote", "涉嫌污染环境罪，移送公安机关");
    // the police answer in clue-transfer (called activity), as a member unit of the platform
    assertThat(pi).isWaitingAt("CallActivity_TransferToPolice");
    ProcessInstance transfer = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance(pi);
    assertThat(task(transfer)).hasCandidateGroup("police");
    tasks.complete(task("Task_ReviewTransfer", transfer).getId(), of("transferAccepted", "true",
        "receiverOpinion", "湖公（环）立字〔2026〕3号，决定立案侦查"));

    assertEndedWith("End_TransferredToPolice", "TRANSFERRED_TO_POLICE");
    assertThat(pi).hasNotPassed("Task_EvaluateDiscretion");
  }

  @Test
  void refusedTransferGoesOnWithThePenaltyCase() {
    start(TestCases.enterpriseWater());
    file();
    investigate("crimeSuspected", "true");
    complete("Task_ApproveTransfer", "transferApproved", "false", "transferNote", "不构成犯罪");

    assertThat(pi).hasPassed("Task_EvaluateDiscretion").isWaitingAt("Task_ProposePenalty");
  }

  @Test
  void minorCorrectedViolationEndsWithNoPenaltyDecision() {
    start(TestCases.minor());
    file();
    investigate("correctedPromptly", true);
    assertThat(runtime.getVariable(pi.getId(), "discretionOutcome")).isEqualTo("NO_PENALTY");
    assertThat(task(pi)).hasCandidateGroup("eco-head");
    complete("Task_ApproveNoPenalty", "noPenaltyApproved", "true", "noPenaltyGround", "违法行为轻微并及时改正");

    assertEndedWith("End_NoPenalty", "NO_PENALTY");
    assertThat(hasDocument(DocumentType.NO_PENALTY_DECISION)).isTrue();
  }

  @Test
  void headMayOverruleNoPenaltyAndHaveAFineProposed() {
    start(TestCases.minor());
    file();
    investigate("correctedPromptly", true);
    complete("Task_ApproveNoPenalty", "noPenaltyApproved", "false", "noPenaltyGround", "不符合不予处罚条件");

    assertThat(pi).isWaitingAt("Task_ProposePenalty");
  }

  @Test
  void hearingPathWithLegalReviewAndHearingDayTimer() {
    start(TestCases.enterpriseSerious());
    file();
    investigate("sensitiveArea", true, "harmOccurred", true);
    proposeAtBenchmark();
    assertThat(runtime.getVariable(pi.getId(), "hearingRight")).isEqualTo(true);
    assertThat(hasDocument(DocumentType.PRIOR_NOTICE)).isTrue();
    complete("Task_RecordStatement", "statementSubmitted", "true", "statementSummary", "申请听证", "hearingRequested", true);
    LocalDate hearingDate = calendar.addWorkingDays(Dates.today(), 8);
    complete("Task_ScheduleHearing", "hearingDate", hearingDate.toString(), "hearingPlace", "局三楼听证室",
        "hearingOfficer", "李娜");
    assertThat(hasDocument(DocumentType.HEARING_NOTICE)).isTrue();
    assertThat(pi).isWaitingAt("Event_HearingDay");
    assertThat(job("Event_HearingDay", pi).getDuedate()).isEqualTo(Dates.startOfDay(hearingDate));

    execute(job("Event_HearingDay", pi));
    complete("Task_HoldHearing", "hearingSummary", "当事人到场陈述", "hearingRecommendation", "维持拟处罚意见");
    double proposed = ((Number) runtime.getVariable(pi.getId(), "proposedFine")).doubleValue();
    complete("Task_ReviewStatement", "statementAdopted", "REJECTED", "reviewedFine", proposed, "reviewNote", "理由不成立");
    assertThat(task(pi)).hasCandidateGroup("eco-legal");
    complete("Task_LegalReview", "legalReviewPassed", "true", "legalReviewOpinion", "事实清楚，程序合法");

    assertThat(pi).isWaitingAt("Task_ApproveDecision");
  }

  @Test
  void failedLegalReviewSendsTheCaseBackToInvestigation() {
    start(TestCases.enterpriseSerious());
    file();
    investigate("complexCase", true);
    proposeAtBenchmark();
    noStatementAndReview();
    complete("Task_LegalReview", "legalReviewPassed", "false", "legalReviewOpinion", "证据不足");

    assertThat(pi).isWaitingAt("Task_Investigate");
  }

  @Test
  void unapprovedDecisionSendsTheCaseBackToInvestigation() {
    start(TestCases.enterpriseWater());
    file();
    investigate();
    proposeAtBenchmark();
    noStatementAndReview();
    complete("Task_ApproveDecision", "decisionApproved", "false", "headOpinion", "补充调查");

    assertThat(pi).isWaitingAt("Task_Investigate");
  }

  @Test
  void refusedCorrectionOrderTurnsIntoADailyPenalty() {
    LocalDate served = Dates.today().minusDays(10);
    ClockUtil.setCurrentTime(Dates.startOfDay(served));
    start(TestCases.enterpriseWater());
    file();
    investigate("correctionOrdered", true);
    proposeAtBenchmark();
    noStatementAndReview();
    approveDecision();
    serve("serviceDate", served.toString());
    ClockUtil.reset();
    assertThat(pi).isWaitingAt("Task_ReInspect");
    double fine = ((Number) runtime.getVariable(pi.getId(), "fineAmount")).doubleValue();
    complete("Task_ReInspect", "reinspectionDate", Dates.today().toString(), "correctionRefused", "true",
        "reinspectionNote", "仍在排放");

    // EPL 59: not computed silently: the daily penalty is a decision of its own (DailyPenaltyProcessTest)
    assertThat(pi).isWaitingAt("CallActivity_DailyPenalty");
    ProcessInstance daily = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(daily.getId(), "dailyPenaltyDays")).isEqualTo(10L);
    assertThat(runtime.getVariable(daily.getId(), "dailyPenaltyAmount")).isEqualTo(fine * 10);
    assertThat(runtime.getVariable(pi.getId(), "continuingViolation")).isEqualTo(true);
    assertThat(daily).isWaitingAt("Task_ServeDailyNotice");
  }

  @Test
  void revokedDecisionEndsRevoked() {
    decidedAndServed(TestCases.enterpriseWater());
    complete("Task_MonitorPayment", "paid", "false", "remedyFiled", "RECONSIDERATION",
        "remedyFiledDate", Dates.today().toString());
    complete("Task_RecordRemedyResult", "remedyResult", "REVOKED", "remedyDecidedDate", Dates.today().toString(),
        "remedyNote", "湖政复决〔2026〕8号撤销");

    assertEndedWith("End_Revoked", "REVOKED");
  }

  @Test
  void upheldDecisionReturnsToPaymentAndAChangedFineIsWhatIsDue() {
    decidedAndServed(TestCases.enterpriseWater());
    complete("Task_MonitorPayment", "paid", "false", "remedyFiled", "RECONSIDERATION",
        "remedyFiledDate", Dates.today().toString());
    complete("Task_RecordRemedyResult", "remedyResult", "CHANGED", "changedFine", 120000d,
        "remedyDecidedDate", Dates.today().toString(), "remedyNote", "复议变更");

    assertThat(pi).isWaitingAt("Task_MonitorPayment");
    assertThat(runtime.getVariable(pi.getId(), "fineAmount")).isEqualTo(120000d);
    complete("Task_MonitorPayment", "paid", "true", "paidAmount", 120000d, "paidDate", Dates.today().toString(),
        "remedyFiled", "NONE");
    assertEndedWith("End_Paid", "PAID");
  }

  @Test
  void unpaidFineGoesThroughReminderToTheCourtAndEndsInCourtEnforcement() {
    decidedAndServed(TestCases.enterpriseWater());
    execute(job("Timer_RemedyPeriodEnds", pi));
    assertThat(pi).hasPassed("Task_IssueReminder").isWaitingAt("Task_ServeReminder");
    assertThat(hasDocument(DocumentType.REMINDER)).isTrue();
    LocalDate reminderServed = Dates.today();
    complete("Task_ServeReminder", "reminderServedDate", reminderServed.toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    assertThat(job("Timer_ReminderPeriod", pi).getDuedate())
        .isEqualTo(dueAt(calendar.addWorkingDays(reminderServed, 10)));
    execute(job("Timer_ReminderPeriod", pi));
    assertThat(task(pi)).hasCandidateGroup("eco-head");
    complete("Task_PrepareCourtApplication", "enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请");

    assertThat(pi).isWaitingAt("Event_CourtResultReceived");
    assertThat(hasDocument(DocumentType.ENFORCEMENT_APPLICATION)).isTrue();
    String docketNo = (String) runtime.getVariable(pi.getId(), "courtDocketNo");
    assertThat(docketNo).matches("（\\d{4}）浙0502行审\\d+号");
    ProcessInstance court = runtime.createProcessInstanceQuery().processInstanceBusinessKey(docketNo).singleResult();
    assertThat(court).isWaitingAt("Task_ReviewApplication");
    assertThat(runtime.getVariable(court.getId(), "caseNo")).isEqualTo(caseNo);
    assertThat(((String) runtime.getVariable(court.getId(), "documentIds")).split(","))
        .hasSize(documents.list(caseNo).size())
        .contains(String.valueOf(documents.list(caseNo).get(documents.list(caseNo).size() - 1).id()));
    assertThat(task(court)).hasCandidateGroup("court-filing");

    tasks.complete(task(court).getId(), of("courtAccepted", "true", "acceptanceNote", "符合受理条件"));
    assertThat(task(court)).hasCandidateGroup("court-judge");
    tasks.complete(task(court).getId(), of("reviewMode", "WRITTEN"));
    tasks.complete(task(court).getId(), of("enforcementGranted", "true", "rulingReason", "决定合法"));
    assertThat(pi).as("the bureau waits until the ruling is executed").isWaitingAt("Event_CourtResultReceived");
    assertThat(task(court)).hasCandidateGroup("court-enforcement");
    tasks.complete(task(court).getId(), of("executionDate", Dates.today().toString(), "amountCollected", 150000,
        "executionRecord", "划拨被执行人银行存款"));

    assertThat(court).isEnded();
    assertEndedWith("End_CourtEnforcement", "COURT_ENFORCEMENT");
    assertThat(variable("courtResult")).isEqualTo("GRANTED");
    assertThat(variable("courtExecutedBy")).isEqualTo("COURT");
    assertThat(variable("courtAmountCollected")).isEqualTo(150000d);
    assertThat(hasDocument(DocumentType.ACCEPTANCE_NOTICE)).isTrue();
    assertThat(hasDocument(DocumentType.ENFORCEMENT_GRANTED_RULING)).isTrue();
  }

  @Test
  void aRefusalToEnforceThatTheBureauDoesNotChallengeComesBackAsRefused() {
    decidedAndServed(TestCases.enterpriseWater());
    execute(job("Timer_RemedyPeriodEnds", pi));
    complete("Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    execute(job("Timer_ReminderPeriod", pi));
    complete("Task_PrepareCourtApplication", "enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请");
    ProcessInstance court = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey((String) runtime.getVariable(pi.getId(), "courtDocketNo")).singleResult();

    tasks.complete(task(court).getId(), of("courtAccepted", "true"));
    tasks.complete(task(court).getId(), of("reviewMode", "WRITTEN"));
    tasks.complete(task(court).getId(), of("enforcementGranted", "false", "refusalGround", "NO_FACTUAL_BASIS",
        "rulingReason", "认定的排放数据缺乏监测报告支持"));
    tasks.complete(task(court).getId(), of("serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "王法制"));
    assertThat(task(court)).hasCandidateGroup("eco-legal");
    tasks.complete(task(court).getId(), of("challengeFiled", "false"));

    assertThat(court).isEnded();
    assertEndedWith("End_CourtEnforcement", "COURT_ENFORCEMENT");
    assertThat(variable("courtResult")).isEqualTo("REFUSED");
    assertThat(variable("courtRulingReason")).isEqualTo("认定的排放数据缺乏监测报告支持");
    assertThat(variable("courtExecutedBy")).isNull();
    assertThat(hasDocument(DocumentType.ENFORCEMENT_REFUSED_RULING)).isTrue();
  }

  @Test
  void partyPayingAfterTheReminderEndsPaid() {
    decidedAndServed(TestCases.enterpriseWater());
    execute(job("Timer_RemedyPeriodEnds", pi));
    complete("Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    complete("Task_AwaitReminderResponse", "paid", "true", "paidAmount", 2_000_000d,
        "paidDate", Dates.today().toString());

    assertEndedWith("End_Paid", "PAID");
  }

  // ---------------------------------------------------------------- escalations

  @Test
  void missedDeadlinesEscalateToTheHeadWithoutStoppingTheCase() {
    start(TestCases.enterpriseWater());
    file();
    assertThat(job("Timer_DecisionDeadline", pi).getDuedate())
        .isEqualTo(dueAt(calendar.addCalendarDays(Dates.today(), 90)));
    execute(job("Timer_DecisionDeadline", pi));

    assertThat(pi).isWaitingAt("Task_Investigate", "Task_SuperviseDecisionDeadline");
    tasks.complete(task("Task_SuperviseDecisionDeadline", pi).getId(), of("supervisionNote", "限期办结"));
    assertThat(pi).hasPassed("End_DecisionDeadlineSupervised").isWaitingAt("Task_Investigate");
  }

  @Test
  void filingServiceTransferAndPaymentDeadlinesEscalate() {
    start(TestCases.enterpriseWater());
    complete("Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    execute(job("Timer_FilingDeadline", pi));
    assertThat(pi).isWaitingAt("Task_ApproveFiling", "Task_SuperviseFilingDeadline");
    tasks.complete(task("Task_SuperviseFilingDeadline", pi).getId(), of("supervisionNote", "尽快审批"));
    complete("Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意");
    investigate("crimeSuspected", "true");
    execute(job("Timer_TransferDeadline", pi));
    tasks.complete(task("Task_SuperviseTransfer", pi).getId(), of("supervisionNote", "三日内决定"));
    complete("Task_ApproveTransfer", "transferApproved", "false", "transferNote", "不构成犯罪");
    proposeAtBenchmark();
    noStatementAndReview();
    approveDecision();
    execute(job("Timer_ServiceDeadline", pi));
    tasks.complete(task("Task_SuperviseService", pi).getId(), of("supervisionNote", "立即送达"));
    serve();
    execute(job("Timer_PaymentDeadline", pi));

    assertThat(pi).hasPassed("End_FilingDeadlineSupervised", "End_TransferSupervised", "End_ServiceSupervised",
        "Task_MarkOverdue", "End_OverdueMarked").isWaitingAt("Task_MonitorPayment");
    assertThat(runtime.getVariable(pi.getId(), "overdue")).isEqualTo(true);
  }

  // ---------------------------------------------------------------- legal rules refuse and change nothing

  @Test
  void investigationByOneOfficerIsRefused() {
    start(TestCases.enterpriseWater());
    file();
    assertThatThrownBy(() -> investigate("officers", "张伟"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-001").hasMessageContaining("两人");
    assertThat(pi).isWaitingAt("Task_Investigate");
    assertThat(runtime.getVariable(pi.getId(), "officers")).isNull();
  }

  @Test
  void missingRequiredFieldIsRefusedWithItsChineseLabel() {
    start(TestCases.enterpriseWater());
    assertThatThrownBy(() -> complete("Task_ProposeFiling", "filingReason", "涉嫌超标排放"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("FORM-001").hasMessageContaining("承办人意见");
    assertThat(pi).isWaitingAt("Task_ProposeFiling");
  }

  @Test
  void valueOutsideTheFormsOptionsIsRefused() {
    start(TestCases.enterpriseWater());
    complete("Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    assertThatThrownBy(() -> complete("Task_ApproveFiling", "filingApproved", "maybe", "headOpinion", "?"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("FORM-004");
    assertThat(pi).isWaitingAt("Task_ApproveFiling");
  }

  @Test
  void heavierPenaltyAfterDefenceIsRefused() {
    start(TestCases.enterpriseWater());
    file();
    investigate();
    proposeAtBenchmark();
    complete("Task_RecordStatement", "statementSubmitted", "true", "statementSummary", "认为处罚过重");
    double proposed = ((Number) runtime.getVariable(pi.getId(), "proposedFine")).doubleValue();
    assertThatThrownBy(() -> complete("Task_ReviewStatement", "statementAdopted", "REJECTED",
        "reviewedFine", proposed + 1000, "reviewNote", "加重"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-004");
    assertThat(pi).isWaitingAt("Task_ReviewStatement");
  }

  @Test
  void fineAwayFromTheBenchmarkNeedsAWrittenReason() {
    start(TestCases.enterpriseWater());
    file();
    investigate();
    assertThatThrownBy(() -> complete("Task_ProposePenalty", "proposedFine", benchmark() + 10000,
        "penaltyReason", "事实清楚"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("DISC-010");
    complete("Task_ProposePenalty", "proposedFine", benchmark() + 10000, "penaltyReason", "事实清楚",
        "deviationReason", "当事人拒不配合调查");
    serveNotice();
    assertThat(pi).isWaitingAt("Task_RecordStatement");
  }

  @Test
  void hearingTooSoonIsRefused() {
    start(TestCases.enterpriseSerious());
    file();
    investigate();
    proposeAtBenchmark();
    complete("Task_RecordStatement", "statementSubmitted", "true", "hearingRequested", true);
    assertThatThrownBy(() -> complete("Task_ScheduleHearing", "hearingDate",
        calendar.addWorkingDays(Dates.today(), 3).toString(), "hearingPlace", "听证室", "hearingOfficer", "李娜"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-003");
  }

  @Test
  void courtApplicationBeforeTenWorkingDaysAfterTheReminderIsRefused() {
    decidedAndServed(TestCases.enterpriseWater());
    execute(job("Timer_RemedyPeriodEnds", pi));
    complete("Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    assertThatThrownBy(() -> complete("Task_AwaitReminderResponse", "paid", "false"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-016");

    ClockUtil.setCurrentTime(Dates.startOfDay(calendar.addWorkingDays(Dates.today(), 11)));
    complete("Task_AwaitReminderResponse", "paid", "false", "partyOpinion", "无力缴纳");
    assertThat(pi).isWaitingAt("Task_PrepareCourtApplication");
  }

  @Test
  void badStartLeavesNoInstanceBehind() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case").count();
    Map<String, Object> unknownType = TestCases.enterpriseWater();
    unknownType.put("violationType", "NOISE_AT_NIGHT");
    Map<String, Object> negativeRatio = TestCases.enterpriseWater();
    negativeRatio.put("exceedRatio", -0.2);
    Map<String, Object> noParty = TestCases.enterpriseWater();
    noParty.remove("partyName");

    assertThatThrownBy(() -> launcher.start(TestCases.caseNo(), unknownType)).hasMessageContaining("违法行为类型");
    assertThatThrownBy(() -> launcher.start(TestCases.caseNo(), negativeRatio)).hasMessageContaining("DISC-002".substring(0, 0));
    assertThatThrownBy(() -> launcher.start(TestCases.caseNo(), noParty)).hasMessageContaining("当事人名称");
    assertThatThrownBy(() -> launcher.start("ABC-2026-1", TestCases.enterpriseWater())).hasMessageContaining("案号格式");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("enforcement-case", TestCases.caseNo(), unknownType))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("DISC-001");

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case").count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- issue 9: legal fidelity of the flow

  /** An internal code (WATER_EXCEED, HEAVIER, NO_PENALTY…) or a decision key/definition id in a party's document. */
  private static final java.util.regex.Pattern INTERNAL_CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z_]{2,}|penalty-discretion|[a-z-]+:\\d+:[0-9a-f-]{8,}");

  private void assertNoInternalCode(GeneratedDocument doc) {
    String text = pdfText(documents.pdf(caseNo, doc.id()));
    assertThat(INTERNAL_CODE.matcher(text).results().map(java.util.regex.MatchResult::group).toList())
        .as("%s", doc.type()).isEmpty();
  }

  /**
   * APL 59 (二)(三): every document names the provision the party broke after 违反了 and, separately, the penalty
   * provision after 依据; APL 9: the kind of penalty is 罚款, not a discretion grade; no internal code reaches a party.
   */
  @Test
  void apl59ViolatedProvisionDiffersFromPenaltyBasisInEveryDocument() {
    decidedAndServed(TestCases.enterpriseWater());
    execute(job("Timer_RemedyPeriodEnds", pi));
    complete("Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    execute(job("Timer_ReminderPeriod", pi));
    complete("Task_PrepareCourtApplication", "enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请");

    assertThat(runtime.getVariable(pi.getId(), "violatedProvision")).isEqualTo("《中华人民共和国水污染防治法》第十条");
    for (GeneratedDocument doc : documents.list(caseNo)) {
      assertNoInternalCode(doc);
      String text = pdfText(documents.pdf(caseNo, doc.id()));
      assertThat(text).as("%s", doc.type()).doesNotContain("违反了《中华人民共和国水污染防治法》第八十三条")
          .doesNotContain("从重处罚，罚款", "一般处罚，罚款", "从轻处罚，罚款");
      if (doc.type() == DocumentType.PRIOR_NOTICE || doc.type() == DocumentType.PENALTY_DECISION
          || doc.type() == DocumentType.ENFORCEMENT_APPLICATION) {
        assertThat(text).as("%s", doc.type()).contains("违反了《中华人民共和国水污染防治法》第十条的规定",
            "依据《中华人民共和国水污染防治法》第八十三条第（二）项的规定");
        assertThat(text.split("第八十三条第（二）项", -1)).as("%s: the penalty article once", doc.type()).hasSize(2);
      }
      if (doc.type() == DocumentType.PENALTY_DECISION || doc.type() == DocumentType.PRIOR_NOTICE) {
        assertThat(text).contains("作出如下行政处罚：罚款人民币");
      }
      if (doc.type() == DocumentType.PENALTY_DECISION) {
        assertThat(text).contains("裁量等级：", "处罚种类：罚款", "浙江省湖州市吴兴区织里镇工业园区纬三路18号");
      }
    }
  }

  /** APL 59 and 33: the no-penalty decision names the provision broken, and article 33 once. */
  @Test
  void apl59NoPenaltyDecisionNamesTheProvisionBroken() {
    start(TestCases.minor());
    file();
    investigate("correctedPromptly", true);
    complete("Task_ApproveNoPenalty", "noPenaltyApproved", "true", "noPenaltyGround", "违法行为轻微并及时改正，没有造成危害后果");

    GeneratedDocument doc = documents.list(caseNo).stream()
        .filter(d -> d.type() == DocumentType.NO_PENALTY_DECISION).findFirst().orElseThrow();
    assertNoInternalCode(doc);
    String text = pdfText(documents.pdf(caseNo, doc.id()));
    assertThat(text).contains("违反了《中华人民共和国水污染防治法》第十条的规定", "裁量等级：不予处罚");
    assertThat(text.split("第三十三条", -1)).as("article 33 once").hasSize(2);
  }

  /** APL 59 (一): no decision without the party's address. */
  @Test
  void apl59DecisionNeedsThePartysAddress() {
    Map<String, Object> noAddress = TestCases.enterpriseWater();
    noAddress.remove("partyAddress");
    start(noAddress);
    file();
    investigate();
    proposeAtBenchmark();
    noStatementAndReview();
    assertThatThrownBy(this::approveDecision)
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-018");
    assertThat(pi).isWaitingAt("Task_ApproveDecision");
    complete("Task_ApproveDecision", "decisionApproved", "false", "headOpinion", "补充当事人地址");
    investigate("partyAddress", "浙江省湖州市吴兴区织里镇工业园区纬三路18号");
    proposeAtBenchmark();
    noStatementAndReview();
    approveDecision();
    assertThat(pi).isWaitingAt("Task_ServeDecision");
  }

  /** DOMAIN §3, APL 32: after the statement review the fine stays in the statutory range without an APL 32 ground. */
  @Test
  void apl32ReviewedFineStaysInsideTheStatutoryRange() {
    start(TestCases.enterpriseWater());
    file();
    investigate("correctedPromptly", true);
    assertThat(runtime.getVariable(pi.getId(), "discretionOutcome")).isNotEqualTo("MITIGATED");
    proposeAtBenchmark();
    complete("Task_RecordStatement", "statementSubmitted", "true", "statementSummary", "已整改，请求减轻");
    assertThatThrownBy(() -> complete("Task_ReviewStatement", "statementAdopted", "PARTIAL", "reviewedFine", 50000,
        "reviewNote", "已及时改正"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-017");
    assertThat(pi).isWaitingAt("Task_ReviewStatement");
    complete("Task_ReviewStatement", "statementAdopted", "PARTIAL", "reviewedFine", 100000, "reviewNote", "法定最低额");
    assertThat(runtime.getVariable(pi.getId(), "fineAmount")).isEqualTo(100000d);
  }

  /** APL 32: an APL 32 ground found at investigation allows a reviewed fine below the minimum (减轻). */
  @Test
  void apl32GroundAtInvestigationAllowsAFineBelowTheMinimum() {
    start(TestCases.enterpriseWater());
    file();
    investigate("correctedPromptly", true, "harmEliminated", true);
    assertThat(runtime.getVariable(pi.getId(), "discretionOutcome")).isEqualTo("MITIGATED");
    proposeAtBenchmark();
    noStatementAndReview();
    assertThat(runtime.getVariable(pi.getId(), "fineAmount")).isEqualTo(50000d);
  }

  /** APL 38, 63: a decision without the hearing right the penalty carries having been notified is refused. */
  @Test
  void apl38MissedHearingRightBlocksTheDecision() {
    start(TestCases.enterpriseSerious());
    file();
    investigate("sensitiveArea", true, "harmOccurred", true);
    proposeAtBenchmark();
    assertThat(runtime.getVariable(pi.getId(), "hearingRightNotified")).isEqualTo(true);
    runtime.setVariable(pi.getId(), "hearingRightNotified", false); // a notice drafted without the hearing right
    complete("Task_RecordStatement", "statementSubmitted", "false");
    double proposed = ((Number) runtime.getVariable(pi.getId(), "proposedFine")).doubleValue();
    complete("Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", proposed, "reviewNote", "未提出意见");
    complete("Task_LegalReview", "legalReviewPassed", "true", "legalReviewOpinion", "同意");
    assertThatThrownBy(this::approveDecision)
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("ENF-019");
  }

  /** EPL 63 (三): evasion of supervision is never minor and is flagged for the transfer review. */
  @Test
  void epl63EvasionIsNeverMinorAndIsFlagged() {
    start(TestCases.minor());
    file();
    investigate("correctedPromptly", true, "violationConduct", "WATER_EVASION");
    assertThat(runtime.getVariable(pi.getId(), "discretionOutcome")).isNotEqualTo("NO_PENALTY");
    assertThat(runtime.getVariable(pi.getId(), "evasionOfSupervision")).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "violatedProvision")).isEqualTo("《中华人民共和国水污染防治法》第三十九条");
  }

  /** APL 59, SWL 112: the investigation names a conduct of the violation type, and the disposal cost where it counts. */
  @Test
  void apl59InvestigationMustNameAConductOfTheViolationType() {
    start(TestCases.enterpriseWater());
    file();
    assertThatThrownBy(() -> investigate("violationType", "HAZARDOUS_WASTE"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("DISC-015");
    assertThatThrownBy(() -> investigate("violationConduct", "HW_DUMPING"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("DISC-015");
    assertThatThrownBy(() -> investigate("violationType", "HAZARDOUS_WASTE", "violationConduct", "HW_DUMPING"))
        .satisfies(EnforcementCaseProcessTest::isRefusal).hasMessageContaining("DISC-016");
    assertThat(pi).isWaitingAt("Task_Investigate");
    investigate("violationType", "HAZARDOUS_WASTE", "violationConduct", "HW_DUMPING", "disposalCost", 50000);
    assertThat(runtime.getVariable(pi.getId(), "fineMin")).isEqualTo(600000d);
    assertThat(runtime.getVariable(pi.getId(), "fineMax")).isEqualTo(1000000d);
    assertThat(runtime.getVariable(pi.getId(), "violatedProvision"))
        .isEqualTo("《中华人民共和国固体废物污染环境防治法》第七十九条");
  }
}
