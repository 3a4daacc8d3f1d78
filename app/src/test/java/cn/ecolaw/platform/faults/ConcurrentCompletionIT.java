package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.support.PostgresIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * {@link ConcurrentCompletionScenarios} on PostgreSQL (job executor off: the tests fire timers themselves), as two nodes
 * racing inside the engine (the per-node completion gate off, see ConcurrentCompletionTest).
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "platform.engine.task-completion-gate=false"})
@Import(RaceGate.class)
class ConcurrentCompletionIT extends ConcurrentCompletionScenarios {}
