package cn.ecolaw.platform.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring test contexts live in one JVM, each with its own engine named "default" on its own database, but
 * Camunda's REST API finds its engine through the JVM-wide {@link ProcessEngines} registry: whichever context started
 * last would answer {@code /engine-rest} for all of them. Before each test this makes the test's own engine the one
 * the registry hands out, so the REST API and the test's beans see the same database.
 */
public class ContextEngineRegistration implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    ProcessEngines.registerProcessEngine(engine);
  }
}
