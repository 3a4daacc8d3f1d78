package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.demo.CourtOrdersDemoData;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo profile holds an urgent injunction awaiting its ruling and a restoration under supervision. */
@SpringBootTest(properties = {
    "platform.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-demo;DB_CLOSE_DELAY=-1"
})
class CourtOrdersDemoDataTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CourtOrdersDemoData demo;

  @Test
  void urgentInjunctionAwaitsItsRulingWithTheFortyEightHourDueTime() {
    Task rule = tasks.createTaskQuery().processDefinitionKey("injunction").taskDefinitionKey("Task_Rule")
        .processVariableValueEquals(CourtOrdersDemoData.DEMO_MARK, true).singleResult();
    assertThat(rule.getDueDate()).isNotNull();
    assertThat(Duration.between(rule.getCreateTime().toInstant(), rule.getDueDate().toInstant()).toMinutes())
        .isBetween(47 * 60L, 48 * 60L);
    assertThat(runtime.getVariable(rule.getProcessInstanceId(), "rulingClock")).isEqualTo("情况紧急，四十八小时内裁定");
  }

  @Test
  void restorationIsUnderSupervisionAndTheDemoLoadsOnce() {
    demo.load();
    var restorations = runtime.createProcessInstanceQuery().processDefinitionKey("restoration")
        .variableValueEquals(CourtOrdersDemoData.DEMO_MARK, true).list();
    assertThat(restorations).hasSize(1);
    String pid = restorations.get(0).getId();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_SuperviseExecution");
    assertThat(management.createJobQuery().processInstanceId(pid).activityId("Timer_SupervisionCycle").count())
        .isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("injunction")
        .variableValueEquals(CourtOrdersDemoData.DEMO_MARK, true).count()).isEqualTo(1);
  }
}
