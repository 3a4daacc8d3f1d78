package cn.ecolaw.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule (AccessMatrixTest style): an instance a call activity starts is read, with its history, by every unit that may
 * see the calling case, through {@code /engine-rest} as through the Tasklist; a unit without the case still sees
 * nothing. Sub-process instances used to get no grant at all: a court handed the bureau's case could open the case's
 * instance but not the 按日连续处罚 ({@code daily-penalty}) the case called afterwards.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallActivityInstancesAreReadByWhoMayReadTheCaseTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired CaseLauncher launcher;
  @Autowired CaseAccess access;

  PlatformHttp http;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void complete(ProcessInstance pi, String taskKey, Object... variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult()
        .getId(), TestCases.of(variables));
  }

  @Test
  void theDailyPenaltyACaseCallsIsReadByEveryUnitThatMaySeeTheCase() {
    LocalDate served = Dates.today().minusDays(10);
    ClockUtil.setCurrentTime(Date.from(served.atTime(10, 0).atZone(Dates.ZONE).toInstant()));
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("enforcement-case").singleResult();
    access.grant(caseNo, access.courtUnit(), "测试：案件已移交法院"); // the court may see the case from now on
    complete(pi, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete(pi, "Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    complete(pi, "Task_Investigate", "evidence", "现场检查笔录\n监测报告", "officers", "张伟、刘明",
        "crimeSuspected", "false", "measure", "NONE", "correctionOrdered", true);
    complete(pi, "Task_ProposePenalty", "proposedFine",
        ((Number) runtime.getVariable(pi.getId(), "benchmarkFine")).doubleValue(), "penaltyReason", "事实清楚，证据确凿");
    complete(pi, "Task_ServePriorNotice", "noticeServedDate", served.toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    complete(pi, "Task_RecordStatement", "statementSubmitted", "false");
    complete(pi, "Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine",
        ((Number) runtime.getVariable(pi.getId(), "proposedFine")).doubleValue(), "reviewNote", "未提出意见");
    complete(pi, "Task_ApproveDecision", "decisionApproved", "true", "collectiveDiscussionHeld", true,
        "headOpinion", "同意");
    complete(pi, "Task_ServeDecision", "serviceDate", served.toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    ClockUtil.reset();
    complete(pi, "Task_ReInspect", "reinspectionDate", Dates.today().toString(), "correctionRefused", "true",
        "reinspectionNote", "废水总排口仍在超标排放");
    ProcessInstance daily = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(daily).as("按日连续处罚, called by the case").isNotNull();
    String id = daily.getId();

    for (String user : new String[] {"officer1", "judge1", "filing1"}) {
      PlatformHttp as = http.as(user);
      assertThat(as.get("/engine-rest/process-instance/" + pi.getId()).status()).as("%s reads the case", user)
          .isEqualTo(200);
      assertThat(as.get("/engine-rest/process-instance/" + id).status()).as("%s reads the called instance", user)
          .isEqualTo(200);
      assertThat(as.getOk("/engine-rest/history/process-instance?processInstanceId=" + id))
          .as("%s reads its history", user).hasSize(1);
      assertThat(as.getOk("/engine-rest/history/activity-instance?processInstanceId=" + id))
          .as("%s reads its steps", user).isNotEmpty();
    }
    for (String user : new String[] {"nr1", "police1"}) {
      PlatformHttp as = http.as(user);
      assertThat(as.get("/engine-rest/process-instance/" + id).status()).as(user).isIn(403, 404);
      assertThat(as.getOk("/engine-rest/history/process-instance?processInstanceId=" + id)).as(user).isEmpty();
    }
  }
}
