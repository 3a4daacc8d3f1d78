package cn.ecolaw.platform.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on an in-memory H2 database, job executor off (tests fire timers themselves), no demo data,
 * with process test coverage recorded per test class (target/process-test-coverage).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {
    "platform.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-test;DB_CLOSE_DELAY=-1"
})
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = {ProcessEngineCoverageTestExecutionListener.class, ContextEngineRegistration.class},
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface PlatformTest {

  @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
  SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
