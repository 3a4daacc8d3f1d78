package cn.ecolaw.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cooperation.ClueTransfers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo profile has a crime waiting for the police, a clue of the natural resources bureau opened as the bureau's
 * case, a public-interest clue waiting for the procuratorate and a consultation waiting for the expert's opinion.
 */
@SpringBootTest(properties = {
    "platform.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-demo;DB_CLOSE_DELAY=-1"
})
class CooperationDemoDataTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ClueTransfers transfers;

  @Test
  void transfersForThePoliceAndTheProcuratorateACaseOpenedFromAClueAndAConsultation() {
    List<Map<String, Object>> all = transfers.list(null, 50);
    assertThat(all).extracting(t -> t.get("receiverUnit") + ":" + t.get("status")).contains("unit-police:SENT",
        "unit-bureau:CASE_OPENED", "unit-procuratorate:SENT");
    assertThat(tasks.createTaskQuery().processDefinitionKey("clue-transfer").taskCandidateGroup("police").count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().processDefinitionKey("clue-transfer").taskCandidateGroup("procuratorate")
        .count()).isEqualTo(1);
    var consultation = runtime.createProcessInstanceQuery().processDefinitionKey("consultation")
        .variableValueEquals("caseNo", CooperationDemoData.CONSULTED_CASE).singleResult();
    assertThat(tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_GiveOpinion");
    assertThat(tasks.createTaskQuery().processInstanceId(consultation.getId()).taskCandidateGroup("expert").count())
        .isEqualTo(1);
  }
}
