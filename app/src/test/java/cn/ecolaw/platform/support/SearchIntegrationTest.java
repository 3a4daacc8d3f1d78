package cn.ecolaw.platform.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link PostgresIntegrationTest} plus the real Elasticsearch node of {@link ElasticsearchTestSupport}: the whole
 * application on PostgreSQL with search on. Name the class {@code *IT}; it fails when either server is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ActiveProfiles("postgres")
@org.springframework.context.annotation.Import(cn.ecolaw.platform.faults.FaultInjector.class)
@ContextConfiguration(initializers = {PostgresTestSupport.Initializer.class, ElasticsearchTestSupport.Initializer.class})
@org.springframework.test.context.TestExecutionListeners(value = ContextEngineRegistration.class,
    mergeMode = org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface SearchIntegrationTest {

  @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
  SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
