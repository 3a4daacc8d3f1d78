package cn.ecolaw.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.ecolaw.platform.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Structured logs (issue 14): a line a delegate logs carries the case number and the user in the logging context
 * (MDC {@code caseNo}, {@code userId}), and the engine's own keys; nothing is left behind after the command.
 */
@PlatformTest
class LogContextTest {

  static final String KEY = "operations-log-context";

  /** A delegate that logs one line, as the platform's delegates do. */
  public static class LoggingDelegate implements JavaDelegate {
    static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LoggingDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
      LOG.info("文书已生成");
    }
  }

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JobExecutorHealthIndicator jobExecutorHealth;

  private String deployment;
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void deployAndListen() {
    deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
        .startEvent().serviceTask("now").camundaClass(LoggingDelegate.class.getName())
        .serviceTask("later").camundaAsyncBefore().camundaClass(LoggingDelegate.class.getName())
        .endEvent().done()).deploy().getId();
    lines.start();
    ((Logger) LoggerFactory.getLogger(LoggingDelegate.class)).addAppender(lines);
  }

  @AfterEach
  void undeploy() {
    ((Logger) LoggerFactory.getLogger(LoggingDelegate.class)).detachAppender(lines);
    identity.clearAuthentication();
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aDelegatesLogLineNamesTheCaseAndTheUser() {
    // given a user's command that runs a delegate of a case
    identity.setAuthentication("admin", List.of("camunda-admin"));
    String pid = runtime.startProcessInstanceByKey(KEY, "湖环罚〔2026〕901号",
        Map.of("caseNo", "湖环罚〔2026〕901号")).getId();
    identity.clearAuthentication();

    // then its line carries the case number, the user and the engine's process instance
    assertThat(lines.list).hasSize(1);
    Map<String, String> mdc = lines.list.get(0).getMDCPropertyMap();
    assertThat(mdc).containsEntry("caseNo", "湖环罚〔2026〕901号").containsEntry("userId", "admin")
        .containsEntry("processInstanceId", pid).containsEntry("businessKey", "湖环罚〔2026〕901号");
    // and nothing stays in the context after the command
    assertThat(MDC.get("caseNo")).isNull();
    assertThat(MDC.get("userId")).isNull();
  }

  @Test
  void aLineOfAnAsynchronousStepNamesTheCaseWithoutAUser() {
    String pid = runtime.startProcessInstanceByKey(KEY, Map.of("caseNo", "湖环罚〔2026〕902号")).getId();
    lines.list.clear();

    management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());

    assertThat(lines.list).hasSize(1);
    assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry("caseNo", "湖环罚〔2026〕902号")
        .doesNotContainKey("userId");
  }

  @Test
  void theJobExecutorsLinesNameItAsTheUserAndItsHealthIsUpWhileItRuns() throws Exception {
    String pid = runtime.startProcessInstanceByKey(KEY, Map.of("caseNo", "湖环罚〔2026〕903号")).getId();
    lines.list.clear();
    org.camunda.bpm.engine.impl.jobexecutor.JobExecutor executor =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) org.camunda.bpm.engine.ProcessEngines
            .getDefaultProcessEngine().getProcessEngineConfiguration()).getJobExecutor();
    assertThat(jobExecutorHealth.health().getStatus().getCode()).isEqualTo("UNKNOWN");
    executor.start();
    try {
      assertThat(jobExecutorHealth.health().getStatus().getCode()).isEqualTo("UP");
      long until = System.currentTimeMillis() + 30_000;
      while (runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0
          && System.currentTimeMillis() < until) {
        Thread.sleep(100);
      }
    } finally {
      executor.shutdown();
    }
    assertThat(lines.list).hasSize(1);
    assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry("caseNo", "湖环罚〔2026〕903号")
        .containsEntry("userId", "job-executor");
  }
}
