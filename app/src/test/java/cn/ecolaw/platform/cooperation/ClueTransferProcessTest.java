package cn.ecolaw.platform.cooperation;

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
import cn.ecolaw.platform.identity.CaseAccessRepository;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDate;
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

/**
 * {@code clue-transfer} path by path: not approved; approved and accepted (the crime within 24 hours, the police's 3
 * days); returned with reasons (never without); the answer deadline escalating to the sender's head; a clue to the
 * bureau accepted and opened as an {@code enforcement-case} with its facts, followed by the sender.
 */
@PlatformTest
class ClueTransferProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ClueTransfers transfers;
  @Autowired TransferRepository repository;
  @Autowired CaseFileRepository cases;
  @Autowired CaseAccessRepository access;
  @Autowired DocumentService documents;
  @Autowired WorkingDayCalendar calendar;

  String transferNo;
  ProcessInstance pi;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private void transfer(String sender, String receiver, String kind, Object... extra) {
    Map<String, Object> body = of("senderUnit", sender, "receiverUnit", receiver, "kind", kind,
        "subject", "湖州测试印染有限公司", "facts", "夜间通过暗管向东苕溪排放含铬废水，涉嫌污染环境罪。",
        "materials", "现场检查笔录\n监测报告", "reason", "涉嫌犯罪");
    body.putAll(of(extra));
    Map<String, Object> answer = transfers.request(body);
    transferNo = (String) answer.get("transferNo");
    pi = runtime.createProcessInstanceQuery().processInstanceId((String) answer.get("processInstanceId"))
        .singleResult();
  }

  private void complete(String taskKey, Object... variables) {
    assertThat(pi).isWaitingAt(taskKey);
    tasks.complete(task(taskKey, pi).getId(), of(variables));
  }

  private Object variable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private String pdfOf(String caseNo, DocumentType type) {
    GeneratedDocument doc = documents.list(caseNo).stream().filter(d -> d.type() == type).reduce((a, b) -> b)
        .orElseThrow();
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(documents.pdf(caseNo, doc.id()))) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Date dueAt(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  @Test
  void decree310CrimeIsApprovedWithinThreeDaysSentWithin24HoursAndThePoliceAcceptWithinThreeDays() {
    transfer("unit-bureau", "unit-police", "CRIME");

    assertThat(pi).isWaitingAt("Task_ApproveSending");
    assertThat(task(pi)).hasCandidateGroup("eco-head")
        .hasDueDate(dueAt(calendar.addCalendarDays(Dates.today(), ClueTransfers.APPROVAL_DAYS)));
    complete("Task_ApproveSending", "transferApprovalGranted", "true", "approvalNote", "同意移送公安机关。");

    assertThat(pi).hasPassed("Task_SendTransfer").isWaitingAt("Task_ReviewTransfer");
    assertThat(task(pi)).hasCandidateGroup("police");
    assertThat(job("Timer_AnswerDeadline", pi).getDuedate()).isEqualTo(dueAt(calendar.addCalendarDays(Dates.today(), 3)));
    Date decided = (Date) runtime.getVariable(pi.getId(), "transferApprovedAt");
    Date sent = (Date) runtime.getVariable(pi.getId(), "transferSentAt");
    assertThat(sent.getTime() - decided.getTime()).isBetween(0L, 24L * 3600 * 1000);
    assertThat((Date) runtime.getVariable(pi.getId(), "transferSendBy")).isAfterOrEqualTo(sent);
    assertThat(access.unitsOf(transferNo)).contains("unit-bureau", "unit-police");
    assertThat(pdfOf(transferNo, DocumentType.TRANSFER_LETTER)).contains("移送函", "湖州市公安局吴兴分局", "第五条",
        "三日内");

    complete("Task_ReviewTransfer", "transferAccepted", "true", "receiverOpinion", "湖公（环）立字〔2026〕3号：决定立案侦查。");

    assertThat(pi).hasPassed("Task_RecordAnswer", "End_Accepted").isEnded();
    assertThat(variable("caseOutcome")).isEqualTo("ACCEPTED");
    assertThat(repository.find(transferNo).orElseThrow().status()).isEqualTo("ACCEPTED");
    assertThat(pdfOf(transferNo, DocumentType.TRANSFER_RECEIPT)).contains("移送回执", "决定接收", "立案侦查");
  }

  @Test
  void crimeGoesToThePoliceOnly() {
    assertThatThrownBy(() -> transfer("unit-bureau", "unit-natural-resources", "CRIME"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CLUE-004"));
    assertThatThrownBy(() -> transfer("unit-court", "unit-bureau", "PUBLIC_INTEREST"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CLUE-005"));
    assertThatThrownBy(() -> transfer("unit-bureau", "unit-bureau", "CLUE"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CLUE-002"));
  }

  @Test
  void headRefusesTheTransferAndNothingIsSent() {
    transfer("unit-bureau", "unit-natural-resources", "JURISDICTION");

    complete("Task_ApproveSending", "transferApprovalGranted", "false", "approvalNote", "本局管辖，不予移送。");

    assertThat(pi).hasPassed("Task_CloseNotSent", "End_NotSent").hasNotPassed("Task_SendTransfer").isEnded();
    assertThat(variable("caseOutcome")).isEqualTo("NOT_SENT");
    assertThat(access.unitsOf(transferNo)).containsExactly("unit-bureau");
    assertThat(documents.list(transferNo)).isEmpty();
  }

  @Test
  void decree310Art11ReceiverReturnsWithReasonsOnly() {
    transfer("unit-bureau", "unit-police", "CRIME");
    complete("Task_ApproveSending", "transferApprovalGranted", "true", "approvalNote", "同意。");

    assertThatThrownBy(() -> complete("Task_ReviewTransfer", "transferAccepted", "false", "receiverOpinion", "否"))
        .hasMessageContaining("CLUE-020");
    assertThat(pi).isWaitingAt("Task_ReviewTransfer");

    complete("Task_ReviewTransfer", "transferAccepted", "false", "receiverOpinion",
        "湖公（环）不立字〔2026〕2号：没有犯罪事实，退回生态环境部门处理。");

    assertThat(pi).hasPassed("End_Returned").isEnded();
    assertThat(variable("caseOutcome")).isEqualTo("RETURNED");
    assertThat(pdfOf(transferNo, DocumentType.TRANSFER_RECEIPT)).contains("不予接收", "第十一条", "没有犯罪事实");
  }

  @Test
  void answerOverdueEscalatesToTheSendersHead() {
    transfer("unit-court", "unit-procuratorate", "PUBLIC_INTEREST");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    complete("Task_ApproveSending", "transferApprovalGranted", "true", "approvalNote", "同意移送检察院。");
    assertThat(job("Timer_AnswerDeadline", pi).getDuedate())
        .isEqualTo(dueAt(calendar.addWorkingDays(Dates.today(), 7)));

    execute(job("Timer_AnswerDeadline", pi));

    assertThat(pi).isWaitingAt("Task_ReviewTransfer", "Task_SuperviseAnswer");
    assertThat(task("Task_SuperviseAnswer", pi)).hasCandidateGroup("court-judge");
    complete("Task_SuperviseAnswer", "transferSupervisionNote", "请检察院抓紧审查。");
    complete("Task_ReviewTransfer", "transferAccepted", "true", "receiverOpinion", "已受理，进入公益诉讼审查。");
    assertThat(pi).hasPassed("End_AnswerSupervised", "End_Accepted").isEnded();
  }

  @Test
  void clueAcceptedByTheBureauBecomesAnEnforcementCaseThatTheSenderFollows() {
    Map<String, Object> fields = new HashMap<>(TestCases.enterpriseWater());
    fields.remove("clueSource");
    fields.remove("facts");
    transfer("unit-natural-resources", "unit-bureau", "CLUE", "caseFields", fields, "facts",
        "自然资源执法检查中发现该公司厂区外侧排口向河道排放黑色废水。");
    complete("Task_ApproveSending", "transferApprovalGranted", "true", "approvalNote", "同意移送生态环境局。");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");

    complete("Task_ReviewTransfer", "transferAccepted", "true", "receiverOpinion", "属于本局职责，接收并立案审查。");

    assertThat(pi).hasPassed("Task_OpenCase", "End_CaseOpened").isEnded();
    assertThat(variable("caseOutcome")).isEqualTo("CASE_OPENED");
    String caseNo = (String) variable("resultingCaseNo");
    var opened = cases.find(caseNo).orElseThrow();
    assertThat(opened.clueSource()).isEqualTo("TRANSFER");
    ProcessInstance enforcement = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .singleResult();
    assertThat(runtime.getVariable(enforcement.getId(), "facts"))
        .isEqualTo("自然资源执法检查中发现该公司厂区外侧排口向河道排放黑色废水。");
    assertThat(access.unitsOf(caseNo)).contains("unit-bureau", "unit-natural-resources");
    assertThat(transfers.get(transferNo)).containsEntry("resultingCaseNo", caseNo).containsKey("resultingCase");
  }

  @Test
  void clueToTheBureauCarriesTheRegistrationFields() {
    assertThatThrownBy(() -> transfer("unit-agriculture", "unit-bureau", "CLUE"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CLUE-009"));
  }
}
