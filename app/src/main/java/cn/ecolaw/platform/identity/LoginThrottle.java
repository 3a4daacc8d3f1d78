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
 * application.yml). Where the counts live ({@code platform.login-throttle.store}): {@code memory} (one node; a restart
 * forgets the counts, which only shortens a delay) or {@code database} (several nodes, the {@code postgres} profile:
 * table {@code login_failure}, {@link DatabaseLoginFailures}), so that an attacker spreading his tries over the nodes
 * is counted once.
 */
public class LoginThrottle {

  /** Settings ({@code platform.login-throttle.*}). */
  @ConfigurationProperties("platform.login-throttle")
  public record Settings(Integer freeFailures, Duration maxDelay, Duration forgetAfter, String store,
      Duration recheck) {
    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public Settings {
      freeFailures = freeFailures == null ? 5 : freeFailures;
      maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
      store = store == null || store.isBlank() ? "memory" : store.trim();
      recheck = recheck == null ? Duration.ofSeconds(1) : recheck;
    }

    public Settings(Integer freeFailures, Duration maxDelay, Duration forgetAfter) {
      this(freeFailures, maxDelay, forgetAfter, null, null);
    }

    /** Whether the counts are kept in the database, shared by the nodes. */
    public boolean inDatabase() {
      return "database".equalsIgnoreCase(store);
    }
  }

  /** A source's failures for a user: how many, the last one, and until when the source must wait (or null). */
  public record Failures(int count, Instant last, Instant blockedUntil) {}

  /** Where the failures are kept: this node's memory, or the database shared by every node. */
  public interface Store {
    /** The failures of the key, or null. */
    Failures get(String source, String user);

    /** Replaces the key's failures by what {@code next} makes of them (null: none yet), atomically; the new value. */
    Failures update(String source, String user, java.util.function.UnaryOperator<Failures> next);

    void remove(String source, String user);

    void removeUser(String user);

    /** Forgets what no longer matters at {@code now} (old failures, expired blocks). */
    void forgetOld(Instant now, Duration forgetAfter);
  }

  public static final String CODE = "AUTH-006";

  private final Settings settings;
  private final Clock clock;
  private final Store store;
  private final Object[] locks = new Object[64];

  /** Counts in this node's memory. */
  public LoginThrottle(Settings settings, Clock clock) {
    this(settings, clock, new MemoryStore());
  }

  public LoginThrottle(Settings settings, Clock clock, Store store) {
    this.settings = settings;
    this.clock = clock;
    this.store = store;
    java.util.Arrays.setAll(locks, i -> new Object());
  }

  /**
   * The lock a node holds from looking at a (source, user)'s failures until its password check is counted: guesses in
   * flight together are checked one after another, so twenty sent at once are throttled as twenty in a row (the look
   * came before the check and the count after it, and all twenty were checked). Striped: unrelated keys rarely share.
   */
  public Object lockFor(String source, String user) {
    return locks[Math.floorMod(java.util.Objects.hash(sourceKey(source), userKey(user)), locks.length)];
  }

  /** Seconds this source must still wait before trying this user again; 0 when it may try now. */
  public long waitSeconds(String source, String user) {
    Failures f = store.get(source, user);
    if (f == null || f.blockedUntil() == null) {
      return 0;
    }
    long ms = Duration.between(clock.instant(), f.blockedUntil()).toMillis();
    return ms <= 0 ? 0 : (ms + 999) / 1000;
  }

  /** A wrong password from this source for this user. */
  public void failed(String source, String user) {
    Instant now = clock.instant();
    store.forgetOld(now, settings.forgetAfter());
    store.update(source, user, f -> {
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
    store.remove(source, user);
  }

  /** Forgets the failures for a user from every source (an administrator's reset). */
  public void forget(String user) {
    store.removeUser(user);
  }

  /** The Chinese message of a throttled attempt. */
  public static String message(long seconds) {
    return "该账户在本地址的登录失败次数过多，请" + seconds + "秒后再试（其他地址登录不受影响）";
  }

  /**
   * A user name no account can have: one with a control character (NUL above all: PostgreSQL refuses it in any
   * query, so the throttle's database store and the identity service answered 500). Such a login is a wrong login,
   * answered before anything is looked up or counted.
   */
  public static boolean impossibleUserName(String user) {
    return user != null && user.chars().anyMatch(Character::isISOControl);
  }

  /** The user as counted: lower case (user ids are compared without case by the login). */
  static String userKey(String user) {
    return user == null ? "" : user.toLowerCase(java.util.Locale.ROOT);
  }

  static String sourceKey(String source) {
    return source == null ? "?" : source;
  }

  /** One node's memory (the default profile, a single node). */
  public static final class MemoryStore implements Store {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public Failures get(String source, String user) {
      return failures.get(key(source, user));
    }

    @Override
    public Failures update(String source, String user, java.util.function.UnaryOperator<Failures> next) {
      return failures.compute(key(source, user), (k, f) -> next.apply(f));
    }

    @Override
    public void remove(String source, String user) {
      failures.remove(key(source, user));
    }

    @Override
    public void removeUser(String user) {
      String suffix = "\u0000" + userKey(user);
      failures.keySet().removeIf(k -> k.endsWith(suffix));
    }

    @Override
    public void forgetOld(Instant now, Duration forgetAfter) {
      if (failures.size() <= MAX_ENTRIES) {
        return;
      }
      failures.entrySet().removeIf(e -> e.getValue().last().plus(forgetAfter).isBefore(now)
          && (e.getValue().blockedUntil() == null || e.getValue().blockedUntil().isBefore(now)));
      if (failures.size() > MAX_ENTRIES) {
        // flooded with made-up users: drop what is not currently blocking anyone
        failures.entrySet().removeIf(e -> e.getValue().blockedUntil() == null || e.getValue().blockedUntil().isBefore(now));
      }
    }

    private static String key(String source, String user) {
      return sourceKey(source) + "\u0000" + userKey(user);
    }
  }
}
