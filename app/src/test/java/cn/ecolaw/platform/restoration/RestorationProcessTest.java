package cn.ecolaw.platform.restoration;

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
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code restoration} over every path: order (修复令), the bureau helps set the plan, the judge approves or returns it,
 * execution with a supervision task per timer cycle, acceptance with experts, closed or restored by a third party
 * at the respondent's cost (failed acceptance or missed deadline).
 */
@PlatformTest
class RestorationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Restorations restorations;
  @Autowired DocumentService documents;

  String caseNo;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    caseNo = TestCases.caseNo();
  }

  Map<String, Object> order(String cycle) {
    Map<String, Object> v = new HashMap<>(of("caseNo", caseNo, "respondent", "湖州测试化工有限公司",
        "site", "东苕溪吴兴段河岸带", "damageDescription", "含铬废水造成约2000平方米河岸土壤污染",
        "restorationRequirements", "清挖污染土壤并异位修复，恢复河岸植被",
        "restorationDeadline", Dates.today().plusMonths(6).toString(), "fallbackCost", "860000"));
    if (cycle != null) {
      v.put("supervisionCycle", cycle);
    }
    return v;
  }

  private void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    tasks.complete(task(key, pi).getId(), vars);
  }

  private Object variable(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private long documentsOf(DocumentType type) {
    return documents.list(caseNo).stream().map(GeneratedDocument::type).filter(type::equals).count();
  }

  private void plan(ProcessInstance pi) {
    complete(pi, "Task_DraftPlan", of("planSummary", "异位修复污染土壤", "planMeasures", "第一月清挖；第二至五月修复；第六月复绿",
        "planCost", 780000, "planDrafter", "湖州市生态环境局、省环科院"));
  }

  private void approvePlan(ProcessInstance pi, boolean approved) {
    complete(pi, "Task_ApprovePlan", of("planApproved", String.valueOf(approved), "planOpinion", approved ? "同意" : "补充监测方案"));
  }

  private ProcessInstance underSupervision(String cycle) {
    ProcessInstance pi = restorations.order(order(cycle));
    plan(pi);
    approvePlan(pi, true);
    return pi;
  }

  @Test
  void orderCarriesTheCaseAndDocketAndTheBureauHelpsWithThePlan() {
    ProcessInstance pi = restorations.order(order(null));

    assertThat(pi.getBusinessKey()).matches("（\\d{4}）浙0502民初\\d+号");
    assertThat(variable(pi, "caseNo")).isEqualTo(caseNo);
    assertThat(variable(pi, "supervisionCycle")).isEqualTo("R/P30D");
    assertThat(documentsOf(DocumentType.RESTORATION_ORDER)).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_DraftPlan");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");

    plan(pi);
    assertThat(task(pi)).hasCandidateGroup("court-judge");
    approvePlan(pi, false);
    assertThat(pi).hasPassed("Task_RecordPlanApproval").isWaitingAt("Task_DraftPlan");
    plan(pi);
    approvePlan(pi, true);
    assertThat(documentsOf(DocumentType.RESTORATION_PLAN_APPROVAL)).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_SuperviseExecution");
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(Dates.today().plusMonths(6).atTime(23, 59, 59)
        .atZone(Dates.ZONE).toInstant()));
  }

  @Test
  void badOrdersAreRefused() {
    Map<String, Object> noCost = order(null);
    noCost.put("fallbackCost", "0");
    assertThatThrownBy(() -> restorations.order(noCost)).hasMessageContaining("RES-003");
    Map<String, Object> past = order(null);
    past.put("restorationDeadline", Dates.today().toString());
    assertThatThrownBy(() -> restorations.order(past)).hasMessageContaining("修复期限应晚于今天");
    assertThatThrownBy(() -> restorations.order(order("every month"))).hasMessageContaining("RES-004");
  }

  @Test
  void eachSupervisionCycleGivesTheBureauASupervisionTaskUntilCompletionIsReported() {
    ProcessInstance pi = underSupervision("R/P14D");
    assertThat(job("Timer_SupervisionCycle", pi).getDuedate())
        .isCloseTo(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))), 120_000L);

    execute(job("Timer_SupervisionCycle", pi));
    execute(job("Timer_SupervisionCycle", pi));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SupervisionReport").count())
        .isEqualTo(2);
    for (var t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SupervisionReport").list()) {
      tasks.complete(t.getId(), of("supervisionDate", Dates.today().toString(), "progress", "ON_TRACK",
          "supervisionFindings", "清挖完成过半"));
    }
    assertThat(pi).hasPassed("End_SupervisionReported");
    assertThat(variable(pi, "supervisionCount")).isEqualTo(2);

    complete(pi, "Task_SuperviseExecution", of("completionDate", Dates.today().toString(), "completionNote", "已按方案完成"));
    assertThat(job("Timer_SupervisionCycle", pi)).isNull();
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    assertThatThrownBy(() -> complete(pi, "Task_AcceptanceCheck", of("acceptancePassed", "true", "experts", "王专家",
        "acceptanceDate", Dates.today().toString(), "acceptanceOpinion", "合格"))).hasMessageContaining("RES-102");
    complete(pi, "Task_AcceptanceCheck", of("acceptancePassed", "true", "experts", "王专家、李专家",
        "acceptanceDate", Dates.today().toString(), "acceptanceOpinion", "土壤指标达标，植被恢复良好"));

    assertThat(pi).hasPassed("Task_IssueAcceptance", "Task_CloseRestored", "End_Restored").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("RESTORED");
    assertThat(documentsOf(DocumentType.RESTORATION_ACCEPTANCE)).isEqualTo(1);
  }

  @Test
  void failedAcceptanceMeansRestorationByAThirdPartyAtTheRespondentsCost() {
    ProcessInstance pi = underSupervision(null);
    complete(pi, "Task_SuperviseExecution", of("completionDate", Dates.today().toString(), "completionNote", "报告完成"));
    complete(pi, "Task_AcceptanceCheck", of("acceptancePassed", "false", "experts", "王专家、李专家",
        "acceptanceDate", Dates.today().toString(), "acceptanceOpinion", "土壤铬含量仍超标"));

    assertThat(task(pi)).hasCandidateGroup("court-judge");
    complete(pi, "Task_OrderThirdParty", of("thirdParty", "浙江某生态修复有限公司", "thirdPartyReason", "验收不合格"));
    assertThat(pi).hasPassed("Task_CloseThirdParty", "End_ThirdParty").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("THIRD_PARTY_RESTORATION");
    assertThat(variable(pi, "respondentCostDue")).isEqualTo(860000d);
  }

  @Test
  void missedDeadlineMeansRestorationByAThirdParty() {
    ProcessInstance pi = underSupervision(null);
    assertThatThrownBy(() -> complete(pi, "Task_SuperviseExecution", of("completionDate",
        Dates.today().plusDays(1).toString(), "completionNote", "报告完成"))).hasMessageContaining("RES-101");
    execute(job("Timer_RestorationDeadline", pi));
    assertThat(pi).hasPassed("Timer_RestorationDeadline").isWaitingAt("Task_OrderThirdParty");
    complete(pi, "Task_OrderThirdParty", of("thirdParty", "浙江某生态修复有限公司", "thirdPartyReason", "逾期未修复"));
    assertThat(variable(pi, "caseOutcome")).isEqualTo("THIRD_PARTY_RESTORATION");
  }
}
