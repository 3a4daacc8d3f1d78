package cn.ecolaw.bench.bare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Benchmark only (bench/case-flow-pg-bench.sh): a bare Camunda 7.24 (Spring Boot starter, engine + REST, history
 * full, job executor on, no authorization, no plugins, no form guard) deploying the SAME processes/, decisions/ and
 * forms/ as the platform, with every delegate bean named in the BPMN files replaced by a no-op JavaDelegate of the
 * same name. "No-op" means no application work (no documents, no case tables, no audit, no DMN): the stand-ins only
 * set the variables the models' expressions read (due dates, flags, the fine) and do the two engine-level hand-overs
 * of the court path (start {@code non-litigation-execution}, send the result message back), so that the bare engine
 * walks exactly the same BPMN path as the platform. Outside {@code cn.ecolaw.platform}: nothing of the platform is
 * component-scanned. Runs in its own JVM on its own database.
 */
@SpringBootApplication
public class BareCamundaApp {

  /** Far in the future: every deadline timer exists (as on the platform) but never fires during a run. */
  static final String FAR = "2099-12-31T00:00:00";

  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  public static void main(String[] args) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.config.location", "optional:classpath:/bench-bare-none.yml");
    p.put("spring.autoconfigure.exclude", String.join(",",
        "org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"));
    p.put("spring.datasource.hikari.maximum-pool-size", "20");
    p.put("camunda.bpm.history-level", "full");
    p.put("camunda.bpm.database.schema-update", "true");
    p.put("camunda.bpm.job-execution.enabled", "true");
    p.put("camunda.bpm.authorization.enabled", "false");
    p.put("camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive", "false");
    p.put("camunda.bpm.deployment-resource-pattern",
        "classpath*:processes/*.bpmn,classpath*:decisions/*.dmn,classpath*:forms/*.form");
    p.put("logging.level.root", "WARN");
    SpringApplication app = new SpringApplication(BareCamundaApp.class);
    app.setDefaultProperties(p);
    app.run(args);
  }

  /** Registers one no-op delegate per bean name the deployed BPMN files call. */
  @Bean
  static BeanDefinitionRegistryPostProcessor noOpDelegates() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : delegateNames()) {
          Class<?> type = switch (name) {
            case "courtApplicationDelegate" -> BareCourtApplication.class;
            case "courtResultDelegate" -> BareCourtResult.class;
            default -> NoOpDelegate.class;
          };
          registry.registerBeanDefinition(name, new RootBeanDefinition(type));
        }
      }

      @Override
      public void postProcessBeanFactory(
          org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {}
    };
  }

  static Set<String> delegateNames() {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
        try (InputStream in = r.getInputStream()) {
          Matcher m = DELEGATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  /** Sets what the models read and nothing else; a task listener too (violationCountListener). */
  public static class NoOpDelegate implements JavaDelegate, TaskListener {

    @Override
    public void execute(DelegateExecution execution) {
      if (execution.getVariable("caseNo") == null) {
        execution.setVariable("caseNo", execution.getProcessBusinessKey());
        stubs().forEach(execution::setVariable);
      }
      Object closing = execution.getVariableLocal("closingOutcome");
      if (closing != null) {
        execution.setVariable("caseOutcome", closing);
      }
    }

    @Override
    public void notify(DelegateTask task) {}

    static Map<String, Object> stubs() {
      Map<String, Object> v = new LinkedHashMap<>();
      for (String due : List.of("filingDueAt", "decisionDueAt", "transferDueAt", "statementDueAt", "serviceDueAt",
          "reminderDueAt", "paymentDueAt", "detentionTransferDueAt", "applicationWarnAt", "applicationDueAt",
          "litigationDueAt", "reinspectionDueAt", "hearingStartsAt", "acceptanceDueAt", "appealDecisionDueAt",
          "appealDueAt", "challengeDecisionDueAt", "challengeDueAt", "executionDueAt", "refusalServiceDueAt",
          "rulingDueAt")) {
        v.put(due, FAR);
      }
      for (String flag : List.of("legalReviewRequired", "hearingRequested", "crimeSuspected", "correctionOrdered",
          "dailyPenaltyDue", "paid", "hearingRight")) {
        v.put(flag, Boolean.FALSE);
      }
      v.put("discretionOutcome", "STANDARD");
      v.put("benchmarkFine", 150000d);
      v.put("proposedFine", 150000d);
      v.put("fineAmount", 150000d);
      v.put("amountDue", 150000d);
      v.put("epl63Conduct", "NONE");
      v.put("enforcedBy", "AGENCY");
      v.put("remedyFiled", "NONE");
      v.put("lastRemedy", "NONE");
      v.put("pendingRemedy", "NONE");
      v.put("measure", "NONE");
      v.put("earliestHearingDate", java.time.LocalDate.now().plusDays(7).toString());
      return v;
    }
  }

  /** The engine-level part of Task_ApplyToCourt: the court's process is started for the case. */
  public static class BareCourtApplication implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      Map<String, Object> v = new LinkedHashMap<>(NoOpDelegate.stubs());
      v.put("caseNo", execution.getVariable("caseNo"));
      v.put("enforcementCaseInstanceId", execution.getProcessInstanceId());
      String docketNo = "court-" + execution.getProcessInstanceId();
      v.put("courtDocketNo", docketNo);
      execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey("non-litigation-execution", docketNo, v);
      execution.setVariable("courtDocketNo", docketNo);
    }
  }

  /** The engine-level part of the court's result: the message back to the bureau's case. */
  public static class BareCourtResult implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      Object result = execution.getVariableLocal("courtResult");
      execution.setVariable("caseOutcome", result);
      Object origin = execution.getVariable("enforcementCaseInstanceId");
      if (origin == null) {
        return;
      }
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation("CourtEnforcementResult")
          .processInstanceId(origin.toString())
          .setVariable("courtResult", result)
          .correlate();
    }
  }
}
