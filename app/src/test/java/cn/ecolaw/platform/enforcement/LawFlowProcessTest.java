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
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
 * The legal rules of issue 9 ("Wrong law" 3, 5, 9, 10, 4) in {@code enforcement-case}: each test is named after the
 * article it enforces and fails on the flow as it was before.
 */
@PlatformTest
class LawFlowProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
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

  private void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(Dates.ZONE).toInstant()));
  }

  private void start(Map<String, Object> variables) {
    caseNo = TestCases.caseNo();
    launcher.start(caseNo, variables);
    pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
  }

  private void complete(String taskKey, Object... variables) {
    assertThat(pi).isWaitingAt(taskKey);
    tasks.complete(task(taskKey, pi).getId(), of(variables));
  }

  private void fileAndInvestigate(Object... extra) {
    complete("Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete("Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    Map<String, Object> v = of("evidence", "现场检查笔录\n监测报告", "officers", "张伟、刘明", "crimeSuspected", "false",
        "measure", "NONE");
    v.putAll(of(extra));
    assertThat(pi).isWaitingAt("Task_Investigate");
    tasks.complete(task("Task_Investigate", pi).getId(), v);
  }

  private void decide() {
    complete("Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
    serveNotice();
    complete("Task_RecordStatement", "statementSubmitted", "false");
    complete("Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", number("proposedFine"),
        "reviewNote", "未提出意见");
    complete("Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true, "headOpinion", "同意");
  }

  private void serveNotice() {
    complete("Task_ServePriorNotice", "noticeServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
  }

  private void serve(LocalDate served) {
    complete("Task_ServeDecision", "serviceDate", served.toString(), "serviceMethod", "DIRECT", "recipient", "沈建国");
  }

  /** A water case decided and served on {@code served} (the clock is left on that day). */
  private void decidedAndServedOn(LocalDate served) {
    at(served);
    start(TestCases.enterpriseWater());
    fileAndInvestigate();
    decide();
    serve(served);
  }

  private void remedy(String remedy, LocalDate filed) {
    at(filed);
    complete("Task_MonitorPayment", "paid", "false", "remedyFiled", remedy, "remedyFiledDate", filed.toString());
  }

  private void remedyResult(String result, LocalDate served, Object... extra) {
    at(served);
    Map<String, Object> v = of("remedyResult", result, "remedyDecidedDate", served.toString(), "remedyNote", "结果");
    v.putAll(of(extra));
    assertThat(pi).isWaitingAt("Task_RecordRemedyResult");
    tasks.complete(task("Task_RecordRemedyResult", pi).getId(), v);
  }

  private double number(String name) {
    return ((Number) runtime.getVariable(pi.getId(), name)).doubleValue();
  }

  private Object variable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private Date dueAt(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  private boolean hasDocument(DocumentType type) {
    return documents.list(caseNo).stream().map(GeneratedDocument::type).anyMatch(type::equals);
  }

  private String pdfOf(DocumentType type) {
    GeneratedDocument doc = documents.list(caseNo).stream().filter(d -> d.type() == type).reduce((a, b) -> b)
        .orElseThrow();
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(documents.pdf(caseNo, doc.id()))) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertEndedWith(String endEvent, String outcome) {
    assertThat(pi).hasPassed(endEvent).isEnded();
    assertThat(variable("caseOutcome")).isEqualTo(outcome);
    assertThat(cases.find(caseNo).orElseThrow().outcome()).isEqualTo(outcome);
  }

  private static void isRefusal(Throwable e) {
    assertThat(cn.ecolaw.platform.workflow.Refusals.find(e)).as("refusal in %s", e).isPresent();
  }

  /** Days after {@code due} up to {@code asOf} outside [from, to]. */
  private static long accruing(LocalDate due, LocalDate asOf, LocalDate from, LocalDate to) {
    long n = 0;
    for (LocalDate d = due.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
      if (d.isBefore(from) || d.isAfter(to)) {
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- 3. APL 73

  @Test
  void apl73SurchargeSuspendedDuringReconsideration() {
    LocalDate served = Dates.today().minusDays(40);
    decidedAndServedOn(served);
    LocalDate paymentDue = LocalDate.parse((String) variable("paymentDue"));
    LocalDate filed = paymentDue.plusDays(3);
    LocalDate decided = paymentDue.plusDays(20);
    double fine = number("fineAmount");
    remedy("RECONSIDERATION", filed);
    remedyResult("UPHELD", decided);
    ClockUtil.reset();
    LocalDate today = Dates.today();

    execute(job("Timer_RemedyPeriodEnds", pi));

    assertThat(pi).hasPassed("Task_IssueReminder");
    long days = accruing(paymentDue, today, filed, decided);
    long naive = ChronoUnit.DAYS.between(paymentDue, today);
    assertThat(days).isEqualTo(naive - 18);
    BigDecimal expected = BigDecimal.valueOf(fine).multiply(new BigDecimal("0.03")).multiply(BigDecimal.valueOf(days))
        .min(BigDecimal.valueOf(fine)).setScale(2, RoundingMode.HALF_UP);
    assertThat(BigDecimal.valueOf(number("surchargeAmount"))).isEqualByComparingTo(expected);
    assertThat(variable("surchargeSuspendedDays")).isEqualTo(18L);
    assertThat(pdfOf(DocumentType.REMINDER)).contains("第七十三条", "共18日", "不计加处罚款")
        .contains(cn.ecolaw.platform.documents.ChineseAmount.toCapital(expected));
  }

  @Test
  void apl73SurchargeDoesNotAccrueWhileTheSuitIsPendingAndPaymentAfterItOwesOnlyTheRest() {
    LocalDate served = Dates.today().minusDays(40);
    decidedAndServedOn(served);
    LocalDate paymentDue = LocalDate.parse((String) variable("paymentDue"));
    double fine = number("fineAmount");
    remedy("LITIGATION", paymentDue.plusDays(1));
    remedyResult("UPHELD", paymentDue.plusDays(20));
    ClockUtil.reset();
    long days = accruing(paymentDue, Dates.today(), paymentDue.plusDays(1), paymentDue.plusDays(20));
    double due = Math.min(fine, Math.round(fine * 0.03 * days * 100) / 100d) + fine;

    assertThatThrownBy(() -> complete("Task_RecordJudgmentPerformance", "paid", "true", "paidAmount", due - 1,
        "paidDate", Dates.today().toString(), "performanceNote", "当事人缴纳"))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-012");
    complete("Task_RecordJudgmentPerformance", "paid", "true", "paidAmount", due, "paidDate",
        Dates.today().toString(), "performanceNote", "当事人按判决缴纳罚款及加处罚款");

    assertEndedWith("End_Paid", "PAID");
  }

  @Test
  void apl73RemedyMustStateTheDayItWasFiled() {
    decidedAndServedOn(Dates.today());
    assertThatThrownBy(() -> complete("Task_MonitorPayment", "paid", "false", "remedyFiled", "RECONSIDERATION"))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-028");
    assertThatThrownBy(() -> complete("Task_MonitorPayment", "paid", "false", "remedyFiled", "RECONSIDERATION",
        "remedyFiledDate", Dates.today().plusDays(1).toString()))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-029");
    assertThat(pi).isWaitingAt("Task_MonitorPayment");
  }

  // ---------------------------------------------------------------- 5. after a remedy

  @Test
  void all45SuitWithin15DaysAfterReconsideration() {
    LocalDate served = Dates.today().minusDays(40);
    decidedAndServedOn(served);
    LocalDate decided = served.plusDays(10);
    remedy("RECONSIDERATION", served.plusDays(5));
    remedyResult("UPHELD", decided);

    LocalDate suitDue = calendar.addCalendarDays(decided, 15);
    assertThat(variable("litigationDue")).isEqualTo(suitDue.toString());
    assertThat(job("Timer_RemedyPeriodEnds", pi).getDuedate()).isEqualTo(dueAt(suitDue));
    assertThat(variable("applicationDue")).isEqualTo(calendar.addMonths(suitDue, 3).toString());
    assertThatThrownBy(() -> remedy("LITIGATION", suitDue.plusDays(1)))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-013");
    assertThatThrownBy(() -> remedy("RECONSIDERATION", decided.plusDays(1)))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-027");
    remedy("LITIGATION", suitDue);
    assertThat(pi).isWaitingAt("Task_RecordRemedyResult");
  }

  @Test
  void arl78DecisionChangedOnReconsiderationIsEnforcedByTheReconsiderationBody() {
    LocalDate served = Dates.today().minusDays(40);
    decidedAndServedOn(served);
    remedy("RECONSIDERATION", served.plusDays(5));
    remedyResult("CHANGED", served.plusDays(10), "changedFine", 120000d);
    ClockUtil.reset();

    execute(job("Timer_RemedyPeriodEnds", pi));

    assertThat(pi).isWaitingAt("Task_HandOverToReconsiderationBody");
    assertThat(task(pi)).hasCandidateGroup("eco-head");
    complete("Task_HandOverToReconsiderationBody", "handoverNote", "湖政复决〔2026〕8号变更决定及案卷移交复议机关");
    assertEndedWith("End_ReconsiderationBodyEnforcement", "RECONSIDERATION_BODY_ENFORCEMENT");
    assertThat(hasDocument(DocumentType.REMINDER)).isFalse();
  }

  @Test
  void all95UpheldJudgmentIsEnforcedAsAJudgmentNotByANewNonLitigationApplication() {
    LocalDate served = Dates.today().minusDays(40);
    decidedAndServedOn(served);
    remedy("LITIGATION", served.plusDays(5));
    remedyResult("UPHELD", served.plusDays(30));
    ClockUtil.reset();

    assertThat(pi).isWaitingAt("Task_RecordJudgmentPerformance");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    complete("Task_RecordJudgmentPerformance", "paid", "false", "performanceNote", "判决生效后仍未缴纳");
    assertThat(task(pi)).hasCandidateGroup("eco-head");
    complete("Task_ApplyJudgmentEnforcement", "judgmentNo", "（2026）浙0502行初12号", "enforcementItems", "罚款及加处罚款",
        "headOpinion", "同意申请执行生效判决");

    assertEndedWith("End_JudgmentEnforcement", "JUDGMENT_ENFORCEMENT");
    assertThat(hasDocument(DocumentType.ENFORCEMENT_APPLICATION)).isFalse();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("non-litigation-execution")
        .variableValueEquals("caseNo", caseNo).count()).isZero();
  }

  @Test
  void acel55CourtApplicationDoesNotClaimNoReconsiderationWhenOneWasFiled() {
    LocalDate served = Dates.today().minusDays(60);
    decidedAndServedOn(served);
    remedy("RECONSIDERATION", served.plusDays(5));
    remedyResult("UPHELD", served.plusDays(20));
    ClockUtil.reset();
    execute(job("Timer_RemedyPeriodEnds", pi));
    complete("Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    execute(job("Timer_ReminderPeriod", pi));
    complete("Task_PrepareCourtApplication", "enforcementItems", "罚款及加处罚款", "headOpinion", "同意申请");

    String application = pdfOf(DocumentType.ENFORCEMENT_APPLICATION);
    assertThat(application).contains("申请行政复议", "维持原处罚决定", "第四十五条")
        .doesNotContain("未申请行政复议");
  }

  // ---------------------------------------------------------------- 9. police

  @Test
  void decree310PoliceDeclineReturnsCase() {
    start(TestCases.enterpriseWater());
    fileAndInvestigate("crimeSuspected", "true");
    complete("Task_ApproveTransfer", "transferApproved", "true", "transferNote", "涉嫌污染环境罪，移送公安机关");

    assertThat(pi).isWaitingAt("CallActivity_TransferToPolice");
    ProcessInstance transfer = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance(pi);
    assertThat(task(transfer)).hasCandidateGroup("police");
    assertThat(job("Timer_AnswerDeadline", transfer).getDuedate())
        .isEqualTo(dueAt(calendar.addCalendarDays(Dates.today(), 3)));
    assertThatThrownBy(() -> tasks.complete(task("Task_ReviewTransfer", transfer).getId(), of("transferAccepted",
        "false", "receiverOpinion", "否"))).satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("CLUE-020");
    tasks.complete(task("Task_ReviewTransfer", transfer).getId(), of("transferAccepted", "false",
        "receiverOpinion", "湖公（环）不立字〔2026〕2号：没有犯罪事实，退回生态环境部门处理"));

    assertThat(pi).hasPassed("Task_EvaluateDiscretion").isWaitingAt("Task_ProposePenalty");
    assertThat(cases.find(caseNo).orElseThrow().outcome()).isNull();
  }

  @Test
  void decree310PoliceAnswerOverdueEscalatesToTheHead() {
    start(TestCases.enterpriseWater());
    fileAndInvestigate("crimeSuspected", "true");
    complete("Task_ApproveTransfer", "transferApproved", "true", "transferNote", "涉嫌污染环境罪，移送公安机关");

    ProcessInstance transfer = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance(pi);
    execute(job("Timer_AnswerDeadline", transfer));

    assertThat(transfer).isWaitingAt("Task_ReviewTransfer", "Task_SuperviseAnswer");
    assertThat(task("Task_SuperviseAnswer", transfer)).hasCandidateGroup("eco-head");
    assertThat(pi).isWaitingAt("CallActivity_TransferToPolice");
  }

  @Test
  void epl63DetentionTransferWithinThreeWorkingDaysOfTheDecision() {
    start(TestCases.enterpriseWater());
    fileAndInvestigate();
    complete("Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
    serveNotice();
    complete("Task_RecordStatement", "statementSubmitted", "false");
    complete("Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", number("proposedFine"),
        "reviewNote", "未提出意见");
    complete("Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true, "headOpinion", "同意",
        "epl63Conduct", "EVADING_SUPERVISION");

    assertThat(pi).isWaitingAt("Task_ServeDecision", "Task_TransferForDetention");
    LocalDate decided = LocalDate.parse((String) variable("decisionDate"));
    assertThat(variable("detentionTransferDue")).isEqualTo(calendar.addWorkingDays(decided, 3).toString());
    assertThat(job("Timer_DetentionTransferDeadline", pi).getDuedate())
        .isEqualTo(dueAt(calendar.addWorkingDays(decided, 3)));
    tasks.complete(task("Task_TransferForDetention", pi).getId(), of("detentionTransferDate", Dates.today().toString(),
        "detentionTransferNote", "暗管排污，移送湖州市公安局吴兴分局"));
    assertThat(pi).hasPassed("End_DetentionTransferred").isWaitingAt("Task_ServeDecision");
  }

  // ---------------------------------------------------------------- 10. deadlines

  private LocalDate decisionDue() {
    return LocalDate.parse((String) runtime.getVariable(pi.getId(), "decisionDue"));
  }

  private void supervise(Object... answers) {
    tasks.complete(task("Task_SuperviseDecisionDeadline", pi).getId(), of(answers));
  }

  @Test
  void apl60DecisionDeadlineEscalatesAtEveryStage() {
    start(TestCases.enterpriseWater());
    fileAndInvestigate();
    for (String stage : new String[] {"ProposePenalty", "RecordStatement", "ReviewStatement", "ApproveDecision"}) {
      assertThat(pi).isWaitingAt("Task_" + stage);
      assertThat(job("Timer_DecisionDeadline_" + stage, pi).getDuedate()).isEqualTo(dueAt(decisionDue()));
      execute(job("Timer_DecisionDeadline_" + stage, pi));
      assertThat(pi).as(stage).isWaitingAt("Task_" + stage, "Task_SuperviseDecisionDeadline");
      assertThat(task("Task_SuperviseDecisionDeadline", pi)).hasCandidateGroup("eco-head");
      supervise("supervisionNote", "限期办结");
      switch (stage) {
        case "ProposePenalty" -> {
          complete("Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
          serveNotice();
        }
        case "RecordStatement" -> complete("Task_RecordStatement", "statementSubmitted", "false");
        case "ReviewStatement" -> complete("Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine",
            number("proposedFine"), "reviewNote", "未提出意见");
        default -> { }
      }
    }
  }

  @Test
  void meePm57DecisionDeadlineExtendedByThirtyAndThirtyDaysAtMost() {
    start(TestCases.enterpriseWater());
    fileAndInvestigate();
    LocalDate original = decisionDue();
    execute(job("Timer_DecisionDeadline_ProposePenalty", pi));
    assertThatThrownBy(() -> supervise("supervisionNote", "集体讨论延长", "decisionExtension", "COLLECTIVE_DISCUSSION"))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-033");
    supervise("supervisionNote", "案情复杂，批准延长", "decisionExtension", "HEAD_APPROVED");
    LocalDate first = calendar.addCalendarDays(original, 30);
    assertThat(decisionDue()).isEqualTo(first);

    complete("Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
    serveNotice();
    assertThat(job("Timer_DecisionDeadline_RecordStatement", pi).getDuedate()).isEqualTo(dueAt(first));
    execute(job("Timer_DecisionDeadline_RecordStatement", pi));
    supervise("supervisionNote", "经集体讨论再延长", "decisionExtension", "COLLECTIVE_DISCUSSION");
    assertThat(decisionDue()).isEqualTo(calendar.addCalendarDays(first, 30));

    complete("Task_RecordStatement", "statementSubmitted", "false");
    execute(job("Timer_DecisionDeadline_ReviewStatement", pi));
    assertThatThrownBy(() -> supervise("supervisionNote", "再延长", "decisionExtension", "HEAD_APPROVED"))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-033").hasMessageContaining("两次");
  }

  @Test
  void apl60HearingPeriodDoesNotCountAndApl64HearingNoticeStatesTheHour() {
    LocalDate scheduled = Dates.today().minusDays(30);
    at(scheduled);
    start(TestCases.enterpriseSerious());
    fileAndInvestigate("sensitiveArea", true, "harmOccurred", true);
    complete("Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
    serveNotice();
    complete("Task_RecordStatement", "statementSubmitted", "true", "statementSummary", "申请听证", "hearingRequested", true);
    LocalDate before = decisionDue();
    LocalDate hearingDate = calendar.addWorkingDays(scheduled, 8);
    complete("Task_ScheduleHearing", "hearingDate", hearingDate.toString(), "hearingTime", "T1430",
        "hearingPlace", "局三楼听证室", "hearingOfficer", "李娜");
    assertThat(pdfOf(DocumentType.HEARING_NOTICE)).contains("14时30分");
    LocalDate held = hearingDate.plusDays(1);
    at(held);
    execute(job("Event_HearingDay", pi));
    complete("Task_HoldHearing", "hearingSummary", "当事人到场陈述", "hearingRecommendation", "维持拟处罚意见");

    long paused = ChronoUnit.DAYS.between(scheduled, held);
    assertThat(variable("decisionPausedDays")).isEqualTo(paused);
    assertThat(decisionDue()).isEqualTo(calendar.addCalendarDays(before, (int) paused));
    assertThat(pi).isWaitingAt("Task_ReviewStatement");
    assertThat(job("Timer_DecisionDeadline_ReviewStatement", pi).getDuedate()).isEqualTo(dueAt(decisionDue()));
  }

  @Test
  void acel53ApplicationDeadlineEscalatesBeforeItIsLost() {
    decidedAndServedOn(Dates.today());
    ClockUtil.reset();
    execute(job("Timer_RemedyPeriodEnds", pi));
    LocalDate applicationDue = LocalDate.parse((String) variable("applicationDue"));

    assertThat(job("Timer_ApplicationDeadline_ServeReminder", pi).getDuedate())
        .isEqualTo(dueAt(applicationDue.minusDays(15)));
    execute(job("Timer_ApplicationDeadline_ServeReminder", pi));
    assertThat(pi).isWaitingAt("Task_ServeReminder", "Task_SuperviseApplicationDeadline");
    assertThat(task("Task_SuperviseApplicationDeadline", pi)).hasCandidateGroup("eco-head");
  }

  @Test
  void acel54ReminderDeadlineCountsFromItsService() {
    decidedAndServedOn(Dates.today());
    ClockUtil.reset();
    execute(job("Timer_RemedyPeriodEnds", pi));

    assertThat(pdfOf(DocumentType.REMINDER)).contains("自收到本催告书之日起十个工作日内履行");
    LocalDate served = Dates.today();
    complete("Task_ServeReminder", "reminderServedDate", served.toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    assertThat(job("Timer_ReminderPeriod", pi).getDuedate()).isEqualTo(dueAt(calendar.addWorkingDays(served, 10)));
  }

  @Test
  void apl64StatementWindowCountsFromServiceOfTheNoticeNotFromItsDrafting() {
    LocalDate drafted = Dates.today().minusDays(20);
    at(drafted);
    start(TestCases.enterpriseWater());
    fileAndInvestigate();
    complete("Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
    assertThat(pi).isWaitingAt("Task_ServePriorNotice");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    assertThat(pdfOf(DocumentType.PRIOR_NOTICE)).contains("收到本告知书之日起五个工作日内");
    LocalDate before = decisionDue();
    LocalDate served = drafted.plusDays(4);
    at(served);
    assertThatThrownBy(() -> complete("Task_ServePriorNotice", "noticeServedDate", drafted.minusDays(1).toString(),
        "serviceMethod", "MAIL", "recipient", "沈建国"))
        .satisfies(LawFlowProcessTest::isRefusal).hasMessageContaining("ENF-035");
    complete("Task_ServePriorNotice", "noticeServedDate", served.toString(), "serviceMethod", "MAIL",
        "recipient", "沈建国");

    assertThat(variable("statementDue")).isEqualTo(calendar.addWorkingDays(served, 5).toString());
    assertThat(job("Timer_StatementWindow", pi).getDuedate()).isEqualTo(dueAt(calendar.addWorkingDays(served, 5)));
    assertThat(decisionDue()).as("service does not count").isEqualTo(calendar.addCalendarDays(before, 4));
  }

  // ---------------------------------------------------------------- 4. daily continuous penalty (scope only)

  @Test
  void order28Art5DailyPenaltyOnlyForTheConductItCovers() {
    LocalDate served = Dates.today().minusDays(10);
    at(served);
    Map<String, Object> solidWaste = TestCases.enterpriseWater();
    solidWaste.put("violationType", "SOLID_WASTE_GENERAL");
    solidWaste.put("domain", "SOLID_WASTE");
    start(solidWaste);
    fileAndInvestigate("correctionOrdered", true, "violationConduct", "SW_NO_LEDGER");
    decide();
    serve(served);
    ClockUtil.reset();
    complete("Task_ReInspect", "reinspectionDate", Dates.today().toString(), "correctionRefused", "true",
        "reinspectionNote", "仍未改正");

    assertThat(variable("dailyPenaltyApplicable")).isEqualTo(false);
    assertThat(variable("dailyPenaltyAmount")).isEqualTo(0d);
    assertThat(pi).isWaitingAt("Task_MonitorPayment");
  }
}
