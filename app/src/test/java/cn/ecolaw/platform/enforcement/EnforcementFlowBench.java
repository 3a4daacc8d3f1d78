package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.CasePlatformApplication;
import cn.ecolaw.platform.caseview.CaseQueryService;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (bench/enforcement-flow-bench.sh): application start time, then whole enforcement cases from clue to
 * PAID (12 task completions, 4 documents as DOCX + PDF, two DMN evaluations each) on H2 in memory, and the case view.
 * Not a test: prints numbers.
 */
public final class EnforcementFlowBench {

  public static void main(String[] args) {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long t0 = System.nanoTime();
    ConfigurableApplicationContext ctx = new SpringApplication(CasePlatformApplication.class).run(
        "--platform.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    double startSeconds = (System.nanoTime() - t0) / 1e9;
    CaseLauncher launcher = ctx.getBean(CaseLauncher.class);
    ProcessDriver driver = ctx.getBean(ProcessDriver.class);
    RuntimeService runtime = ctx.getBean(RuntimeService.class);
    CaseQueryService query = ctx.getBean(CaseQueryService.class);

    int warmup = Math.max(3, cases / 10);
    for (int i = 0; i < warmup; i++) {
      runCase(launcher, driver, runtime);
    }
    long[] millis = new long[cases];
    long[] viewMicros = new long[cases];
    long all = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      long c = System.nanoTime();
      String caseNo = runCase(launcher, driver, runtime);
      millis[i] = (System.nanoTime() - c) / 1_000_000;
      long v = System.nanoTime();
      query.find(caseNo);
      viewMicros[i] = (System.nanoTime() - v) / 1_000;
    }
    double seconds = (System.nanoTime() - all) / 1e9;
    Arrays.sort(millis);
    Arrays.sort(viewMicros);
    System.out.printf("start=%.1fs cases=%d perMinute=%.1f caseMs{p50=%d,p90=%d,max=%d} viewMs{p50=%.1f,p90=%.1f}%n",
        startSeconds, cases, cases / seconds * 60, millis[cases / 2], millis[cases * 9 / 10], millis[cases - 1],
        viewMicros[cases / 2] / 1000.0, viewMicros[cases * 9 / 10] / 1000.0);
    ctx.close();
  }

  private static String runCase(CaseLauncher launcher, ProcessDriver driver, RuntimeService runtime) {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    String pid = driver.instanceOf(caseNo);
    driver.complete(pid, "Task_ProposeFiling", Map.of("filingReason", "超标排放", "officerOpinion", "建议立案"));
    driver.complete(pid, "Task_ApproveFiling", Map.of("filingApproved", "true", "headOpinion", "同意"));
    Map<String, Object> investigation = new HashMap<>(Map.of("evidence", "现场检查笔录", "officers", "张伟、刘明",
        "crimeSuspected", "false", "measure", "NONE"));
    driver.complete(pid, "Task_Investigate", investigation);
    double fine = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    driver.complete(pid, "Task_ProposePenalty", Map.of("proposedFine", fine, "penaltyReason", "事实清楚"));
    driver.complete(pid, "Task_ServePriorNotice", java.util.Map.of("noticeServedDate", cn.ecolaw.platform.shared.Dates.today().toString(),
        "serviceMethod", "DIRECT", "recipient", "沈建国"));
    driver.complete(pid, "Task_RecordStatement", Map.of("statementSubmitted", "false"));
    driver.complete(pid, "Task_ReviewStatement", Map.of("statementAdopted", "NONE", "reviewedFine", fine,
        "reviewNote", "无"));
    driver.complete(pid, "Task_ApproveDecision", Map.of("decisionApproved", "true", "headOpinion", "同意"));
    driver.complete(pid, "Task_ServeDecision", Map.of("serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国"));
    driver.complete(pid, "Task_MonitorPayment", Map.of("paid", "true", "paidAmount", fine,
        "paidDate", Dates.today().toString(), "remedyFiled", "NONE"));
    return caseNo;
  }
}
