package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.support.PostgresIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** {@link IdempotentActionsScenarios} on PostgreSQL. */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class IdempotentActionsIT extends IdempotentActionsScenarios {}
