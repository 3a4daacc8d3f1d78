package cn.ecolaw.platform.court;

import static cn.ecolaw.platform.support.TestCases.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.Refusals;
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

/**
 * {@code non-litigation-execution} on its own (the bureau's side is in EnforcementCaseProcessTest): acceptance within
 * 5 working days, ruling within 7, a refusal with its ACEL 58 ground, the deadline escalation.
 */
@PlatformTest
class NonLitigationExecutionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired NonLitigationExecution court;
  @Autowired WorkingDayCalendar calendar;

  ProcessInstance pi;
  String caseNo;

  @BeforeEach
  void apply() {
    BpmnAwareTests.init(engine);
    caseNo = TestCases.caseNo();
    String docketNo = court.apply(new EnforcementApplication(caseNo, null, "湖州市生态环境局", "湖州测试化工有限公司",
        TestCases.uscc(), 150000d, "1", java.util.List.of("1")));
    pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(docketNo).singleResult();
  }

  private Object outcome() {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("caseOutcome")
        .singleResult().getValue();
  }

  private Date endOf(java.time.LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  @Test
  void applicationCarriesTheCaseNumberAndADocketNumber() {
    assertThat(pi.getBusinessKey()).matches("（\\d{4}）浙0502行审\\d+号");
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(caseNo);
    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    assertThat(task(pi)).hasCandidateGroup("court-filing");
    assertThat(job("Timer_AcceptanceDeadline", pi).getDuedate())
        .isEqualTo(endOf(calendar.addWorkingDays(Dates.today(), 5)));
  }

  @Test
  void acceptedAndGranted() {
    tasks.complete(task(pi).getId(), of("courtAccepted", "true"));
    assertThat(pi).isWaitingAt("Task_ReviewAndRule");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addWorkingDays(Dates.today(), 7)));
    tasks.complete(task(pi).getId(), of("enforcementGranted", "true", "rulingReason", "行政处罚决定合法"));

    assertThat(pi).hasPassed("Task_NotifyGranted", "End_Granted").isEnded();
    assertThat(outcome()).isEqualTo("GRANTED");
  }

  @Test
  void refusalNeedsItsLegalGround() {
    tasks.complete(task(pi).getId(), of("courtAccepted", "true"));
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("enforcementGranted", "false", "rulingReason", "违法")))
        .satisfies(e -> assertThat(Refusals.find(e)).isPresent()).hasMessageContaining("COURT-002");
    tasks.complete(task(pi).getId(), of("enforcementGranted", "false", "refusalGround", "NO_LEGAL_BASIS",
        "rulingReason", "明显缺乏法律依据"));

    assertThat(pi).hasPassed("Task_NotifyRefused", "End_Refused").isEnded();
    assertThat(outcome()).isEqualTo("REFUSED");
  }

  @Test
  void notAcceptedNeedsAReason() {
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("courtAccepted", "false")))
        .hasMessageContaining("COURT-001");
    tasks.complete(task(pi).getId(), of("courtAccepted", "false", "acceptanceNote", "超过申请期限"));

    assertThat(pi).hasPassed("Task_NotifyNotAccepted", "End_NotAccepted").isEnded();
    assertThat(outcome()).isEqualTo("NOT_ACCEPTED");
  }

  @Test
  void missedAcceptanceDeadlineEscalates() {
    execute(job("Timer_AcceptanceDeadline", pi));
    assertThat(pi).isWaitingAt("Task_ReviewApplication", "Task_SuperviseAcceptance");
    tasks.complete(task("Task_SuperviseAcceptance", pi).getId(), of("supervisionNote", "立即审查"));

    assertThat(pi).hasPassed("End_AcceptanceSupervised").isWaitingAt("Task_ReviewApplication");
  }
}
