package cn.ecolaw.platform.review;

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
import cn.ecolaw.platform.workflow.Refusals;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * {@code case-review} over every path: scores within the threshold (no arbitration, no problems), arbitration on a
 * score gap and on a veto disagreement, rectification returned once then accepted, the missed rectification deadline
 * escalating to the bureau head; and the refusals of the scoring form.
 */
@PlatformTest
class CaseReviewProcessTest {

  @Autowired SealedScores sealed;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ReviewSampling sampling;
  @Autowired CaseFileRepository cases;
  @Autowired DocumentService documents;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  ProcessInstance pi;
  String caseNo;

  @BeforeEach
  void draw() {
    BpmnAwareTests.init(engine);
    caseNo = ReviewFixture.closedCase(cases);
    Sample sample = sampling.draw(new SampleRequest(null, null, null, List.of(caseNo)), "reviewer1");
    pi = runtime.createProcessInstanceQuery().processInstanceId(sample.drawn().get(0).processInstanceId())
        .singleResult();
  }

  private void score(String taskKey, String prefix, String veto, String vetoItems, String deductions) {
    Map<String, Object> v = of(prefix + "VetoFailed", veto, prefix + "Opinion", "评查意见");
    if (vetoItems != null) {
      v.put(prefix + "VetoItems", vetoItems);
    }
    if (deductions != null) {
      v.put(prefix + "Deductions", deductions);
    }
    tasks.complete(task(taskKey, pi).getId(), v);
  }

  private Object variable(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private List<GeneratedDocument> docs(DocumentType type) {
    return documents.list(caseNo).stream().filter(d -> d.type() == type).toList();
  }

  private String pdfText(GeneratedDocument d) throws Exception {
    try (var pdf = Loader.loadPDF(documents.pdf(caseNo, d.id()))) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\R", "");
    }
  }

