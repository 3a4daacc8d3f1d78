package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A verified HTTP Basic login is remembered for a short time, only for the same user with the same password. */
class VerifiedLoginsTest {

  private static final VerifiedLogins.Identity OFFICER =
      new VerifiedLogins.Identity(List.of("eco-officer", "unit-bureau"), List.of());

  private final MutableClock clock = new MutableClock();

  @Test
  void aVerifiedLoginIsAnsweredFromMemoryWithinTheTtl() {
    VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(10), clock);
    logins.remember("officer1", "officer1", OFFICER);

    clock.advance(Duration.ofSeconds(9));

    assertThat(logins.find("officer1", "officer1")).contains(OFFICER);
  }

  @Test
  void aWrongPasswordIsNeverAnsweredFromMemory() {
    VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(10), clock);
    logins.remember("officer1", "officer1", OFFICER);

    assertThat(logins.find("officer1", "officer2")).isEmpty();
    assertThat(logins.find("officer1", "")).isEmpty();
    assertThat(logins.find("officer2", "officer1")).isEmpty();
  }

  @Test
  void afterTheTtlTheIdentityServiceIsAskedAgain() {
    VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(10), clock);
    logins.remember("officer1", "officer1", OFFICER);

    clock.advance(Duration.ofSeconds(10));

    assertThat(logins.find("officer1", "officer1")).isEmpty();
  }

  @Test
  void aForgottenLoginIsCheckedAgain() {
    VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(10), clock);
    logins.remember("officer1", "officer1", OFFICER);

    logins.forget("officer1");

    assertThat(logins.find("officer1", "officer1")).isEmpty();
  }

  @Test
  void aZeroTtlRemembersNothing() {
    VerifiedLogins logins = new VerifiedLogins(Duration.ZERO, clock);
    logins.remember("officer1", "officer1", OFFICER);

    assertThat(logins.find("officer1", "officer1")).isEmpty();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

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
  }
}
