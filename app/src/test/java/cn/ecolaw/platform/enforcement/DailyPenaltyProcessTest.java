package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.documents.ChineseAmount;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * 按日连续处罚 (EPL 59; MEP Order 28) as a penalty decision of its own: the {@code daily-penalty} process called by
 * {@code enforcement-case} when re-inspection finds the violation continuing, and the 责令改正违法行为决定书 from
 * whose service the days count.
 */
@PlatformTest
class DailyPenaltyProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CaseLauncher launcher;
  @Autowired DocumentService documents;
  @Autowired WorkingDayCalendar calendar;

  String caseNo;
  ProcessInstance pi;
  ProcessInstance daily;
  LocalDate served;

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

  private void complete(ProcessInstance instance, String taskKey, Object... variables) {
    assertThat(instance).isWaitingAt(taskKey);
    tasks.complete(task(taskKey, instance).getId(), of(variables));
  }

  private double number(String name) {
    return ((Number) runtime.getVariable(pi.getId(), name)).doubleValue();
  }

  private Object dailyVariable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(daily.getId()).variableName(name)
        .singleResult().getValue();
  }

  private Object caseVariable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private Date dueAt(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  /** A case decided and served {@code daysAgo} days ago with the order to correct, the conduct as given. */
  private void decidedWithCorrectionOrder(Map<String, Object> start, int daysAgo) {
    served = Dates.today().minusDays(daysAgo);
    at(served);
    caseNo = TestCases.caseNo();
    launcher.start(caseNo, start);
    pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    complete(pi, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete(pi, "Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    complete(pi, "Task_Investigate", "evidence", "现场检查笔录\n监测报告", "officers", "张伟、刘明",
        "crimeSuspected", "false", "measure", "NONE", "correctionOrdered", true);
    complete(pi, "Task_ProposePenalty", "proposedFine", number("benchmarkFine"), "penaltyReason", "事实清楚，证据确凿");
    complete(pi, "Task_ServePriorNotice", "noticeServedDate", served.toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    complete(pi, "Task_RecordStatement", "statementSubmitted", "false");
    complete(pi, "Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", number("proposedFine"),
        "reviewNote", "未提出意见");
    complete(pi, "Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "同意");
    complete(pi, "Task_ServeDecision", "serviceDate", served.toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    ClockUtil.reset();
  }

  /** Re-inspection today finds the violation continuing. */
  private void reinspectedRefused() {
    complete(pi, "Task_ReInspect", "reinspectionDate", Dates.today().toString(), "correctionRefused", "true",
        "reinspectionNote", "废水总排口仍在超标排放");
    daily = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  /** Notice served today, no statement, legal review and approval: the daily penalty decision is issued. */
  private void noticedReviewedAndApproved() {
    complete(daily, "Task_ServeDailyNotice", "dailyNoticeServedDate", Dates.today().toString(),
        "dailyNoticeRecipient", "沈建国");
    complete(daily, "Task_RecordDailyStatement", "dailyStatementSubmitted", "false", "dailyHearingRequested", "false");
    complete(daily, "Task_DailyLegalReview", "dailyLegalReviewPassed", "true", "dailyLegalReviewOpinion", "事实清楚");
    complete(daily, "Task_ApproveDailyPenalty", "dailyPenaltyApproved", "true", "dailyHeadOpinion", "同意");
  }

  private void dailyDecisionServed() {
    complete(daily, "Task_ServeDailyDecision", "dailyServiceDate", Dates.today().toString(),
        "dailyServiceMethod", "DIRECT", "dailyRecipient", "沈建国");
  }

  private GeneratedDocument document(DocumentType type) {
    return documents.list(caseNo).stream().filter(d -> d.type() == type).reduce((a, b) -> b).orElseThrow();
  }

  private boolean hasDocument(DocumentType type) {
    return documents.list(caseNo).stream().anyMatch(d -> d.type() == type);
  }

  private static String pdfText(byte[] pdf) {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- the law

  /**
   * EPL 59; APL 44, 45, 58, 61, 63, 64: the daily continuous penalty is a decision of its own — computed, then a prior
   * notice served with the right to be heard (5 working days from service), the statement and hearing recorded, legal
   * review (eco-legal), the head's approval (eco-head), a 按日连续处罚决定书 served within 7 working days, payment
   * within 15 days; when the remedy periods pass unpaid the amount goes back to the case for the reminder and the
   * court.
   */
  @Test
  void epl59DailyPenaltyIsItsOwnDecisionWithNoticeHearingAndService() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 10);
    reinspectedRefused();

    assertThat(daily).as("re-inspection starts the daily penalty process").isNotNull();
    assertThat(pi).isWaitingAt("CallActivity_DailyPenalty");
    assertThat(daily).isWaitingAt("Task_ServeDailyNotice");
    assertThat(runtime.getVariable(pi.getId(), "dailyPenaltyUnpaid")).as("nothing owed before a decision").isNull();
    assertThat(hasDocument(DocumentType.DAILY_PENALTY_NOTICE)).isTrue();
    assertThat(task("Task_ServeDailyNotice", daily)).hasCandidateGroup("eco-officer");

    LocalDate noticeServed = Dates.today();
    complete(daily, "Task_ServeDailyNotice", "dailyNoticeServedDate", noticeServed.toString(),
        "dailyNoticeRecipient", "沈建国");
    assertThat(job("Timer_DailyStatementWindow", daily).getDuedate())
        .isEqualTo(dueAt(calendar.addWorkingDays(noticeServed, 5)));
    assertThatThrownBy(() -> complete(daily, "Task_RecordDailyStatement", "dailyStatementSubmitted", "true",
        "dailyHearingRequested", "true")).hasMessageContaining("DAY-004");
    complete(daily, "Task_RecordDailyStatement", "dailyStatementSubmitted", "true", "dailyHearingRequested", "true",
        "dailyStatementText", "已开始整改，请求从轻");
    assertThat(task("Task_HoldDailyHearing", daily)).hasCandidateGroup("eco-legal");
    complete(daily, "Task_HoldDailyHearing", "dailyHearingDate", Dates.today().toString(),
        "dailyHearingRecord", "当事人承认复查时仍在排放");
    assertThat(task("Task_DailyLegalReview", daily)).hasCandidateGroup("eco-legal");
    complete(daily, "Task_DailyLegalReview", "dailyLegalReviewPassed", "true", "dailyLegalReviewOpinion", "事实清楚");
    assertThat(task("Task_ApproveDailyPenalty", daily)).hasCandidateGroup("eco-head");
    complete(daily, "Task_ApproveDailyPenalty", "dailyPenaltyApproved", "true", "dailyHeadOpinion", "同意");

    assertThat(hasDocument(DocumentType.DAILY_PENALTY_DECISION)).isTrue();
    assertThat(job("Timer_DailyServiceDeadline", daily).getDuedate())
        .isEqualTo(dueAt(calendar.addWorkingDays(Dates.today(), 7)));
    assertThatThrownBy(() -> complete(daily, "Task_ServeDailyDecision", "dailyServiceDate",
        Dates.today().minusDays(1).toString(), "dailyServiceMethod", "DIRECT", "dailyRecipient", "沈建国"))
        .hasMessageContaining("DAY-003");
    dailyDecisionServed();
    assertThat(daily).isWaitingAt("Task_MonitorDailyPayment");
    assertThat(job("Timer_DailyPaymentDeadline", daily).getDuedate())
        .isEqualTo(dueAt(calendar.addCalendarDays(Dates.today(), 15)));
    assertThat(job("Timer_DailyRemedyPeriodEnds", daily).getDuedate())
        .isEqualTo(dueAt(calendar.addMonths(Dates.today(), 6)));

    // the party pays the fine late: the payment deadline escalates to the head, the case goes on
    execute(job("Timer_DailyPaymentDeadline", daily));
    assertThat(task("Task_SuperviseDailyPayment", daily)).hasCandidateGroup("eco-head");
    assertThat(daily).isWaitingAt("Task_MonitorDailyPayment");

    // a reconsideration upholds the decision; the suit period ends unpaid: the case collects it
    complete(daily, "Task_MonitorDailyPayment", "dailyPaymentOutcome", "REMEDY_FILED");
    complete(daily, "Task_RecordDailyRemedyResult", "dailyRemedyResult", "UPHELD", "dailyRemedyNote", "复议维持");
    execute(job("Timer_DailyRemedyPeriodEnds", daily));

    assertThat(daily).hasPassed("End_DailyPenaltyUnpaid").isEnded();
    double amount = (Double) caseVariable("dailyPenaltyAmount");
    assertThat(amount).isEqualTo(number("fineAmount") * 10);
    assertThat(caseVariable("dailyPenaltyOutcome")).isEqualTo("UNPAID");
    assertThat(caseVariable("dailyPenaltyUnpaid")).isEqualTo(amount);
    assertThat(pi).isWaitingAt("Task_MonitorPayment");
  }

  /**
   * MEP Order 28 Arts 8, 17: the correction order is a document of the case served with the decision; the days run
   * from the day after its service to the day re-inspection found the violation continuing (10 days here), the
   * amount per day is the original fine (Art. 19).
   */
  @Test
  void order28DaysCountFromTheReinspectionAfterTheCorrectionOrder() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 10);

    assertThat(hasDocument(DocumentType.CORRECTION_ORDER)).isTrue();
    assertThat(caseVariable("correctionOrderServedDate")).isEqualTo(served.toString());
    String receipt = pdfText(documents.pdf(caseNo, document(DocumentType.SERVICE_RECEIPT).id()));
    assertThat(receipt).contains("责令改正违法行为决定书");

    reinspectedRefused();
    assertThat(dailyVariable("dailyPenaltyFrom")).isEqualTo(served.plusDays(1).toString());
    assertThat(dailyVariable("dailyPenaltyDays")).isEqualTo(10L);
    assertThat(dailyVariable("dailyPenaltyAmount")).isEqualTo(number("fineAmount") * 10);

    // the correction order (and nothing else) starts the period: a re-inspection on the day of service counts nothing
    String order = pdfText(documents.pdf(caseNo, document(DocumentType.CORRECTION_ORDER).id()));
    assertThat(order).contains("责令改正违法行为决定书", DailyPenaltyService.correctionOrderNo(caseNo),
        "三十日内", "按日连续处罚");
  }

  /**
   * EPL 59; ACEL 53, 54: a daily penalty left unpaid after its remedy periods is collected like the original fine:
   * named in the 催告书 and in the court application, and in the amount applied for.
   */
  @Test
  void unpaidDailyPenaltyIsCollectedWithTheFineByReminderAndCourt() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 10);
    reinspectedRefused();
    noticedReviewedAndApproved();
    dailyDecisionServed();
    execute(job("Timer_DailyRemedyPeriodEnds", daily));
    BigDecimal fine = BigDecimal.valueOf(number("fineAmount"));
    BigDecimal dailyAmount = fine.multiply(BigDecimal.TEN);

    execute(job("Timer_RemedyPeriodEnds", pi));
    String reminder = pdfText(documents.pdf(caseNo, document(DocumentType.REMINDER).id()));
    assertThat(reminder).contains(DailyPenaltyService.decisionNo(caseNo) + "《按日连续处罚决定书》",
        "按日连续处罚罚款" + ChineseAmount.toText(dailyAmount), "合计" + ChineseAmount.toText(fine.add(dailyAmount)));

    complete(pi, "Task_ServeReminder", "reminderServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    ClockUtil.setCurrentTime(Dates.startOfDay(calendar.addWorkingDays(Dates.today(), 11)));
    complete(pi, "Task_AwaitReminderResponse", "paid", "false", "partyOpinion", "无力缴纳");
    complete(pi, "Task_PrepareCourtApplication", "enforcementItems", "罚款、按日连续处罚罚款", "headOpinion", "同意申请。");
    String application = pdfText(documents.pdf(caseNo, document(DocumentType.ENFORCEMENT_APPLICATION).id()));
    assertThat(application).contains(DailyPenaltyService.decisionNo(caseNo) + "《按日连续处罚决定书》",
        "按日连续处罚罚款" + ChineseAmount.toText(dailyAmount));
    ProcessInstance court = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(String.valueOf(caseVariable("courtDocketNo"))).singleResult();
    assertThat(((Number) runtime.getVariable(court.getId(), "amountDue")).doubleValue())
        .isGreaterThanOrEqualTo(fine.add(dailyAmount).doubleValue());
  }

  /** Legal review or approval refused: no daily penalty, nothing to collect (APL 58); a paid one leaves nothing. */
  @Test
  void apl58DailyPenaltyNotReviewedIsNotImposedAndAPaidOneLeavesNothingToCollect() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 5);
    reinspectedRefused();
    complete(daily, "Task_ServeDailyNotice", "dailyNoticeServedDate", Dates.today().toString(),
        "dailyNoticeRecipient", "沈建国");
    execute(job("Timer_DailyStatementWindow", daily));
    complete(daily, "Task_DailyLegalReview", "dailyLegalReviewPassed", "false", "dailyLegalReviewOpinion", "证据不足");
    assertThat(daily).hasPassed("End_DailyPenaltyNotImposed").isEnded();
    assertThat(caseVariable("dailyPenaltyOutcome")).isEqualTo("NOT_IMPOSED");
    assertThat(caseVariable("dailyPenaltyUnpaid")).isEqualTo(0d);
    assertThat(hasDocument(DocumentType.DAILY_PENALTY_DECISION)).isFalse();
    assertThat(pi).isWaitingAt("Task_MonitorPayment");

    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 5);
    reinspectedRefused();
    noticedReviewedAndApproved();
    dailyDecisionServed();
    assertThatThrownBy(() -> complete(daily, "Task_MonitorDailyPayment", "dailyPaymentOutcome", "PAID"))
        .hasMessageContaining("DAY-005");
    complete(daily, "Task_MonitorDailyPayment", "dailyPaymentOutcome", "PAID", "dailyPaidDate",
        Dates.today().toString());
    assertThat(daily).hasPassed("End_DailyPenaltyPaid").isEnded();
    assertThat(caseVariable("dailyPenaltyOutcome")).isEqualTo("PAID");
    assertThat(caseVariable("dailyPenaltyUnpaid")).isEqualTo(0d);
  }

  /** A reconsideration or a judgment that revokes the daily penalty ends it with nothing to collect. */
  @Test
  void revokedDailyPenaltyLeavesNothingToCollect() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 5);
    reinspectedRefused();
    noticedReviewedAndApproved();
    dailyDecisionServed();
    complete(daily, "Task_MonitorDailyPayment", "dailyPaymentOutcome", "REMEDY_FILED");
    complete(daily, "Task_RecordDailyRemedyResult", "dailyRemedyResult", "REVOKED", "dailyRemedyNote", "复议撤销");
    assertThat(daily).hasPassed("End_DailyPenaltyRevoked").isEnded();
    assertThat(caseVariable("dailyPenaltyOutcome")).isEqualTo("REVOKED");
    assertThat(caseVariable("dailyPenaltyUnpaid")).isEqualTo(0d);
  }

  /** Order 28 Art. 5 conduct corrected at re-inspection: no daily penalty process at all. */
  @Test
  void correctedViolationStartsNoDailyPenalty() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 5);
    complete(pi, "Task_ReInspect", "reinspectionDate", Dates.today().toString(), "correctionRefused", "false",
        "reinspectionNote", "已改正");
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
    assertThat(caseVariable("dailyPenaltyDue")).isEqualTo(false);
    assertThat(pi).isWaitingAt("Task_MonitorPayment");
  }

  /**
   * EPL 59; Order 28 Arts 17–19; APL 59, 67: the 按日连续处罚决定书 states the original decision, the correction order
   * and its service date, the re-inspection date, the days, the amount per day (the original fine), the total, the
   * legal basis, payment within 15 days and the remedies (60 days / 6 months); no internal code reaches the party.
   */
  @Test
  void dailyPenaltyDecisionDocumentStatesDaysAmountAndBasis() {
    decidedWithCorrectionOrder(TestCases.enterpriseWater(), 10);
    reinspectedRefused();
    noticedReviewedAndApproved();

    String text = pdfText(documents.pdf(caseNo, document(DocumentType.DAILY_PENALTY_DECISION).id()));
    BigDecimal fine = BigDecimal.valueOf(number("fineAmount"));
    BigDecimal total = fine.multiply(BigDecimal.TEN);
    assertThat(text).contains("按日连续处罚决定书", DailyPenaltyService.decisionNo(caseNo), caseNo,
        DailyPenaltyService.correctionOrderNo(caseNo), Dates.chinese(served), Dates.chinese(served.plusDays(1)),
        Dates.chinese(Dates.today()), "共10日", ChineseAmount.toText(fine), ChineseAmount.toText(total),
        "《中华人民共和国环境保护法》第五十九条", "《环境保护主管部门实施按日连续处罚办法》", "十五日内", "六十日内",
        "六个月内", "未提出陈述、申辩意见");
    assertThat(java.util.regex.Pattern.compile("[A-Z][A-Z_]{2,}").matcher(text).results()
        .map(java.util.regex.MatchResult::group).toList()).isEmpty();
    String notice = pdfText(documents.pdf(caseNo, document(DocumentType.DAILY_PENALTY_NOTICE).id()));
    assertThat(notice).contains("按日连续处罚事先告知书", "五个工作日内", "听证", ChineseAmount.toText(total));
  }
}