  private Date endOf(java.time.LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant());
  }

  @Test
  void sampledFileWaitsForTheCityReviewerWithTheSheetAndTheCaseFile() {
    assertThat(pi.getBusinessKey()).startsWith("评查").endsWith(caseNo);
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(caseNo);
    assertThat(pi).isWaitingAt("Task_CityScoring");
    assertThat(task(pi)).hasCandidateGroup("reviewer-city");
    assertThat((String) runtime.getVariable(pi.getId(), "sheetText")).contains("VETO-02", "INV-03", "调查取证（20分）");
    assertThat((String) runtime.getVariable(pi.getId(), "caseFileLinks"))
        .contains("/ui/workspace/case.html?caseNo=%E6%B9%96%E7%8E%AF%E7%BD%9A", "#documents)", "#trail)")
        .doesNotContain("/api/");
  }

  @Test
  void closeScoresNoProblems() throws Exception {
    score("Task_CityScoring", "city", "false", null, null);
    assertThat(task(pi)).hasCandidateGroup("reviewer-province");
    score("Task_ProvinceScoring", "province", "false", null, "");

    assertThat(pi).hasPassed("Task_CompareScores", "Task_Grade", "Task_CloseNoProblems", "End_NoProblems")
        .hasNotPassed("Task_Arbitrate").isEnded();
    assertThat(variable("grade")).isEqualTo("优秀");
    assertThat(variable("cityScore")).isEqualTo(100d);
    assertThat(variable("caseOutcome")).isEqualTo("NO_PROBLEMS");
    assertThat(docs(DocumentType.REVIEW_SHEET)).hasSize(1);
    assertThat(docs(DocumentType.RECTIFICATION_NOTICE)).isEmpty();
  }

  @Test
  void scoreGapGoesToArbitrationAndRectificationIsReturnedOnce() throws Exception {
    score("Task_CityScoring", "city", "false", null, "INV-03 2 询问笔录未载明执法证件号\nARC-02 1 结案后未按期归档");
    score("Task_ProvinceScoring", "province", "false", null,
        "INV-04 6 证据链不完整\nDIS-02 7 偏离裁量基准未说明理由\nNOT-01 3 告知书未载明复核程序");
    assertThat(variable("cityScore")).isEqualTo(97d);
    assertThat(variable("provinceScore")).isEqualTo(84d);
    assertThat(pi).isWaitingAt("Task_Arbitrate");
    assertThat(task(pi)).hasCandidateGroup("review-arbiter");
    assertThat(runtime.getVariable(pi.getId(), "arbitrationReason")).isEqualTo("两级评分相差超过10分");

    score("Task_Arbitrate", "arbiter", "false", null, "INV-04 4 证据链不完整\nDIS-02 7 偏离裁量基准未说明理由");
    assertThat(variable("arbiterScore")).isEqualTo(89d);
    assertThat(runtime.getVariable(pi.getId(), "grade")).isEqualTo("良好");
    assertThat(runtime.getVariable(pi.getId(), "problemCount")).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_Rectify");
    assertThat(task(pi)).hasCandidateGroup("eco-officer");
    assertThat(task(pi).getDueDate()).isEqualTo(endOf(calendar.addCalendarDays(Dates.today(), 30)));

    String sheet = pdfText(docs(DocumentType.REVIEW_SHEET).get(0));
    assertThat(sheet).contains("案卷评查表", "询问笔录未载明执法证件号", "偏离裁量基准未说明理由", "89", "良好", "两级评分相差超过10分");
    assertThat(pdfText(docs(DocumentType.RECTIFICATION_NOTICE).get(0)))
        .contains("整改通知书", "证据链不完整", Dates.chinese(calendar.addCalendarDays(Dates.today(), 30)));

    tasks.complete(task(pi).getId(), of("rectificationReport", "已补充证据材料"));
    assertThat(task(pi)).hasCandidateGroup("reviewer-city");
    tasks.complete(task(pi).getId(), of("rectified", "false", "verifyOpinion", "说明理由未补充"));
    assertThat(pi).isWaitingAt("Task_Rectify");
    assertThat(runtime.getVariable(pi.getId(), "rectificationRound")).isEqualTo(2);
    tasks.complete(task(pi).getId(), of("rectificationReport", "已补充偏离理由说明"));
    tasks.complete(task(pi).getId(), of("rectified", "true", "verifyOpinion", "整改到位"));

    assertThat(pi).hasPassed("Task_CloseRectified", "End_Rectified").isEnded();
    assertThat(variable("caseOutcome")).isEqualTo("RECTIFIED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_problem WHERE process_instance_id = ? AND rectified",
        Integer.class, pi.getId())).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT tier FROM review_score WHERE process_instance_id = ? ORDER BY tier",
        String.class, pi.getId())).containsExactly("ARBITER", "CITY", "PROVINCE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_deduction d JOIN review_score s ON s.id = d.score_id"
        + " WHERE s.process_instance_id = ?", Integer.class, pi.getId())).isEqualTo(7);
  }

  @Test
  void vetoDisagreementGoesToArbitrationAndTheVetoFailsTheFile() {
    score("Task_CityScoring", "city", "true", "VETO-04", null);
    score("Task_ProvinceScoring", "province", "false", null, "NOT-03 2 听证笔录未经当事人核对");
    assertThat(pi).isWaitingAt("Task_Arbitrate");
    assertThat(runtime.getVariable(pi.getId(), "arbitrationReason")).asString().contains("一票否决");

    score("Task_Arbitrate", "arbiter", "true", "veto-04", "NOT-03 2 听证笔录未经当事人核对");
    assertThat(runtime.getVariable(pi.getId(), "grade")).isEqualTo("不合格");
    assertThat(runtime.getVariable(pi.getId(), "problemCount")).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT grade FROM review_case WHERE process_instance_id = ?", String.class,
        pi.getId())).isEqualTo("不合格");
  }

  @Test
  void missedRectificationDeadlineEscalatesToTheBureauHead() {
    score("Task_CityScoring", "city", "false", null, "SER-02 1 送达回证缺送达地点");
    score("Task_ProvinceScoring", "province", "false", null, "SER-02 2 送达回证缺送达地点、见证人");
    assertThat(pi).isWaitingAt("Task_Rectify");

    execute(job("Timer_RectificationDeadline", pi));
    assertThat(pi).isWaitingAt("Task_Rectify", "Task_SuperviseRectification");
    assertThat(task("Task_SuperviseRectification", pi)).hasCandidateGroup("eco-head");
    tasks.complete(task("Task_SuperviseRectification", pi).getId(), of("supervisionNote", "限三日内整改完毕"));

    assertThat(pi).hasPassed("End_RectificationSupervised").isWaitingAt("Task_Rectify");
  }

  @Test
  void scoringFormRefusals() {
    String id = task(pi).getId();
    refused(id, of("cityVetoFailed", "false", "cityOpinion", "意见", "cityDeductions", "INV-03 2"), "REV-003");
    refused(id, of("cityVetoFailed", "false", "cityOpinion", "意见", "cityDeductions", "INV-03 6 笔录不全"), "REV-005");
    refused(id, of("cityVetoFailed", "false", "cityOpinion", "意见",
        "cityDeductions", "DIS-01 8 未适用基准\nDIS-02 7 未说明\nDIS-01 1 重复"), "REV-005");
    refused(id, of("cityVetoFailed", "false", "cityOpinion", "意见", "cityDeductions", "XYZ-01 1 不存在"), "REV-002");
    refused(id, of("cityVetoFailed", "false", "cityOpinion", "意见", "cityDeductions", "VETO-01 1 主体"), "REV-002");
    refused(id, of("cityVetoFailed", "true", "cityOpinion", "意见"), "REV-001");
    refused(id, of("cityVetoFailed", "false", "cityVetoItems", "VETO-02", "cityOpinion", "意见"), "REV-001");
    refused(id, of("cityVetoFailed", "false", "cityOpinion", "意见", "cityDeductions", "询问笔录不规范"), "REV-004");
    assertThat(pi).isWaitingAt("Task_CityScoring");
    assertThat(runtime.getVariable(pi.getId(), "cityScore")).isNull();

    tasks.complete(id, of("cityVetoFailed", "false", "cityOpinion", "意见", "cityDeductions",
        "INV-03 2.5 询问笔录未载明执法证件号\n\nFIL-01 扣1分：来源登记不全"));
    // sealed until the province has scored too (SealedScores), then revealed as cityScore
    assertThat(runtime.getVariable(pi.getId(), "cityScore")).isNull();
    assertThat(sealed.find(pi.getId(), ReviewTier.CITY).orElseThrow().total()).isEqualByComparingTo("96.5");
  }

  @Test
  void stageTotalIsCheckedOnItsOwn() {
    ScoringSheet sheet = new ScoringSheet(99, null, "t", null, List.of(
        new SheetItem("INV-01", ReviewStage.INVESTIGATION, "a", new BigDecimal("4"), false, 1),
        new SheetItem("INV-02", ReviewStage.INVESTIGATION, "b", new BigDecimal("5"), false, 2)));
    TierScore ok = ScoreCardParser.parse(ReviewTier.CITY, sheet, false, "", "INV-01 4 甲\nINV-02 5 乙");
    assertThat(ok.total()).isEqualByComparingTo("91");
    assertThatThrownBy(() -> ScoreCardParser.parse(ReviewTier.CITY, sheet, false, "", "INV-01 4 甲\nINV-01 0.5 乙"))
        .hasMessageContaining("超过该项分值");
  }

  private void refused(String taskId, Map<String, Object> vars, String code) {
    assertThatThrownBy(() -> tasks.complete(taskId, vars))
        .satisfies(e -> assertThat(Refusals.find(e)).isPresent()).hasMessageContaining(code);
  }
}
