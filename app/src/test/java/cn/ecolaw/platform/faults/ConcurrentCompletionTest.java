package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.support.PlatformTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * {@link ConcurrentCompletionScenarios} on H2, as two nodes racing inside the engine: the per-node completion gate
 * (engine.TaskCompletionGate) would refuse the second completion before the engine's optimistic lock is reached.
 */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.TestPropertySource(properties = "platform.engine.task-completion-gate=false")
@Import(RaceGate.class)
class ConcurrentCompletionTest extends ConcurrentCompletionScenarios {}
