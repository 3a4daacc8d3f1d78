package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.support.PlatformTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** {@link ConcurrentCompletionScenarios} on H2. */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RaceGate.class)
class ConcurrentCompletionTest extends ConcurrentCompletionScenarios {}
