package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.CasePlatformApplication;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JMH (bench/dmn-path-bench.sh): the same {@code penalty-discretion} file evaluated along different paths, one
 * thread, sample time:
 * <ul>
 *   <li>{@code bare-dmn}: a bare DMN engine in Camunda's default configuration (stock FEEL);</li>
 *   <li>{@code bare-camunda-flow}: a bare Camunda process engine (standalone, H2 in memory, history full like the
 *       platform, no platform plugins, stock FEEL) running a process whose business rule task evaluates the decision
 *       ({@code decisionRef}, {@code singleResult}); one process instance per operation;</li>
 *   <li>{@code platform-flow}: the same process on the platform's process engine (the whole application on H2 in
 *       memory, every plugin, the caching FEEL factory);</li>
 *   <li>{@code bare-camunda-decision} and {@code platform-decision}: {@code DecisionService.evaluateDecisionByKey}
 *       on those two engines (what {@code /engine-rest} and the discretion service call).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
    "-Dlogging.level.root=WARN", "-Dspring.main.banner-mode=off"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DecisionPathBench {

  static final String PROCESS_KEY = "bench-discretion";

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="bench-discretion-definitions"
          targetNamespace="http://ecolaw.cn/bench">
        <bpmn:process id="bench-discretion" name="裁量基准评测" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start_Bench"/>
          <bpmn:sequenceFlow id="Flow_Start_Evaluate" sourceRef="Start_Bench" targetRef="Task_EvaluateDiscretion"/>
          <bpmn:businessRuleTask id="Task_EvaluateDiscretion" name="自由裁量计算" camunda:decisionRef="penalty-discretion"
              camunda:mapDecisionResult="singleResult" camunda:resultVariable="discretion"/>
          <bpmn:sequenceFlow id="Flow_Evaluate_End" sourceRef="Task_EvaluateDiscretion" targetRef="End_Bench"/>
          <bpmn:endEvent id="End_Bench"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Param({"bare-dmn", "bare-camunda-flow", "platform-flow", "bare-camunda-decision", "platform-decision"})
  public String path;

  private static final int INPUTS = 1024;

  private VariableMap[] inputs;
  private DmnEngine dmn;
  private DmnDecision decision;
  private ProcessEngine engine;
  private static ConfigurableApplicationContext app;
  private static ProcessEngine bare;

  /** Which input the thread evaluates next. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup
  public void setUp() {
    DecisionCorpus corpus = new DecisionCorpus(77);
    inputs = new VariableMap[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      inputs[i] = Variables.fromMap(corpus.discretionInput().toVariables());
    }
    if (path.equals("bare-dmn")) {
      dmn = DmnEngines.stock();
      decision = DmnEngines.decision(dmn, "penalty-discretion", "penalty-discretion");
      return;
    }
    engine = path.startsWith("platform") ? platformEngine() : bareCamunda();
  }

  /** The platform (started once per JVM), with the bench process and the decision deployed. */
  private static synchronized ProcessEngine platformEngine() {
    if (app == null) {
      app = new SpringApplication(CasePlatformApplication.class).run("--platform.demo.enabled=false",
          "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
          "--spring.datasource.url=jdbc:h2:mem:bench-path;DB_CLOSE_DELAY=-1");
      deploy(app.getBean(ProcessEngine.class));
    }
    return app.getBean(ProcessEngine.class);
  }

  /** A bare Camunda process engine (once per JVM), with the bench process and the decision deployed. */
  private static synchronized ProcessEngine bareCamunda() {
    if (bare == null) {
      ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl)
          ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
      cfg.setProcessEngineName("bare-camunda");
      cfg.setJdbcUrl("jdbc:h2:mem:bare-camunda;DB_CLOSE_DELAY=-1");
      cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      cfg.setJobExecutorActivate(false);
      cfg.setEnforceHistoryTimeToLive(false);
      bare = cfg.buildProcessEngine();
      deploy(bare);
    }
    return bare;
  }

  private static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("bench")
        .addClasspathResource("decisions/penalty-discretion.dmn")
        .addString("bench-discretion.bpmn", BPMN)
        .deploy();
  }

  @TearDown
  public static synchronized void tearDown() {
    if (app != null) {
      app.close();
      app = null;
    }
    if (bare != null) {
      bare.close();
      bare = null;
    }
  }

  @Benchmark
  public Object evaluate(Cursor cursor) {
    VariableMap variables = inputs[cursor.next++ & (INPUTS - 1)];
    return switch (path) {
      case "bare-dmn" -> dmn.evaluateDecision(decision, variables);
      case "bare-camunda-flow", "platform-flow" ->
          engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
      default -> engine.getDecisionService().evaluateDecisionByKey("penalty-discretion").variables(variables)
          .evaluate();
    };
  }

  /** Runs the benchmark (JMH options allowed, e.g. {@code -p path=platform-flow}) and prints p50 per path. */
  public static void main(String[] args) throws Exception {
    var options = new OptionsBuilder().parent(new CommandLineOptions(args))
        .include(DecisionPathBench.class.getName() + ".evaluate").build();
    Map<String, Double> p50 = new java.util.LinkedHashMap<>();
    for (RunResult result : new Runner(options).run()) {
      var stats = result.getPrimaryResult().getStatistics();
      String path = result.getParams().getParam("path");
      p50.put(path, stats.getPercentile(50));
      System.out.printf("RESULT path=%s p50=%.1f us p90=%.1f us samples=%d feel-scala=%s%n", path,
          stats.getPercentile(50), stats.getPercentile(90), stats.getN(), PenaltyDiscretionBench.feelScalaVersion());
    }
    ratio(p50, "platform-flow", "bare-camunda-flow");
    ratio(p50, "platform-decision", "bare-camunda-decision");
    ratio(p50, "platform-decision", "bare-dmn");
  }

  private static void ratio(Map<String, Double> p50, String path, String base) {
    if (p50.containsKey(path) && p50.containsKey(base)) {
      System.out.printf("RESULT ratio p50 %s / %s = %.2f%n", path, base, p50.get(path) / p50.get(base));
    }
  }

}
