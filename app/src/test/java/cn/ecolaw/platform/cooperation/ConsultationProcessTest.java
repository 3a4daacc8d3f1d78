package cn.ecolaw.platform.cooperation;

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
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code consultation}: the invited units read the consultation while it is open, each writes its opinion (one task
 * per unit, candidate group of the unit) by the deadline, the convener concludes, the 会商纪要 is made and the shares
 * are taken back; or the deadline passes and the convener concludes with the opinions received.
 */
@PlatformTest
class ConsultationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired CaseLauncher launcher;
  @Autowired Consultations consultations;
  @Autowired ConsultationRepository repository;
  @Autowired DocumentService documents;
  @Autowired WorkingDayCalendar calendar;

  String caseNo;
  long filingDocument;
  String consultationNo;
  ProcessInstance pi;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    ProcessInstance c = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    tasks.complete(task("Task_ProposeFiling", c).getId(), of("filingReason", "涉嫌超标排放", "officerOpinion", "建议立案"));
    tasks.complete(task("Task_ApproveFiling", c).getId(), of("filingApproved", "true", "headOpinion", "同意立案"));
    filingDocument = documents.list(caseNo).get(0).id();
  }

  private void convene(Object... extra) {
    Map<String, Object> body = of("convenerUnit", "unit-bureau", "question", "暗管排放是否构成逃避监管，能否同时移送公安机关？",
        "participants", List.of("unit-police", "unit-expert"), "documentIds", List.of(filingDocument));
    body.putAll(of(extra));
    Map<String, Object> answer = consultations.convene(caseNo, body);
    consultationNo = (String) answer.get("consultationNo");
    pi = runtime.createProcessInstanceQuery().processInstanceId((String) answer.get("processInstanceId"))
        .singleResult();
  }

  private Task opinionTaskOf(String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion")
        .taskCandidateGroup(group).singleResult();
  }

  private boolean groupReads(String group) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(pi.getId()).hasPermission(Permissions.READ).count() > 0;
  }

  private String minutes() {
    GeneratedDocument doc = documents.list(caseNo).stream().filter(d -> d.type() == DocumentType.CONSULTATION_MINUTES)
        .reduce((a, b) -> b).orElseThrow();
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(documents.pdf(caseNo, doc.id()))) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void eachInvitedUnitGivesItsOpinionThenTheConvenerConcludesAndTheSharesAreTakenBack() {
    convene();

    assertThat(pi).hasPassed("Task_ShareMaterials").isWaitingAt("Task_GiveOpinion");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).list()).hasSize(2);
    assertThat(opinionTaskOf("police").getDueDate()).isEqualTo(
        Date.from(calendar.addWorkingDays(Dates.today(), 5).atTime(23, 59, 59).atZone(Dates.ZONE).toInstant()));
    assertThat(groupReads("police")).isTrue();
    assertThat(groupReads("expert")).isTrue();
    assertThat(groupReads("natural-resources")).isFalse();
    assertThat(runtime.getVariable(pi.getId(), "sharedDocumentTitles")).isEqualTo("立案审批表");
    assertThat(consultations.sharedPdf(consultationNo, filingDocument)).isNotEmpty();

    tasks.complete(opinionTaskOf("police").getId(), of("consultationOpinion", "暗管排放含铬废水，涉嫌污染环境罪，应当移送。"));
    tasks.complete(opinionTaskOf("expert").getId(), of("consultationOpinion", "属于通过暗管逃避监管的方式排放污染物。"));

    assertThat(pi).isWaitingAt("Task_RecordConclusion");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    assertThat((String) runtime.getVariable(pi.getId(), "opinionsSummary")).contains("湖州市公安局吴兴分局：暗管排放",
        "湖州市生态环境咨询专家库：属于");
    tasks.complete(task(pi).getId(), of("consultationConclusion", "构成逃避监管，移送公安机关并继续行政处罚。"));

    assertThat(pi).hasPassed("Task_IssueMinutes", "End_Concluded").isEnded();
    assertThat(groupReads("police")).isFalse();
    assertThat(groupReads("expert")).isFalse();
    assertThat(repository.participants(consultationNo)).allSatisfy(p -> assertThat(p.revokedAt()).isNotNull());
    assertThat(minutes()).contains("会商纪要", "湖州市公安局吴兴分局：暗管排放", "构成逃避监管", "立案审批表");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("caseOutcome").singleResult().getValue()).isEqualTo("CONCLUDED");
  }

  @Test
  void opinionDeadlinePassesAndTheConvenerConcludesWithTheOpinionsReceived() {
    convene("opinionDays", 3);
    assertThat(job("Timer_OpinionDeadline", pi).getDuedate()).isEqualTo(
        Date.from(calendar.addWorkingDays(Dates.today(), 3).atTime(23, 59, 59).atZone(Dates.ZONE).toInstant()));
    tasks.complete(opinionTaskOf("expert").getId(), of("consultationOpinion", "属于逃避监管。"));

    execute(job("Timer_OpinionDeadline", pi));

    assertThat(pi).isWaitingAt("Task_RecordConclusion");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").count())
        .isZero();
    tasks.complete(task(pi).getId(), of("consultationConclusion", "按专家意见办理。", "followUpMeasures", "补充监测。"));
    assertThat(pi).isEnded();
    assertThat(minutes()).contains("湖州市公安局吴兴分局在期限内未提出意见", "补充监测");
  }

  @Test
  void onlyMemberUnitsAndTheCasesOwnDocumentsAreShared() {
    assertThatThrownBy(() -> convene("participants", List.of("unit-nowhere")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CONS-003"));
    assertThatThrownBy(() -> convene("participants", List.of()))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CONS-005"));
    assertThatThrownBy(() -> convene("documentIds", List.of(999999)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CONS-006"));
    assertThatThrownBy(() -> convene("opinionDays", 0))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CONS-009"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("consultation")
        .variableValueEquals("caseNo", caseNo).count()).isZero();
  }
}
