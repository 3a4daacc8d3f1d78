package cn.ecolaw.platform.dossier;

import static cn.ecolaw.platform.support.TestCases.of;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.TestCases;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Walks enforcement cases through the engine (form guard and legal rules apply), as the officers would. */
final class ClosedCases {

  private final CaseLauncher launcher;
  private final RuntimeService runtime;
  private final TaskService tasks;

  ClosedCases(CaseLauncher launcher, RuntimeService runtime, TaskService tasks) {
    this.launcher = launcher;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** A water case filed, investigated by two officers, fined at the benchmark, served and paid: a clean file. */
  String paid() {
    String caseNo = served(TestCases.enterpriseWater(), "张伟、刘明");
    String pid = pid(caseNo);
    double fine = ((Number) runtime.getVariable(pid, "fineAmount")).doubleValue();
    complete(pid, "Task_MonitorPayment", "paid", "true", "paidAmount", fine, "paidDate", Dates.today().toString(),
        "remedyFiled", "NONE");
    return caseNo;
  }

  /** Filed, investigated, decided and served; waiting for payment. */
  String served(Map<String, Object> start, String officers) {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, start);
    String pid = pid(caseNo);
    complete(pid, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete(pid, "Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    complete(pid, "Task_Investigate", "evidence", "现场检查笔录\n废水监测报告；湖州市环境监测中心站；化学需氧量超标30%\n营业执照复印件",
        "officers", officers, "crimeSuspected", "false", "measure", "NONE");
    double benchmark = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    complete(pid, "Task_ProposePenalty", "proposedFine", benchmark, "penaltyReason", "事实清楚，证据确凿");
    complete(pid, "Task_ServePriorNotice", "noticeServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    complete(pid, "Task_RecordStatement", "statementSubmitted", "false");
    complete(pid, "Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", benchmark, "reviewNote", "未提出意见");
    complete(pid, "Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "同意");
    complete(pid, "Task_ServeDecision", "serviceDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    return caseNo;
  }

  String pid(String caseNo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
  }

  void complete(String pid, String taskKey, Object... variables) {
    Task task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("no open task " + taskKey);
    }
    tasks.complete(task.getId(), of(variables));
  }
}
