package cn.ecolaw.platform.audit;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Demo units and users (as in DemoUsers) and an enforcement case walked to the penalty proposal by its users. */
final class TrailFixture {

  private final IdentityService identity;
  private final CaseLauncher launcher;
  private final ProcessDriver driver;

  TrailFixture(IdentityService identity, CaseLauncher launcher, ProcessDriver driver) {
    this.identity = identity;
    this.launcher = launcher;
    this.driver = driver;
  }

  /** The member units (groups of type UNIT), the workflow groups and the demo users (with their passwords). */
  void users() {
    Logins.ensureDemoUsers(identity);
  }

  /** Starts a case as officer1 and moves it to Task_ProposePenalty; returns the process instance id. */
  String caseAtPenaltyProposal(String caseNo) {
    as("officer1", () -> launcher.start(caseNo, TestCases.enterpriseWater()));
    String pid = driver.instanceOf(caseNo);
    as("officer1", () -> driver.complete(pid, "Task_ProposeFiling", Map.of(
        "filingReason", "当事人涉嫌超标排放水污染物，依法应予立案调查。", "officerOpinion", "建议立案。")));
    as("head1", () -> driver.complete(pid, "Task_ApproveFiling", Map.of("filingApproved", "true",
        "headOpinion", "同意立案。")));
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("evidence", "现场检查（勘察）笔录\n调查询问笔录\n监测报告");
    investigation.put("officers", "张三、李四");
    investigation.put("crimeSuspected", "false");
    investigation.put("measure", "NONE");
    as("officer1", () -> driver.complete(pid, "Task_Investigate", investigation));
    return pid;
  }

  /** Runs the action as the user, authenticated in Camunda with the user's groups. */
  void as(String userId, Runnable action) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
