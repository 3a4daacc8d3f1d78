package cn.ecolaw.platform.faults;

import cn.ecolaw.platform.support.PlatformTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** {@link IdempotentActionsScenarios} on H2. */
@PlatformTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IdempotentActionsTest extends IdempotentActionsScenarios {}
