package cn.ecolaw.platform.dispatch;

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
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code inspection-dispatch} over every path: an alarm, a complaint or a draw raises the task; two officers are
 * assigned (drawn, nearest first, else by area); the inspection with a finding opens an enforcement case with its
 * facts; without one it closes; the due time passing flags it overdue while it stays open.
 */
@PlatformTest
class InspectionDispatchProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Inspections inspections;
  @Autowired InspectionPhotos photos;
  @Autowired DispatchRoster roster;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    DispatchFixture.officers(roster);
  }

  private ProcessInstance instance(Inspections.Dispatched d) {
    return runtime.createProcessInstanceQuery().processInstanceId(d.processInstanceId()).singleResult();
  }

  private Object variable(String pid, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(name).singleResult()
        .getValue();
  }

  private List<DocumentType> documentsOf(String no) {
    return documents.list(no).stream().map(GeneratedDocument::type).toList();
  }

  @Test
  void anAlarmGoesToTheNearestTwoOfficersWithinTwentyFourHours() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    Inspections.Dispatched d = inspections.alarm(DispatchFixture.alarm(source.sourceId()));

    assertThat(d.inspectionNo()).matches("湖环检〔\\d{4}〕\\d+号");
    assertThat(d.leadInspector()).isEqualTo("officer1");
    assertThat(d.secondInspector()).isEqualTo("officer3");
    ProcessInstance pi = instance(d);
    assertThat(pi).hasBusinessKey(d.inspectionNo()).isWaitingAt("Task_Inspect");
    assertThat(task(pi)).isAssignedTo("officer1");
    assertThat(tasks.getIdentityLinksForTask(task(pi).getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId())).containsExactly("eco-officer");
    assertThat(task(pi).getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofHours(24))), 120_000L);
    assertThat(variable(d.processInstanceId(), "exceedRatio")).isEqualTo(0.3);
    assertThat(variable(d.processInstanceId(), "triggerDetail").toString()).contains("化学需氧量浓度130毫克/升")
        .contains("超标30%");
    assertThat(jdbc.queryForObject("SELECT lead_officer FROM inspection_task WHERE inspection_no = ?", String.class,
        d.inspectionNo())).isEqualTo("officer1");
  }

  @Test
  void withoutALocationTheSourcesAreaDecides() {
    PollutionSource source = DispatchFixture.unlocated(roster, "南浔区");
    Inspections.Dispatched d = inspections.complaint(Map.of("sourceId", source.sourceId(),
        "complaintContent", "夜间偷排黑水，气味刺鼻。"));
    assertThat(d.leadInspector()).isEqualTo("officer2");
    assertThat(d.secondInspector()).isEqualTo("officer1");
    assertThat(variable(d.processInstanceId(), "triggerLabel")).isEqualTo("群众举报");
  }

  @Test
  void aFindingOpensAnEnforcementCaseWithTheInspectionsFacts() throws Exception {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    Inspections.Dispatched d = inspections.alarm(DispatchFixture.alarm(source.sourceId()));
    ProcessInstance pi = instance(d);
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    photos.add(d.inspectionNo(), "image/jpeg", "排放口.jpg", new ByteArrayInputStream(jpeg));

    tasks.complete(task(pi).getId(), DispatchFixture.record(true));

    assertThat(pi).hasPassed("Task_OpenCase", "Task_IssueRecord", "End_InspectionDone").isEnded();
    String caseNo = (String) variable(pi.getId(), "enforcementCaseNo");
    assertThat(caseNo).matches("湖环罚〔\\d{4}〕\\d+号");
    assertThat(variable(pi.getId(), "caseOutcome")).isEqualTo("CASE_OPENED");
    assertThat(variable(pi.getId(), "photoCount")).isEqualTo(1);
    ProcessInstance kase = runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(caseNo).singleResult();
    assertThat(kase).isWaitingAt("Task_ProposeFiling");
    Map<String, Object> v = runtime.getVariables(kase.getId());
    assertThat(v.get("clueSource")).isEqualTo("INSPECTION");
    assertThat(v.get("partyName")).isEqualTo(source.name());
    assertThat(v.get("partyId")).isEqualTo(source.creditCode());
    assertThat(v.get("violationType")).isEqualTo("WATER_EXCEED");
    assertThat(v.get("exceedRatio")).isEqualTo(0.3);
    assertThat(v.get("facts").toString()).contains(d.inspectionNo()).contains("张伟、陈静").contains("化学需氧量浓度130毫克/升");
    assertThat(documentsOf(caseNo)).contains(DocumentType.INSPECTION_RECORD);
    assertThat(jdbc.queryForObject("SELECT case_no FROM inspection_task WHERE inspection_no = ?", String.class,
        d.inspectionNo())).isEqualTo(caseNo);
  }

  @Test
  void noFindingClosesTheTaskWithItsRecord() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    Inspections.Dispatched d = inspections.complaint(Map.of("sourceId", source.sourceId(),
        "complaintContent", "排污口有异味。", "complainant", "王女士"));
    ProcessInstance pi = instance(d);
    tasks.complete(task(pi).getId(), DispatchFixture.record(false));
    assertThat(pi).hasPassed("Task_IssueRecord", "End_InspectionDone").hasNotPassed("Task_OpenCase").isEnded();
    assertThat(variable(pi.getId(), "caseOutcome")).isEqualTo("NO_FINDING");
    assertThat(documentsOf(d.inspectionNo())).containsExactly(DocumentType.INSPECTION_RECORD);
    assertThat(jdbc.queryForObject("SELECT outcome FROM inspection_task WHERE inspection_no = ?", String.class,
        d.inspectionNo())).isEqualTo("NO_FINDING");
  }

  @Test
  void thePassingDueTimeFlagsTheInspectionOverdueWhileItStaysOpen() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    ProcessInstance pi = instance(inspections.alarm(DispatchFixture.alarm(source.sourceId())));
    execute(job("Timer_InspectionDue", pi));
    assertThat(pi).hasPassed("Task_FlagOverdue", "End_OverdueFlagged").isWaitingAt("Task_Inspect");
    assertThat(variable(pi.getId(), "inspectionOverdue")).isEqualTo(true);
    tasks.complete(task(pi).getId(), DispatchFixture.record(false));
    assertThat(pi).isEnded();
  }

  @Test
  void aFindingNamesTheViolationAndTheInspectionDateIsNotInTheFuture() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    ProcessInstance pi = instance(inspections.alarm(DispatchFixture.alarm(source.sourceId())));
    Map<String, Object> noType = DispatchFixture.record(true);
    noType.remove("findingViolationType");
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), noType)).hasMessageContaining("INS-102");
    Map<String, Object> future = DispatchFixture.record(false);
    future.put("inspectionDate", Dates.today().plusDays(1).toString());
    assertThatThrownBy(() -> tasks.complete(task(pi).getId(), future)).hasMessageContaining("INS-101");
    assertThat(pi).isWaitingAt("Task_Inspect");
  }

  @Test
  void aSeededDrawIsRecordedAndReproducible() {
    String area = "抽查片区" + System.nanoTime();
    for (int i = 0; i < 5; i++) {
      DispatchFixture.nearWuxing(roster, area);
    }
    Inspections.Draw first = inspections.draw(Map.of("count", 3, "seed", 20261129L, "area", area), "head1");
    Inspections.Draw again = inspections.draw(Map.of("count", 3, "seed", 20261129L, "area", area), "head1");

    assertThat(first.seed()).isEqualTo(20261129L);
    assertThat(first.inspections()).hasSize(3);
    assertThat(again.inspections().stream().map(Inspections.Dispatched::sourceId))
        .containsExactlyElementsOf(first.inspections().stream().map(Inspections.Dispatched::sourceId).toList());
    assertThat(again.inspections().stream().map(x -> x.leadInspector() + "," + x.secondInspector()))
        .containsExactlyElementsOf(first.inspections().stream().map(x -> x.leadInspector() + "," + x.secondInspector()).toList());
    first.inspections().forEach(x -> assertThat(x.leadInspector()).isNotEqualTo(x.secondInspector()));
    Map<String, Object> record = inspections.drawRecord(first.drawId());
    assertThat(((Number) record.get("SEED")).longValue()).isEqualTo(20261129L);
    assertThat(record.get("SOURCE_IDS").toString().split(",")).hasSize(3);
    ProcessInstance pi = instance(first.inspections().get(0));
    assertThat(task(pi)).isAssignedTo(first.inspections().get(0).leadInspector());
    assertThat(variable(pi.getId(), "triggerKind")).isEqualTo("DRAW");
  }

  @Test
  void badAlarmsAndDrawsAreRefusedAndStartNothing() {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(Inspections.PROCESS_KEY).count();
    Map<String, Object> under = DispatchFixture.alarm(source.sourceId());
    under.put("measuredValue", 90);
    assertThatThrownBy(() -> inspections.alarm(under)).hasMessageContaining("未超过排放限值");
    Map<String, Object> unknown = DispatchFixture.alarm("PS-不存在");
    assertThatThrownBy(() -> inspections.alarm(unknown)).hasMessageContaining("污染源名录中没有");
    Map<String, Object> future = DispatchFixture.alarm(source.sourceId());
    future.put("measuredAt", java.time.LocalDateTime.now(Dates.ZONE).plusDays(1).toString());
    assertThatThrownBy(() -> inspections.alarm(future)).hasMessageContaining("不得晚于当前时间");
    assertThatThrownBy(() -> inspections.draw(Map.of("count", 0), "head1")).hasMessageContaining("抽取数量");
    assertThatThrownBy(() -> inspections.draw(Map.of("count", 1, "area", "没有污染源的片区"), "head1"))
        .hasMessageContaining("没有可抽取的污染源");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Inspections.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void photosAreJpegOrPngOfAtMostFiveMegabytes() throws Exception {
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    Inspections.Dispatched d = inspections.alarm(DispatchFixture.alarm(source.sourceId()));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    assertThat(photos.add(d.inspectionNo(), "image/png", "a.png", new ByteArrayInputStream(png)))
        .containsEntry("photoCount", 1);
    assertThatThrownBy(() -> photos.add(d.inspectionNo(), "application/pdf", "a.pdf", new ByteArrayInputStream(png)))
        .hasMessageContaining("JPEG 或 PNG");
    assertThatThrownBy(() -> photos.add(d.inspectionNo(), "image/jpeg", "a.jpg", new ByteArrayInputStream(png)))
        .hasMessageContaining("不是声明的JPEG");
    byte[] big = new byte[InspectionPhotos.MAX_BYTES + 1];
    big[0] = (byte) 0x89;
    big[1] = 'P';
    big[2] = 'N';
    big[3] = 'G';
    assertThatThrownBy(() -> photos.add(d.inspectionNo(), "image/png", "b.png", new ByteArrayInputStream(big)))
        .hasMessageContaining("5 MB");
  }
}
