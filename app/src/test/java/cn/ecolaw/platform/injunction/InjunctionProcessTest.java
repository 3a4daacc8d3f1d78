package cn.ecolaw.platform.injunction;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
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
 * {@code injunction} over every path: the 48-hour clock (seed story: applied on 22 October, ruled on the third day;
 * an urgent application not ruled in 48 hours escalates), the 5-day clock, rejection, service, the challenge beside
 * compliance monitoring (execution not suspended), breach fines within CPL 118, lifting, the 30-day suit clock.
 */
@PlatformTest
class InjunctionProcessTest {

  /** 22 October 2026, 10:00 China time: the bureau applies. */
  static final LocalDateTime APPLIED = LocalDateTime.of(2026, 10, 22, 10, 0);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired Injunctions injunctions;
  @Autowired DocumentService documents;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(APPLIED));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date at(LocalDateTime t) {
    return Date.from(t.atZone(Dates.ZONE).toInstant());
  }

  static Map<String, Object> application(boolean preSuit, boolean urgent, boolean security) {
    Map<String, Object> v = new HashMap<>(of(
        "applicant", "湖州市生态环境局", "applicantType", "STATE_ORGAN",
        "respondent", "湖州测试化工有限公司", "respondentType", "ENTERPRISE",
        "facts", "被申请人通过暗管向东苕溪持续排放含铬废水。",
        "harmEvidence", "2026年10月21日监测报告：总铬超标12倍；现场照片。",
        "requestedMeasures", "立即停止通过暗管排放废水",
        "preSuit", String.valueOf(preSuit), "urgent", String.valueOf(urgent),
        "securityProvided", String.valueOf(security)));
    if (security) {
      v.put("securityAmount", "200000");
      v.put("securityForm", "银行保函");
    }
    return v;
  }

  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> vars) {
    tasks.complete(task(taskKey, pi).getId(), vars);
  }

  private void grant(ProcessInstance pi) {
    complete(pi, "Task_Rule", of("injunctionGranted", "true", "prohibitedConduct", "通过暗管排放废水",
        "rulingReason", "被申请人正在实施的排污行为将造成难以弥补的损害"));
  }

  private void serve(ProcessInstance pi) {
    complete(pi, "Task_ServeRuling", of("serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "王经理"));
  }

  private void report(ProcessInstance pi, String status) {
    complete(pi, "Task_MonitorCompliance", of("complianceStatus", status, "inspectionDate", Dates.today().toString(),
        "complianceNote", "现场检查"));
  }

  private Object variable(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private long documentsOf(ProcessInstance pi, DocumentType type) {
    String caseNo = (String) variable(pi, "caseNo");
    return documents.list(caseNo).stream().map(GeneratedDocument::type).filter(type::equals).count();
  }

  @Test
  void seedStoryUrgentApplicationRuledOnTheThirdDayWithinFortyEightHours() {
    ProcessInstance pi = injunctions.apply(application(false, true, false));

    assertThat(pi.getBusinessKey()).matches("（2026）浙0502民保令\\d+号");
    assertThat(pi).isWaitingAt("Task_Rule");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    Date due = at(APPLIED.plusHours(48));
    assertThat(task(pi).getDueDate()).isEqualTo(due);
    assertThat(job("Timer_RulingDeadline", pi).getDuedate()).isEqualTo(due);
    assertThat(variable(pi, "rulingDue")).isEqualTo("2026-10-24 10:00");
    assertThat(variable(pi, "caseNo")).isEqualTo(pi.getBusinessKey());
    assertThat(documentsOf(pi, DocumentType.INJUNCTION_APPLICATION)).isEqualTo(1);

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 24, 9, 30)));
    grant(pi);

    assertThat(variable(pi, "rulingOnTime")).isEqualTo(true);
    assertThat(documentsOf(pi, DocumentType.INJUNCTION_RULING)).isEqualTo(1);
    assertThat(pi).hasNotPassed("Task_EscalateRuling").isWaitingAt("Task_ServeRuling");
    assertThat(task(pi)).hasCandidateGroup("court-filing");
  }

  @Test
  void urgentApplicationNotRuledInFortyEightHoursEscalatesToCourtLeadership() {
    ProcessInstance pi = injunctions.apply(application(false, true, false));

    ClockUtil.setCurrentTime(at(APPLIED.plusHours(47)));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
    ClockUtil.setCurrentTime(at(APPLIED.plusHours(48).plusMinutes(1)));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isEqualTo(1);
    execute(job("Timer_RulingDeadline", pi));

    assertThat(pi).isWaitingAt("Task_Rule", "Task_EscalateRuling");
    assertThat(task("Task_EscalateRuling", pi)).hasCandidateGroup("court-filing");
    complete(pi, "Task_EscalateRuling", of("escalationNote", "已报分管副院长督办"));
    assertThat(pi).hasPassed("End_RulingEscalated").isWaitingAt("Task_Rule");

    grant(pi);
    assertThat(variable(pi, "rulingOnTime")).isEqualTo(false);
  }

  @Test
  void ordinaryApplicationHasFiveDaysAndMayBeRejected() {
    ProcessInstance pi = injunctions.apply(application(false, false, false));
    // 22 Oct + 5 days = 27 Oct (a Tuesday), end of day
    assertThat(task(pi).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 10, 27, 23, 59, 59)));
    assertThat(variable(pi, "rulingClock")).isEqualTo("五日内裁定");

    complete(pi, "Task_Rule", of("injunctionGranted", "false", "rulingReason", "现有证据不足以证明损害正在发生"));

    assertThat(pi).hasPassed("Task_IssueRuling", "Task_CloseRejected", "End_Rejected").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("REJECTED");
    assertThat(documentsOf(pi, DocumentType.INJUNCTION_RULING)).isEqualTo(1);
  }

  @Test
  void preSuitApplicationNeedsSecurityAndAGrantNamesTheConduct() {
    assertThatThrownBy(() -> injunctions.apply(application(true, false, false)))
        .isInstanceOf(PlatformException.class).hasMessageContaining("应当提供担保");
    Map<String, Object> noFacts = application(false, true, false);
    noFacts.remove("facts");
    assertThatThrownBy(() -> injunctions.apply(noFacts)).hasMessageContaining("申请事实与理由");

    ProcessInstance pi = injunctions.apply(application(true, false, true));
    assertThat(task(pi).getDueDate()).isEqualTo(at(APPLIED.plusHours(48)));
    assertThatThrownBy(() -> complete(pi, "Task_Rule", of("injunctionGranted", "true", "rulingReason", "理由")))
        .hasMessageContaining("INJ-101");
  }

  @Test
  void breachFinesStayWithinTheLawAndTheOrderEndsWhenConcluded() {
    ProcessInstance pi = injunctions.apply(application(false, true, false));
    grant(pi);
    serve(pi);
    assertThat(pi).hasPassed("Gateway_PreSuit", "End_NoSuitClock")
        .isWaitingAt("Task_MonitorCompliance", "Task_RegisterChallenge");
    assertThat(task("Task_MonitorCompliance", pi)).hasCandidateGroup("eco-officer");
    assertThat(task("Task_RegisterChallenge", pi).getDueDate())
        .isEqualTo(at(LocalDateTime.of(2026, 10, 27, 23, 59, 59)));

    report(pi, "COMPLIANT");
    report(pi, "BREACH");
    assertThat(task("Task_ImposeBreachFine", pi)).hasCandidateGroup("court-judge");
    assertThatThrownBy(() -> complete(pi, "Task_ImposeBreachFine", of("breachFine", 30000, "breachDecisionReason", "违反")))
        .hasMessageContaining("五万元以上一百万元以下");
    assertThatThrownBy(() -> complete(pi, "Task_ImposeBreachFine", of("breachFine", 1_200_000, "breachDecisionReason", "违反")))
        .hasMessageContaining("INJ-106");
    complete(pi, "Task_ImposeBreachFine", of("breachFine", 200000, "breachDecisionReason", "被申请人违反禁止令继续排污"));
    assertThat(variable(pi, "breachCount")).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_MonitorCompliance", "Task_RegisterChallenge");

    report(pi, "CONCLUDED");
    assertThat(pi).hasPassed("Task_Conclude", "End_Concluded").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("CONCLUDED");
  }

  @Test
  void individualRespondentsAreFinedAtMostOneHundredThousand() {
    Map<String, Object> a = application(false, true, false);
    a.put("respondentType", "INDIVIDUAL");
    a.put("respondent", "张某");
    ProcessInstance pi = injunctions.apply(a);
    grant(pi);
    serve(pi);
    report(pi, "BREACH");
    assertThatThrownBy(() -> complete(pi, "Task_ImposeBreachFine", of("breachFine", 100001, "breachDecisionReason", "违反")))
        .hasMessageContaining("十万元以下");
    assertThatThrownBy(() -> complete(pi, "Task_ImposeBreachFine", of("breachFine", 0, "breachDecisionReason", "违反")))
        .hasMessageContaining("INJ-107");
    complete(pi, "Task_ImposeBreachFine", of("breachFine", 0, "detentionDays", 5, "breachDecisionReason", "拘留五日"));
    assertThat(pi).isWaitingAt("Task_MonitorCompliance", "Task_RegisterChallenge");
  }

  @Test
  void challengeIsReviewedWhileTheOrderStaysInForceThenLiftedOnChangedCircumstances() {
    ProcessInstance pi = injunctions.apply(application(true, true, true));
    grant(pi);
    serve(pi);
    assertThat(pi).isWaitingAt("Task_MonitorCompliance", "Task_RegisterChallenge", "Task_RecordSuitFiled");
    assertThat(task("Task_RecordSuitFiled", pi).getDueDate())
        .isEqualTo(at(LocalDateTime.of(2026, 11, 23, 23, 59, 59)));

    complete(pi, "Task_RegisterChallenge", of("challengeDate", "2026-10-22", "challengeReasons", "排污设施已停用"));
    assertThat(task("Task_ReviewChallenge", pi)).hasCandidateGroup("court-judge");
    assertThat(task("Task_ReviewChallenge", pi).getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 11, 2, 23, 59, 59)));
    report(pi, "COMPLIANT");  // monitoring goes on during the challenge: execution is not suspended
    complete(pi, "Task_ReviewChallenge", of("injunctionRevoked", "false", "challengeDecisionReason", "复议理由不成立"));
    assertThat(pi).hasPassed("Task_IssueChallengeDecision", "End_ChallengeDismissed");
    assertThat(documentsOf(pi, DocumentType.INJUNCTION_CHALLENGE_DECISION)).isEqualTo(1);

    complete(pi, "Task_RecordSuitFiled", of("suitFiledDate", "2026-10-22", "suitDocketNo", "（2026）浙0502民初88号"));
    assertThat(pi).hasPassed("End_SuitFiled");

    report(pi, "CIRCUMSTANCES_CHANGED");
    complete(pi, "Task_DecideLifting", of("liftingApproved", "false", "liftingReason", "仍有排污风险"));
    assertThat(pi).isWaitingAt("Task_MonitorCompliance");
    report(pi, "CIRCUMSTANCES_CHANGED");
    complete(pi, "Task_DecideLifting", of("liftingApproved", "true", "liftingReason", "暗管已拆除"));
    assertThat(pi).hasPassed("Task_Lift", "End_Lifted").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("LIFTED");
  }

  @Test
  void lateChallengeIsRefusedAndTheChallengePeriodEnds() {
    ProcessInstance pi = injunctions.apply(application(false, true, false));
    grant(pi);
    serve(pi);
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 29, 9, 0)));
    assertThatThrownBy(() -> complete(pi, "Task_RegisterChallenge",
        of("challengeDate", "2026-10-28", "challengeReasons", "不服"))).hasMessageContaining("INJ-104");
    assertThatThrownBy(() -> complete(pi, "Task_RegisterChallenge",
        of("challengeDate", "2026-10-30", "challengeReasons", "不服"))).hasMessageContaining("不得晚于今天");
    execute(job("Timer_ChallengePeriod", pi));
    assertThat(pi).hasPassed("End_NoChallenge").isWaitingAt("Task_MonitorCompliance");
  }

  @Test
  void lateChallengeReviewEscalatesAndAnUpheldChallengeRevokesTheOrder() {
    ProcessInstance pi = injunctions.apply(application(true, true, true));
    grant(pi);
    serve(pi);
    complete(pi, "Task_RegisterChallenge", of("challengeDate", "2026-10-22", "challengeReasons", "排污设施已停用"));
    execute(job("Timer_ChallengeReviewDeadline", pi));
    assertThat(task("Task_EscalateChallengeReview", pi)).hasCandidateGroup("court-filing");
    complete(pi, "Task_EscalateChallengeReview", of("supervisionNote", "尽快审查"));
    assertThat(pi).hasPassed("End_ChallengeReviewEscalated");

    complete(pi, "Task_ReviewChallenge", of("injunctionRevoked", "true", "challengeDecisionReason", "复议理由成立"));
    assertThat(pi).hasPassed("Task_CloseRevoked", "End_Revoked").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("REVOKED");
  }

  @Test
  void preSuitOrderIsLiftedWhenNoSuitIsFiledWithinThirtyDays() {
    ProcessInstance pi = injunctions.apply(application(true, false, true));
    grant(pi);
    serve(pi);
    assertThat(job("Timer_SuitDeadline", pi).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 11, 23, 23, 59, 59)));
    execute(job("Timer_SuitDeadline", pi));
    assertThat(pi).hasPassed("Task_LiftNoSuit", "End_LiftedNoSuit").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("LIFTED_NO_SUIT");
  }
}
