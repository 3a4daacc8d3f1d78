package cn.ecolaw.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.caseview.CaseQueryService;
import cn.ecolaw.platform.caseview.CaseView;
import cn.ecolaw.platform.identity.DemoUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The run command's demo profile: every user of DESIGN.md and sample cases in different states. */
@SpringBootTest(properties = {
    "platform.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-demo;DB_CLOSE_DELAY=-1"
})
class DemoDataTest {

  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired CaseFileRepository cases;
  @Autowired CaseQueryService query;

  @Test
  void everyDemoUserLogsInWithTheirNameAsPasswordAndBelongsToGroupAndUnit() {
    for (DemoUsers.Role role : DemoUsers.ROLES) {
      assertThat(identity.checkPassword(role.userId(), role.userId())).as(role.userId()).isTrue();
      assertThat(identity.createGroupQuery().groupMember(role.userId()).list())
          .extracting(g -> g.getId()).contains(role.group(), role.unit());
    }
  }

  @Test
  void sampleCasesStandInDifferentStates() {
    assertThat(view("101").currentTasks()).extracting(CaseView.TaskView::key).containsExactly("Task_ApproveFiling");
    assertThat(view("102").currentTasks()).extracting(CaseView.TaskView::key).containsExactly("Task_RecordStatement");
    assertThat(view("103").outcome()).isEqualTo("PAID");
    CaseView atCourt = view("104");
    assertThat(atCourt.status()).isEqualTo("AT_COURT");
    // the court's 司法建议 in the case (issue 13) is a related process too
    assertThat(atCourt.relatedProcesses()).filteredOn(p -> !p.processKey().equals("judicial-suggestion"))
        .singleElement().satisfies(court -> {
      assertThat(court.processKey()).isEqualTo("non-litigation-execution");
      assertThat(court.currentTasks()).extracting(CaseView.TaskView::candidateGroup).containsExactly("court-filing");
    });
    assertThat(view("105").discretion().get("outcome")).isEqualTo("NO_PENALTY");
    CaseView ruled = view("106");
    assertThat(ruled.status()).isEqualTo("AT_COURT");
    assertThat(ruled.relatedProcesses()).extracting(CaseView.RelatedProcess::processKey).contains("judicial-suggestion");
    assertThat(ruled.relatedProcesses()).filteredOn(p -> !p.processKey().equals("judicial-suggestion"))
        .singleElement().satisfies(court -> {
      assertThat(court.processKey()).isEqualTo("non-litigation-execution");
      assertThat(court.currentTasks()).extracting(CaseView.TaskView::candidateGroup)
          .containsExactly("court-enforcement");
    });
    assertThat(tasks.createTaskQuery().taskCandidateGroup("eco-head").count()).isGreaterThanOrEqualTo(2);
  }

  private CaseView view(String serial) {
    return query.find("湖环罚〔2026〕" + serial + "号");
  }
}
