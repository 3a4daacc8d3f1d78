package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.mediation.MediationRouting;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12: the Tasklist's list shows the case number and the party of every task (filter variables caseNo and
 * partyName), so every flow's instance has both when its tasks appear ({@code engine.CaseLabelsPlugin}).
 */
@PlatformTest
class CaseLabelsTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseLauncher launcher;
  @Autowired MediationRouting mediation;

  @Test
  void anEnforcementCasesTaskNamesItsCaseAndParty() {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();

    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(caseNo);
    assertThat(runtime.getVariable(pi.getId(), "partyName")).isEqualTo("湖州测试印染有限公司");
  }

  @Test
  void aDisputeWithoutACaseIsNamedByItsNumberAndTheRespondent() {
    Map<String, Object> v = new HashMap<>();
    v.put("applicant", "吴兴区织里镇村民王某某");
    v.put("respondent", "湖州织里恒通印染有限公司");
    v.put("caseCategory", "POLLUTION_DAMAGE");
    v.put("publicInterest", false);
    v.put("claimAmount", 50000);
    v.put("partiesConsent", true);
    v.put("facts", "被申请人排放废水致申请人鱼塘死鱼，请求赔偿损失。");

    String no = mediation.start(null, v);

    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
    Task first = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(first).isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "caseNo")).isEqualTo(no);
    assertThat(runtime.getVariable(pi.getId(), "partyName")).isEqualTo("湖州织里恒通印染有限公司");
  }
}
