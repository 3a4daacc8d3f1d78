package cn.ecolaw.platform.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slows password guessing without letting a stranger lock a real user out (issue 8, part 6). Failures are counted per
 * (source address, user): after {@code freeFailures} wrong passwords from one source for one user, that source must
 * wait before trying that user again, 1 s, 2 s, 4 s … up to {@code maxDelay}; a success from the source forgets its
 * failures. The real user, signing in from another source, is never delayed by the stranger, and nothing is ever
 * locked for good (Camunda's own login lock is switched off: {@code loginMaxAttempts}, {@code loginDelayBase} in
 * application.yml). Kept in memory: a restart forgets the counts, which only shortens a delay.
 */
public class LoginThrottle {

  /** Settings ({@code platform.login-throttle.*}). */
  @ConfigurationProperties("platform.login-throttle")
  public record Settings(Integer freeFailures, Duration maxDelay, Duration forgetAfter) {
    public Settings {
      freeFailures = freeFailures == null ? 5 : freeFailures;
      maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    }
  }

  public static final String CODE = "AUTH-006";

  private static final int MAX_ENTRIES = 100_000;

  private record Failures(int count, Instant last, Instant blockedUntil) {}

  private final Settings settings;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Seconds this source must still wait before trying this user again; 0 when it may try now. */
  public long waitSeconds(String source, String user) {
    Failures f = failures.get(key(source, user));
    if (f == null || f.blockedUntil() == null) {
      return 0;
    }
    long ms = Duration.between(clock.instant(), f.blockedUntil()).toMillis();
    return ms <= 0 ? 0 : (ms + 999) / 1000;
  }

  /** A wrong password from this source for this user. */
  public void failed(String source, String user) {
    Instant now = clock.instant();
    if (failures.size() > MAX_ENTRIES) {
      forgetOld(now);
    }
    failures.compute(key(source, user), (k, f) -> {
      int count = (f == null || f.last().plus(settings.forgetAfter()).isBefore(now)) ? 1 : f.count() + 1;
      Instant blockedUntil = null;
      if (count >= settings.freeFailures()) {
        int doublings = Math.min(count - settings.freeFailures(), 30);
        long seconds = Math.min(1L << doublings, Math.max(1, settings.maxDelay().toSeconds()));
        blockedUntil = now.plusSeconds(seconds);
      }
      return new Failures(count, now, blockedUntil);
    });
  }

  /** A correct password from this source for this user: its failures are forgotten. */
  public void succeeded(String source, String user) {
    failures.remove(key(source, user));
  }

  /** Forgets the failures for a user from every source (an administrator's reset). */
  public void forget(String user) {
    String suffix = "\u0000" + (user == null ? "" : user.toLowerCase());
    failures.keySet().removeIf(k -> k.endsWith(suffix));
  }

  /** The Chinese message of a throttled attempt. */
  public static String message(long seconds) {
    return "该账户在本地址的登录失败次数过多，请" + seconds + "秒后再试（其他地址登录不受影响）";
  }

  private void forgetOld(Instant now) {
    failures.entrySet().removeIf(e -> e.getValue().last().plus(settings.forgetAfter()).isBefore(now)
        && (e.getValue().blockedUntil() == null || e.getValue().blockedUntil().isBefore(now)));
    if (failures.size() > MAX_ENTRIES) {
      // flooded with made-up users: drop what is not currently blocking anyone
      failures.entrySet().removeIf(e -> e.getValue().blockedUntil() == null || e.getValue().blockedUntil().isBefore(now));
    }
  }

  private static String key(String source, String user) {
    return (source == null ? "?" : source) + "\u0000" + (user == null ? "" : user.toLowerCase());
  }
}
