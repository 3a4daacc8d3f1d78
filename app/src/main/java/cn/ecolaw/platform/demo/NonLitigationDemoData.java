package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.court.NonLitigationExecution;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.demo.DemoCases;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: besides the case awaiting acceptance (湖环罚〔2026〕104号, from DemoDataLoader), an unpaid fine the court
 * has accepted, reviewed in writing and granted, now with the court's enforcement officer (exec1, court-enforcement).
 * Runs after DemoDataLoader; skips when its case exists.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class NonLitigationDemoData {

  static final String CASE_NO = "湖环罚〔2026〕106号";

  private static final Logger LOG = LoggerFactory.getLogger(NonLitigationDemoData.class);

  private final CaseLauncher launcher;
  private final CaseFileRepository cases;
  private final ProcessDriver driver;
  private final RuntimeService runtime;

  public NonLitigationDemoData(CaseLauncher launcher, CaseFileRepository cases, ProcessDriver driver,
      RuntimeService runtime) {
    this.launcher = launcher;
    this.cases = cases;
    this.driver = driver;
    this.runtime = runtime;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(11)
  public void load() {
    if (cases.find(CASE_NO).isPresent()) {
      return;
    }
    LOG.info("创建非诉执行演示案件 {}……", CASE_NO);
    String pid = toCourt();
    String court = runtime.createProcessInstanceQuery().processDefinitionKey(NonLitigationExecution.PROCESS_KEY)
        .variableValueEquals("caseNo", CASE_NO).singleResult().getId();
    driver.complete(court, "Task_ReviewApplication", Map.of("courtAccepted", "true",
        "acceptanceNote", "申请材料齐全，符合《行政强制法》第五十五条的规定，予以受理。"));
    driver.complete(court, "Task_ChooseReviewMode", Map.of("reviewMode", "WRITTEN"));
    driver.complete(court, "Task_ReviewAndRule", Map.of("enforcementGranted", "true", "executedBy", "COURT",
        "rulingReason", "行政处罚决定认定事实清楚，证据确实充分，适用法律正确，程序合法，被执行人经催告仍未履行。"));
    LOG.info("非诉执行演示案件已创建：{}（行政处罚案件 {}）待执行员执行", court, pid);
  }

  private String toCourt() {
    launcher.start(CASE_NO, DemoCases.waterCase("湖州南浔永昌纺织有限公司", "91330503MA2C8N6P3"));
    String pid = driver.instanceOf(CASE_NO);
    driver.complete(pid, "Task_ProposeFiling", Map.of("filingReason", "在线监控报警，当事人涉嫌超标排放水污染物，依法应予立案调查。",
        "officerOpinion", "建议立案。"));
    driver.complete(pid, "Task_ApproveFiling", Map.of("filingApproved", "true", "headOpinion", "同意立案。"));
    driver.complete(pid, "Task_Investigate", Map.of("evidence", "现场检查（勘察）笔录\n调查询问笔录\n监测报告",
        "officers", "张执法、刘明", "crimeSuspected", "false", "measure", "NONE"));
    double fine = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    driver.complete(pid, "Task_ProposePenalty", Map.of("proposedFine", fine, "penaltyReason", "违法事实清楚，证据确凿。"));
    driver.complete(pid, "Task_ServePriorNotice", Map.of("noticeServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    driver.complete(pid, "Task_RecordStatement", Map.of("statementSubmitted", "false"));
    driver.complete(pid, "Task_ReviewStatement", Map.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "当事人未提出陈述申辩意见。"));
    if (runtime.createExecutionQuery().processInstanceId(pid).activityId("Task_LegalReview").count() > 0) {
      driver.complete(pid, "Task_LegalReview", Map.of("legalReviewPassed", "true",
          "legalReviewOpinion", "事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。"));
    }
    driver.complete(pid, "Task_ApproveDecision", Map.of("decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "同意。"));
    String today = Dates.today().toString();
    driver.complete(pid, "Task_ServeDecision", Map.of("serviceDate", today, "serviceMethod", "DIRECT",
        "recipient", "陆永昌"));
    driver.fireTimer(pid, "Timer_RemedyPeriodEnds");
    driver.complete(pid, "Task_ServeReminder", Map.of("reminderServedDate", today, "serviceMethod", "DIRECT",
        "recipient", "陆永昌"));
    driver.fireTimer(pid, "Timer_ReminderPeriod");
    driver.complete(pid, "Task_PrepareCourtApplication", Map.of("enforcementItems", "罚款及加处罚款",
        "headOpinion", "当事人经催告仍未履行，同意申请人民法院强制执行。"));
    return pid;
  }
}
