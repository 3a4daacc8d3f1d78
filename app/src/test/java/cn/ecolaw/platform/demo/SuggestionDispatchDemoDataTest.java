package cn.ecolaw.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.dispatch.Inspections;
import cn.ecolaw.platform.suggestion.JudicialSuggestions;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo profile holds inspections in each state and a suggestion awaiting the bureau's reply (issue 13). */
@SpringBootTest(properties = {
    "platform.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-demo;DB_CLOSE_DELAY=-1"
})
class SuggestionDispatchDemoDataTest {

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired SuggestionDispatchDemoData demo;

  @Test
  void inspectionsWaitForTheirOfficersOneOpenedACaseAndTheDemoLoadsOnce() {
    demo.load();
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(Inspections.PROCESS_KEY)
        .taskDefinitionKey("Task_Inspect").list();
    assertThat(open).hasSize(4);
    assertThat(open.stream().map(Task::getAssignee)).contains("officer1", "officer2");
    assertThat(jdbc.queryForList("SELECT outcome FROM inspection_task WHERE outcome IS NOT NULL ORDER BY outcome",
        String.class)).containsExactly("CASE_OPENED", "NO_FINDING");
    String caseNo = jdbc.queryForObject("SELECT case_no FROM inspection_task WHERE outcome = 'CASE_OPENED'",
        String.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(caseNo).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT seed FROM inspection_draw", Long.class))
        .isEqualTo(SuggestionDispatchDemoData.DRAW_SEED);
  }

  @Test
  void oneSuggestionAwaitsTheBureausReplyAndOneIsAnswered() {
    Task reply = tasks.createTaskQuery().processDefinitionKey(JudicialSuggestions.PROCESS_KEY)
        .taskDefinitionKey("Task_ReplySuggestion").singleResult();
    assertThat(runtime.getVariable(reply.getProcessInstanceId(), "caseNo"))
        .isEqualTo(SuggestionDispatchDemoData.AWAITING_REPLY_CASE);
    assertThat(reply.getDueDate()).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processDefinitionKey(JudicialSuggestions.PROCESS_KEY)
        .variableName("caseOutcome").singleResult().getValue()).isEqualTo("REPLIED");
  }
}
