package cn.ecolaw.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.documents.DocumentGenerated;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import cn.ecolaw.platform.workflow.ProcessUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * {@code platform.documents.async=true} (engine.AsyncDocumentStepsPlugin): a document step runs as a job after the
 * user's completion has committed; the step that relies on the document opens only when the document exists; a
 * failing job is retried without leaving a document behind, and raises an incident when it keeps failing.
 */
@PlatformTest
@org.springframework.test.context.TestPropertySource(properties = "platform.documents.async=true")
@Import(AsyncDocumentStepsTest.DocumentFault.class)
class AsyncDocumentStepsTest {

  @Autowired CaseLauncher launcher;
  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired DocumentService documents;
  @Autowired DocumentFault fault;

  /** Fails the document step right after its document was stored, a planned number of times per case. */
  @TestComponent
  static class DocumentFault {
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

    void plan(String caseNo, int failures) {
      failuresLeft.put(caseNo, failures);
    }

    @EventListener
    void on(DocumentGenerated event) {
      int left = failuresLeft.getOrDefault(event.document().caseNo(), 0);
      if (left > 0) {
        failuresLeft.put(event.document().caseNo(), left - 1);
        throw new IllegalStateException("注入的故障：文书保存后步骤失败");
      }
    }
  }

  private String caseApprovedForFiling(String caseNo) {
    launcher.start(caseNo, TestCases.enterpriseWater());
    String pid = driver.instanceOf(caseNo);
    driver.complete(pid, "Task_ProposeFiling", Map.of("filingReason", "超标排放", "officerOpinion", "建议立案"));
    identity.setAuthentication("head1", List.of("eco-head", "unit-bureau"));
    try {
      driver.complete(pid, "Task_ApproveFiling", Map.of("filingApproved", true, "headOpinion", "同意"));
    } finally {
      identity.clearAuthentication();
    }
    return pid;
  }

  private Job documentJob(String pid) {
    return management.createJobQuery().processInstanceId(pid).activityId("Task_RecordFiling").singleResult();
  }

  private List<GeneratedDocument> filingApprovals(String caseNo) {
    return documents.list(caseNo).stream().filter(d -> d.type() == DocumentType.FILING_APPROVAL).toList();
  }

  private boolean investigationOpen(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_Investigate").count() == 1;
  }

  @Test
  void theFilingApprovalIsMadeInAJobAndExistsBeforeTheInvestigationOpens() {
    String caseNo = TestCases.caseNo();
    String pid = caseApprovedForFiling(caseNo);

    assertThat(documentJob(pid)).as("the document step waits as a job").isNotNull();
    assertThat(filingApprovals(caseNo)).isEmpty();
    assertThat(investigationOpen(pid)).isFalse();

    management.executeJob(documentJob(pid).getId());

    assertThat(filingApprovals(caseNo)).singleElement().satisfies(d -> {
      assertThat(d.version()).isEqualTo(1);
      assertThat(d.createdBy()).as("the approver stays the author").isEqualTo("head1");
    });
    assertThat(investigationOpen(pid)).isTrue();
    assertThat(runtime.getVariable(pid, ProcessUser.STEP_ACTOR)).as("kept only while the step runs").isNull();
  }

  @Test
  void aDocumentStepThatFailsIsRetriedAndLeavesExactlyOneDocument() {
    String caseNo = TestCases.caseNo();
    String pid = caseApprovedForFiling(caseNo);
    fault.plan(caseNo, 1);

    assertThatThrownBy(() -> management.executeJob(documentJob(pid).getId())).hasStackTraceContaining("注入的故障");

    assertThat(filingApprovals(caseNo)).as("the failed attempt's document was rolled back with it").isEmpty();
    assertThat(documentJob(pid).getRetries()).isEqualTo(2);
    assertThat(investigationOpen(pid)).isFalse();

    management.executeJob(documentJob(pid).getId());

    assertThat(filingApprovals(caseNo)).singleElement().extracting(GeneratedDocument::version).isEqualTo(1);
    assertThat(investigationOpen(pid)).isTrue();
  }

  @Test
  void aDocumentStepThatKeepsFailingRaisesAnIncidentAndTheCaseWaitsThere() {
    String caseNo = TestCases.caseNo();
    String pid = caseApprovedForFiling(caseNo);
    fault.plan(caseNo, Integer.MAX_VALUE);

    for (int attempt = 0; attempt < 3; attempt++) {
      String jobId = documentJob(pid).getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("注入的故障");
    }

    assertThat(documentJob(pid).getRetries()).isZero();
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pid).list();
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.getActivityId()).isEqualTo("Task_RecordFiling");
      assertThat(i.getIncidentMessage()).isNotBlank();
    });
    assertThat(filingApprovals(caseNo)).isEmpty();
    assertThat(investigationOpen(pid)).isFalse();

    fault.plan(caseNo, 0);
    management.setJobRetries(documentJob(pid).getId(), 1);
    management.executeJob(documentJob(pid).getId());

    assertThat(filingApprovals(caseNo)).hasSize(1);
    assertThat(investigationOpen(pid)).isTrue();
  }
}
