package cn.ecolaw.platform.appraisal;

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
import java.util.List;
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
 * {@code appraisal} over every path: expert opinion by the table, agreed and random choice (recorded draw, qualified
 * and unconflicted only), declined commission, pause for material, re-appraisal only on the legal grounds,
 * supplementary appraisal, the appraiser's absence, the deadline escalation.
 */
@PlatformTest
class AppraisalProcessTest {

  static final String CONFLICTED_PARTY = "湖州长兴宏达化工有限公司";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Appraisals appraisals;
  @Autowired InstitutionRoster roster;
  @Autowired WorkingDayCalendar calendar;
  @Autowired DocumentService documents;

  String caseNo;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    caseNo = TestCases.caseNo();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance request(String category, double amount, boolean simple) {
    return request(Appraisals.COURT, category, amount, simple);
  }

  private ProcessInstance request(String requestedBy, String category, double amount, boolean simple) {
    String no = appraisals.request(new AppraisalRequest(caseNo, requestedBy, category,
        "长兴县某河段水体污染损害数额及修复费用", "湖州市人民检察院、" + CONFLICTED_PARTY, amount, simple, true, false));
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
  }

  private Object var(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  private void accept(ProcessInstance pi) {
    assertThat(task(pi)).hasCandidateGroup("appraiser");
    tasks.complete(task(pi).getId(), of("commissionAccepted", "true", "fee", 80000));
  }

  private void report(ProcessInstance pi) {
    tasks.complete(task(pi).getId(), of("materialRequested", "false", "appraisalOpinion", "损害数额为85万元。"));
  }

  @Test
  void simpleSmallCaseGetsAnExpertOpinion() {
    ProcessInstance pi = request("SURFACE_WATER", 200000, true);
    assertThat(pi.getBusinessKey()).matches("（\\d{4}）鉴委\\d+号");
    assertThat(pi).hasPassed("Task_DecideRoute").isWaitingAt("Task_ObtainExpertOpinion");
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    tasks.complete(task(pi).getId(), of("experts", "张教授、李研究员", "expertOpinion", "修复费用约18万元。"));
    assertThat(pi).hasPassed("End_ExpertOpinion").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("EXPERT_OPINION");
  }

  @Test
  void agreedInstitutionMustBeQualifiedValidAndUnconflicted() {
    ProcessInstance pi = request("POLLUTANT", 900000, false);
    assertThat(pi).isWaitingAt("Task_ChooseInstitution");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED")))
        .hasMessageContaining("APR-010");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED",
        "agreedInstitution", "不存在的鉴定所"))).hasMessageContaining("APR-011");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED",
        "agreedInstitution", "嘉兴环境检测鉴定所"))).hasMessageContaining("APR-012").hasMessageContaining("过期");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED",
        "agreedInstitution", "宁波海洋环境司法鉴定所"))).hasMessageContaining("APR-012");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED",
        "agreedInstitution", "湖州市环境损害司法鉴定中心"))).hasMessageContaining("APR-013");
    tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED", "agreedInstitution", "浙江省环境科技司法鉴定所"));

    assertThat(runtime.getVariable(pi.getId(), "institutionName")).isEqualTo("浙江省环境科技司法鉴定所");
    assertThat(roster.selections(pi.getBusinessKey())).singleElement()
        .satisfies(s -> assertThat(s.method()).isEqualTo("AGREED"));
    assertThat(documents.list(caseNo)).extracting(GeneratedDocument::type).contains(DocumentType.APPRAISAL_COMMISSION);
  }

  @Test
  void cpl79And81AreCitedOnlyInACourtsCommissionNeverInAnAgencysOwn() throws Exception {
    for (String requestedBy : new String[] {Appraisals.COURT, Appraisals.BUREAU}) {
      // given a commission by the court, then one by the bureau itself
      caseNo = TestCases.caseNo();
      ProcessInstance pi = request(requestedBy, "POLLUTANT", 900000, false);
      tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED", "agreedInstitution", "浙江省环境科技司法鉴定所"));
      // when the 鉴定委托书 is generated
      GeneratedDocument commission = documents.list(caseNo).stream()
          .filter(d -> d.type() == DocumentType.APPRAISAL_COMMISSION).findFirst().orElseThrow();
      String text = cn.ecolaw.platform.documents.DocumentTestAccess.pdfText(documents.pdf(caseNo, commission.id()));
      // then only the court's cites the Civil Procedure Law on commissioning and on the appraiser's testimony
      if (requestedBy.equals(Appraisals.COURT)) {
        assertThat(text).contains("民事诉讼法》第七十九条", "第八十一条");
      } else {
        assertThat(text).doesNotContain("民事诉讼法", "第七十九条", "第八十一条").contains("现委托你单位进行鉴定");
      }
    }
  }

  @Test
  void courtDrawsAtRandomAmongTheEligibleAndRecordsTheDraw() {
    ProcessInstance pi = request("SURFACE_WATER", 900000, false);
    tasks.complete(task(pi).getId(), of("selectionMethod", "RANDOM", "complexCase", true));

    InstitutionRoster.Selection s = roster.selections(pi.getBusinessKey()).get(0);
    assertThat(s.method()).isEqualTo("RANDOM");
    assertThat(s.candidates()).containsExactly("1:浙江省环境科技司法鉴定所", "3:杭州生态环境损害鉴定评估研究院",
        "4:宁波海洋环境司法鉴定所");
    List<Institution> candidates = roster.eligible(AppraisalCategory.SURFACE_WATER,
        List.of("湖州市人民检察院", CONFLICTED_PARTY), Dates.today(), List.of());
    assertThat(InstitutionSelector.draw(s.seed(), candidates).id()).isEqualTo(s.winnerId());
    assertThat(runtime.getVariable(pi.getId(), "institutionId")).isEqualTo(s.winnerId());
    // complex: 30 + 30 working days
    assertThat(runtime.getVariable(pi.getId(), "appraisalDue"))
        .isEqualTo(calendar.addWorkingDays(Dates.today(), 60).toString());
  }

  @Test
  void pauseForMaterialShiftsTheDueDateByThePausedWorkingDays() {
    ProcessInstance pi = request("POLLUTANT", 900000, false);
    tasks.complete(task(pi).getId(), of("selectionMethod", "RANDOM"));
    accept(pi);
    assertThat(pi).isWaitingAt("Task_Appraise");
    LocalDate due = calendar.addWorkingDays(Dates.today(), 30);
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(due));
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("materialRequested", "true")))
        .hasMessageContaining("APR-030");
    tasks.complete(task(pi).getId(), of("materialRequested", "true", "materialList", "监测原始记录"));
    assertThat(pi).isWaitingAt("Task_SupplyMaterial");

    LocalDate start = Dates.today();
    LocalDate back = start.plusDays(7);
    ClockUtil.setCurrentTime(Date.from(back.atTime(10, 0).atZone(Dates.ZONE).toInstant()));
    int paused = 0;
    for (LocalDate d = start.plusDays(1); !d.isAfter(back); d = d.plusDays(1)) {
      paused += calendar.isWorkingDay(d) ? 1 : 0;
    }
    tasks.complete(task(pi).getId(), of("materialProvided", "监测原始记录已补充"));
    assertThat(pi).isWaitingAt("Task_Appraise");
    LocalDate shifted = calendar.addWorkingDays(due, paused);
    assertThat(paused).isPositive();
    assertThat(runtime.getVariable(pi.getId(), "appraisalDue")).isEqualTo(shifted.toString());
    assertThat(runtime.getVariable(pi.getId(), "pausedWorkingDays")).isEqualTo(paused);
    assertThat(job("Timer_AppraisalDeadline", pi).getDuedate()).isEqualTo(endOf(shifted));

    report(pi);
    assertThat(pi).isWaitingAt("Task_CrossExamine");
    tasks.complete(task(pi).getId(), of("objectionRaised", "false", "furtherAppraisal", "NONE",
        "crossExaminationNote", "双方对鉴定意见无异议。"));
    assertThat(pi).hasPassed("Task_RecordCrossExamination", "End_OpinionAdmitted").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("OPINION_ADMITTED");
    assertThat(documents.list(caseNo)).extracting(GeneratedDocument::type)
        .contains(DocumentType.APPRAISAL_CROSS_EXAMINATION);
  }

  @Test
  void declinedCommissionGoesBackToTheChoiceWithoutThatInstitution() {
    ProcessInstance pi = request("POLLUTANT", 900000, false);
    tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED", "agreedInstitution", "浙江省环境科技司法鉴定所"));
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("commissionAccepted", "true")))
        .hasMessageContaining("APR-020");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("commissionAccepted", "false")))
        .hasMessageContaining("APR-021");
    tasks.complete(task(pi).getId(), of("commissionAccepted", "false", "declineReason", "鉴定人员不足"));
    assertThat(pi).isWaitingAt("Task_ChooseInstitution");
    // the only other POLLUTANT institutions are conflicted or expired: no random draw is possible
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "RANDOM")))
        .hasMessageContaining("APR-014");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED",
        "agreedInstitution", "浙江省环境科技司法鉴定所"))).hasMessageContaining("APR-013");
  }

  @Test
  void reappraisalOnlyOnTheLegalGroundsThenSupplementaryThenAbsentAppraiserExcludesTheOpinion() {
    ProcessInstance pi = request("SURFACE_WATER", 900000, false);
    tasks.complete(task(pi).getId(), of("selectionMethod", "AGREED", "agreedInstitution", "浙江省环境科技司法鉴定所"));
    accept(pi);
    report(pi);
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("objectionRaised", "true",
        "objectionSummary", "鉴定费用过高", "furtherAppraisal", "REAPPRAISAL", "reappraisalGround", "OTHER",
        "crossExaminationNote", "被告申请重新鉴定"))).hasMessageContaining("APR-041")
        .hasMessageContaining("第四十条");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("objectionRaised", "true",
        "furtherAppraisal", "NONE", "crossExaminationNote", "x"))).hasMessageContaining("APR-040");
    tasks.complete(task(pi).getId(), of("objectionRaised", "true", "objectionSummary", "采样程序违反技术规范",
        "furtherAppraisal", "REAPPRAISAL", "reappraisalGround", "ILLEGAL_PROCEDURE",
        "crossExaminationNote", "采样未通知当事人到场，程序严重违法，准许重新鉴定。"));
    assertThat(pi).isWaitingAt("Task_ChooseInstitution");
    tasks.complete(task(pi).getId(), of("selectionMethod", "RANDOM"));
    assertThat(runtime.getVariable(pi.getId(), "institutionId")).isNotEqualTo(1L);
    accept(pi);
    report(pi);
    tasks.complete(task(pi).getId(), of("objectionRaised", "true", "objectionSummary", "未评估底泥",
        "furtherAppraisal", "SUPPLEMENTARY", "crossExaminationNote", "补充鉴定底泥污染。"));
    assertThat(pi).isWaitingAt("Task_Appraise");
    report(pi);
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("objectionRaised", "false",
        "attendanceRequested", true, "appraiserAttended", false, "furtherAppraisal", "SUPPLEMENTARY",
        "crossExaminationNote", "x"))).hasMessageContaining("APR-042");
    tasks.complete(task(pi).getId(), of("objectionRaised", "false", "attendanceRequested", true,
        "appraiserAttended", false, "furtherAppraisal", "NONE", "crossExaminationNote", "鉴定人经通知未出庭。"));
    assertThat(pi).hasPassed("Task_CloseExcluded", "End_OpinionExcluded").isEnded();
    assertThat(var(pi, "caseOutcome")).isEqualTo("OPINION_EXCLUDED");
  }

  @Test
  void missedAppraisalDeadlineEscalates() {
    ProcessInstance pi = request("POLLUTANT", 900000, false);
    tasks.complete(task(pi).getId(), of("selectionMethod", "RANDOM"));
    accept(pi);
    execute(job("Timer_AppraisalDeadline", pi));
    assertThat(pi).isWaitingAt("Task_Appraise", "Task_SuperviseAppraisal");
    tasks.complete(task("Task_SuperviseAppraisal", pi).getId(), of("supervisionNote", "督促鉴定机构"));
    assertThat(pi).hasPassed("End_AppraisalSupervised").isWaitingAt("Task_Appraise");
  }

  @Test
  void badRequestIsRefusedAndStartsNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(Appraisals.PROCESS_KEY).count();
    assertThatThrownBy(() -> appraisals.request(new AppraisalRequest(caseNo, "COURT", "NOISE", "x", "甲", 1d,
        false, true, false))).isInstanceOf(PlatformException.class).extracting("code").isEqualTo("APR-003");
    assertThatThrownBy(() -> appraisals.request(new AppraisalRequest(caseNo, "POLICE", "AIR", "x", "甲", 1d,
        false, true, false))).extracting("code").isEqualTo("APR-002");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Appraisals.PROCESS_KEY).count())
        .isEqualTo(before);
  }
}
