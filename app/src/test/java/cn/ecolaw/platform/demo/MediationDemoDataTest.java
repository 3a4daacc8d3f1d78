package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.demo.MediationDemoData;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo profile has a dispute in mediation, an appraisal under way and an agreement in public notice. */
@SpringBootTest(properties = {
    "platform.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-demo;DB_CLOSE_DELAY=-1"
})
class MediationDemoDataTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void disputeInMediationAppraisalUnderWayAgreementInNotice() {
    var dispute = runtime.createProcessInstanceQuery().processInstanceBusinessKey(MediationDemoData.DISPUTE_NO)
        .singleResult();
    assertThat(tasks.createTaskQuery().processInstanceId(dispute.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Mediate");
    assertThat(runtime.getVariable(dispute.getId(), "channel")).isEqualTo("PROFESSIONAL_MEDIATION");

    var appraisal = runtime.createProcessInstanceQuery().processDefinitionKey("appraisal")
        .variableValueEquals("caseNo", MediationDemoData.APPRAISAL_CASE).singleResult();
    assertThat(tasks.createTaskQuery().processInstanceId(appraisal.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Appraise");
    assertThat(runtime.getVariable(appraisal.getId(), "institutionName")).isNotNull();

    var notice = runtime.createProcessInstanceQuery().processDefinitionKey("judicial-confirmation")
        .variableValueEquals("agreementType", "COMPENSATION").singleResult();
    assertThat(runtime.getActiveActivityIds(notice.getId())).containsExactly("Event_NoticePeriodEnds");
  }
}
