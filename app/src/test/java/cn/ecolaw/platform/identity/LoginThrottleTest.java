package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 8, part 6: the throttle's arithmetic — short growing delays per (source, user), capped, never permanent. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2026-11-29T08:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottle.Settings(5, Duration.ofMinutes(5), Duration.ofHours(1)), new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      });

  @Test
  void fourWrongPasswordsCostNothing_theFifthMakesThatSourceWaitOneSecond_thenTwoFourEight() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("203.0.113.7", "judge1");
      assertThat(throttle.waitSeconds("203.0.113.7", "judge1")).isZero();
    }
    long[] expected = {1, 2, 4, 8, 16};
    for (long seconds : expected) {
      throttle.failed("203.0.113.7", "judge1");
      assertThat(throttle.waitSeconds("203.0.113.7", "judge1")).isEqualTo(seconds);
      now = now.plusSeconds(seconds);
      assertThat(throttle.waitSeconds("203.0.113.7", "judge1")).isZero();
    }
  }

  @Test
  void theDelayIsCappedAtFiveMinutes_andNeverPermanent() {
    for (int i = 0; i < 200; i++) {
      throttle.failed("203.0.113.7", "admin");
    }
    assertThat(throttle.waitSeconds("203.0.113.7", "admin")).isEqualTo(300);
    now = now.plusSeconds(300);
    assertThat(throttle.waitSeconds("203.0.113.7", "admin")).isZero();
  }

  @Test
  void aStrangersFailuresNeverDelayTheUserAtAnotherSource_andASuccessForgetsTheSourcesFailures() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("203.0.113.7", "judge1");
    }
    assertThat(throttle.waitSeconds("198.51.100.2", "judge1")).isZero();
    assertThat(throttle.waitSeconds("203.0.113.7", "judge2")).isZero();
    throttle.failed("198.51.100.2", "judge1");
    throttle.succeeded("198.51.100.2", "judge1");
    assertThat(throttle.waitSeconds("203.0.113.7", "judge1")).isPositive();
    now = now.plus(Duration.ofHours(2));
    throttle.failed("203.0.113.7", "judge1");
    assertThat(throttle.waitSeconds("203.0.113.7", "judge1")).as("counts forgotten after an hour").isZero();
  }
}
