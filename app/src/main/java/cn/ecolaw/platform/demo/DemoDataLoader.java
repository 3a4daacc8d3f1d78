package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.identity.DemoIdentityInitializer;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the users of DESIGN.md and a handful of cases in different states, each moved along through the
 * same tasks and form checks a user would pass. Runs once: an existing database keeps its cases.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class DemoDataLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

  private final DemoIdentityInitializer identity;
  private final CaseLauncher launcher;
  private final CaseFileRepository cases;
  private final ProcessDriver driver;

  public DemoDataLoader(DemoIdentityInitializer identity, CaseLauncher launcher, CaseFileRepository cases,
      ProcessDriver driver) {
    this.identity = identity;
    this.launcher = launcher;
    this.cases = cases;
    this.driver = driver;
  }

  /** Order 0: the features' own demo data (@Order(10+)) comes after the users and these cases. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void load() {
    identity.initialize();
    if (!cases.list(1).isEmpty()) {
      return;
    }
    LOG.info("创建演示案件……");
    awaitingFilingApproval();
    awaitingStatement();
    paidAndClosed();
    atCourt();
    noPenaltyPending();
    LOG.info("演示案件已创建");
  }

  private void awaitingFilingApproval() {
    String pid = start("湖环罚〔2026〕101号", DemoCases.waterCase("湖州织里恒通印染有限公司", "91330502MA2B3C4D5"));
    proposeFiling(pid);
  }

  private void awaitingStatement() {
    String pid = start("湖环罚〔2026〕102号", DemoCases.airCase("湖州南太湖新材料科技有限公司", "91330500MA28F1234"));
    toPriorNotice(pid, 150000);
  }

  private void paidAndClosed() {
    String pid = start("湖环罚〔2026〕103号", DemoCases.waterCase("湖州吴兴金鑫电镀有限公司", "91330502MA29K8765"));
    decideAndServe(pid, 150000);
    driver.complete(pid, "Task_MonitorPayment", Map.of("paid", "true", "paidAmount", 150000d,
        "paidDate", Dates.today().toString(), "remedyFiled", "NONE"));
  }

  private void atCourt() {
    String pid = start("湖环罚〔2026〕104号", DemoCases.waterCase("湖州长兴宏达化工有限公司", "91330522MA2D7Q1W2"));
    decideAndServe(pid, 150000);
    driver.fireTimer(pid, "Timer_RemedyPeriodEnds");
    driver.complete(pid, "Task_ServeReminder", Map.of("reminderServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    driver.fireTimer(pid, "Timer_ReminderPeriod");
    driver.complete(pid, "Task_PrepareCourtApplication", Map.of("enforcementItems", "罚款150000元及加处罚款",
        "headOpinion", "当事人经催告仍未履行，同意申请人民法院强制执行。"));
  }

  private void noPenaltyPending() {
    String pid = start("湖环罚〔2026〕105号", DemoCases.minorCase());
    proposeFiling(pid);
    approveFiling(pid);
    investigate(pid);
  }

  private String start(String caseNo, Map<String, Object> variables) {
    launcher.start(caseNo, variables);
    return driver.instanceOf(caseNo);
  }

  private void proposeFiling(String pid) {
    driver.complete(pid, "Task_ProposeFiling", Map.of("filingReason", "当事人涉嫌违反生态环境保护法律法规，依法应予立案调查。",
        "officerOpinion", "建议立案。"));
  }

  private void approveFiling(String pid) {
    driver.complete(pid, "Task_ApproveFiling", Map.of("filingApproved", "true", "headOpinion", "同意立案。"));
  }

  private void investigate(String pid) {
    Map<String, Object> v = new HashMap<>();
    v.put("evidence", "现场检查（勘察）笔录\n调查询问笔录\n监测报告\n现场照片12张");
    v.put("officers", "张执法、刘明");
    v.put("crimeSuspected", "false");
    v.put("measure", "NONE");
    driver.complete(pid, "Task_Investigate", v);
  }

  private void toPriorNotice(String pid, double fine) {
    proposeFiling(pid);
    approveFiling(pid);
    investigate(pid);
    driver.complete(pid, "Task_ProposePenalty", Map.of("proposedFine", fine,
        "deviationReason", "当事人积极配合调查，按基准执行。", "penaltyReason", "违法事实清楚，证据确凿。"));
    driver.complete(pid, "Task_ServePriorNotice", Map.of("noticeServedDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
  }

  private void decideAndServe(String pid, double fine) {
    toPriorNotice(pid, fine);
    driver.complete(pid, "Task_RecordStatement", Map.of("statementSubmitted", "false"));
    driver.complete(pid, "Task_ReviewStatement", Map.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "当事人未提出陈述申辩意见。"));
    driver.complete(pid, "Task_ApproveDecision", Map.of("decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "同意。"));
    driver.complete(pid, "Task_ServeDecision", Map.of("serviceDate", Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
  }
}
