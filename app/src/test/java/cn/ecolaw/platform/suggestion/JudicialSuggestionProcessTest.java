package cn.ecolaw.platform.suggestion;

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
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.identity.CaseAccessRepository;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code judicial-suggestion} over every path: issued (司法建议书) to the addressed unit, which replies within two
 * months (法释〔2023〕11号 Art. 8) with 回复函; reminded half a month before the end; flagged overdue and followed up by
 * the judge when the two months pass, the late reply still taken.
 */
@PlatformTest
class JudicialSuggestionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired JudicialSuggestions suggestions;
  @Autowired CaseLauncher launcher;
  @Autowired DocumentService documents;
  @Autowired CaseAccessRepository grants;
  @Autowired cn.ecolaw.platform.calendar.WorkingDayCalendar calendar;

  String caseNo;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    Logins.ensureDemoUsers(identity);
    caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Map<String, Object> draft(String unit) {
    return new HashMap<>(of("caseNo", caseNo, "addresseeUnit", unit, "suggestionSubject", "排污单位在线监测监管",
        "problemsFound", "部分企业在线监测设备长期故障未及时发现，超标排放持续多日。",
        "suggestionContent", "建立在线监测设备运行状况定期核查制度，对长期故障的及时督促整改。"));
  }

  private Object variable(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private long documentsOf(DocumentType type) {
    return documents.list(caseNo).stream().map(GeneratedDocument::type).filter(type::equals).count();
  }

  private static Map<String, Object> reply() {
    return of("replyAdoption", "ADOPTED", "replyContent", "我局已全面采纳贵院建议。",
        "measuresTaken", "开展在线监测设备专项核查，建立月度通报制度。");
  }

  @Test
  void theSuggestionIsIssuedToTheAddresseeWhoRepliesWithinTwoMonths() {
    ProcessInstance pi = suggestions.draft(draft("unit-bureau"));

    assertThat(pi.getBusinessKey()).matches("（\\d{4}）浙0502司建\\d+号");
    assertThat(pi).hasPassed("Task_IssueSuggestion").isWaitingAt("Task_ReplySuggestion");
    assertThat(tasks.getIdentityLinksForTask(task(pi).getId()).stream().map(IdentityLink::getGroupId))
        .containsExactlyInAnyOrder("eco-officer", "eco-legal", "eco-head");
    // two months; a last day that is no working day moves to the next working day (法定期间届满日遇节假日顺延)
    java.time.LocalDate dueDay = calendar.addMonths(Dates.today(), 2);
    Date due = Date.from(dueDay.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
    assertThat(task(pi).getDueDate()).isEqualTo(due);
    assertThat(job("Timer_ReplyOverdue", pi).getDuedate()).isEqualTo(due);
    assertThat(job("Timer_ReplyReminder", pi).getDuedate()).isEqualTo(
        Date.from(dueDay.minusDays(15).atTime(23, 59, 59).atZone(Dates.ZONE).toInstant()));
    assertThat(variable(pi, "addresseeName")).isEqualTo("湖州市生态环境局");
    assertThat(documentsOf(DocumentType.JUDICIAL_SUGGESTION)).isEqualTo(1);
    assertThat(grants.unitsOf(caseNo)).contains("unit-bureau", "unit-court");

    tasks.complete(task(pi).getId(), reply());

    assertThat(pi).hasPassed("Task_IssueReply", "End_Replied").hasNotPassed("Task_RemindAddressee").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("REPLIED");
    assertThat(variable(pi, "replyLate")).isEqualTo(false);
    assertThat(documentsOf(DocumentType.SUGGESTION_REPLY)).isEqualTo(1);
  }

  @Test
  void halfAMonthBeforeTheEndTheAddresseeIsReminded() {
    ProcessInstance pi = suggestions.draft(draft("unit-bureau"));
    execute(job("Timer_ReplyReminder", pi));
    assertThat(pi).hasPassed("Task_RemindAddressee", "End_Reminded").isWaitingAt("Task_ReplySuggestion");
    assertThat(variable(pi, "replyReminded")).isEqualTo(true);
    tasks.complete(task(pi).getId(), of("replyAdoption", "NOT_ADOPTED", "replyContent", "该事项不属于我局职责。"));
    assertThat(pi).hasPassed("End_Replied").isEnded();
  }

  @Test
  void afterTwoMonthsTheSuggestionIsOverdueTheJudgeFollowsUpAndALateReplyIsStillTaken() {
    ProcessInstance pi = suggestions.draft(draft("unit-bureau"));
    execute(job("Timer_ReplyReminder", pi));
    execute(job("Timer_ReplyOverdue", pi));
    assertThat(pi).hasPassed("Task_MarkOverdue").isWaitingAt("Task_ReplySuggestion", "Task_FollowUpOverdue");
    assertThat(variable(pi, "replyOverdue")).isEqualTo(true);
    assertThat(task("Task_FollowUpOverdue", pi)).hasCandidateGroup("court-judge");
    tasks.complete(task("Task_FollowUpOverdue", pi).getId(), of("followUpAction", "URGE",
        "followUpNote", "已电话督促被建议单位尽快回复。"));
    assertThat(pi).hasPassed("End_FollowedUp").isWaitingAt("Task_ReplySuggestion");

    ClockUtil.setCurrentTime(Date.from(calendar.addMonths(Dates.today(), 2).plusDays(3).atStartOfDay(Dates.ZONE).toInstant()));
    tasks.complete(task("Task_ReplySuggestion", pi).getId(), reply());
    assertThat(pi).hasPassed("End_Replied").isEnded();
    assertThat(variable(pi, "caseOutcome")).isEqualTo("REPLIED_LATE");
    assertThat(variable(pi, "replyLate")).isEqualTo(true);
  }

  @Test
  void anAdoptedSuggestionNamesTheMeasuresTaken() {
    ProcessInstance pi = suggestions.draft(draft("unit-bureau"));
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), of("replyAdoption", "PARTLY_ADOPTED",
        "replyContent", "部分采纳。"))).hasMessageContaining("SUG-101");
    assertThat(pi).isWaitingAt("Task_ReplySuggestion");
  }

  @Test
  void onlyAMemberUnitOtherThanTheCourtIsAnAddresseeAndNothingIsStartedOtherwise() {
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(JudicialSuggestions.PROCESS_KEY)
        .count();
    assertThatThrownBy(() -> suggestions.draft(draft("unit-nowhere"))).hasMessageContaining("SUG-002");
    assertThatThrownBy(() -> suggestions.draft(draft("unit-court"))).hasMessageContaining("SUG-002");
    Map<String, Object> blank = draft("unit-bureau");
    blank.put("suggestionContent", " ");
    assertThatThrownBy(() -> suggestions.draft(blank)).hasMessageContaining("SUG-001");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(JudicialSuggestions.PROCESS_KEY)
        .count()).isEqualTo(before);
  }

  @Test
  void anyOtherMemberUnitMayBeAddressedAndRepliesThroughItsOwnGroups() {
    ProcessInstance pi = suggestions.draft(draft("unit-appraisal"));
    assertThat(task(pi)).hasCandidateGroup("appraiser");
    assertThat(variable(pi, "addresseeName")).isEqualTo("浙江环科环境损害司法鉴定所");
    assertThat(grants.unitsOf(caseNo)).contains("unit-appraisal");
  }
}
