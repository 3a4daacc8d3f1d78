package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.support.PostgresIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** {@link ConcurrentCompletionScenarios} on PostgreSQL (job executor off: the tests fire timers themselves). */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@Import(RaceGate.class)
class ConcurrentCompletionIT extends ConcurrentCompletionScenarios {}
