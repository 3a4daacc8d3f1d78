package cn.ecolaw.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The login failures in the database (table {@code login_failure}, V280), shared by every node on it: a wrong
 * password counted on one node delays the same source at every node. Each change is its own short transaction
 * ({@code SELECT … FOR UPDATE}, then insert or update), so two nodes counting at once add up.
 *
 * <p>Every authenticated request asks whether its source must wait; so that this is not a query per request, a node
 * keeps what it read for {@code recheck} (default 1 s). A failure is always written through and its answer (a new
 * block) kept, so a node learns of a block at the latest with the first wrong password it sees itself: an attacker
 * gains at most one extra try per node per block, not a node's worth of free tries.
 */
public class DatabaseLoginFailures implements LoginThrottle.Store {

  private static final int MAX_USER_KEY = 200;
  private static final int MAX_SOURCE = 64;
  private static final long PURGE_EVERY_MS = 60_000;

  private record Seen(LoginThrottle.Failures failures, long readAtMillis) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final long recheckMillis;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final AtomicLong lastPurge = new AtomicLong();

  public DatabaseLoginFailures(DataSource dataSource, Clock clock, Duration recheck) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.recheckMillis = recheck == null ? 1000 : recheck.toMillis();
  }

  @Override
  public LoginThrottle.Failures get(String source, String user) {
    String s = source(source);
    String u = userKey(user);
    String key = s + "\u0000" + u;
    long now = clock.millis();
    Seen cached = seen.get(key);
    if (cached != null && now - cached.readAtMillis() < recheckMillis) {
      return cached.failures();
    }
    LoginThrottle.Failures read = read(s, u, false);
    remember(key, read, now);
    return read;
  }

  @Override
  public LoginThrottle.Failures update(String source, String user, UnaryOperator<LoginThrottle.Failures> next) {
    String s = source(source);
    String u = userKey(user);
    LoginThrottle.Failures written = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        written = tx.execute(status -> {
          LoginThrottle.Failures current = read(s, u, true);
          LoginThrottle.Failures changed = next.apply(current);
          Long blocked = changed.blockedUntil() == null ? null : changed.blockedUntil().toEpochMilli();
          if (current == null) {
            jdbc.update("INSERT INTO login_failure (source, user_key, failures, last_failed_ms, blocked_until_ms) "
                + "VALUES (?, ?, ?, ?, ?)", s, u, changed.count(), changed.last().toEpochMilli(), blocked);
          } else {
            jdbc.update("UPDATE login_failure SET failures = ?, last_failed_ms = ?, blocked_until_ms = ? "
                + "WHERE source = ? AND user_key = ?", changed.count(), changed.last().toEpochMilli(), blocked, s, u);
          }
          return changed;
        });
        break;
      } catch (DuplicateKeyException raced) {
        // another node inserted the first failure at the same moment: count on top of it
      }
    }
    remember(s + "\u0000" + u, written, clock.millis());
    return written;
  }

  @Override
  public void remove(String source, String user) {
    String s = source(source);
    String u = userKey(user);
    String key = s + "\u0000" + u;
    Seen cached = seen.get(key);
    if (cached != null && cached.failures() == null && clock.millis() - cached.readAtMillis() < recheckMillis) {
      return; // read a moment ago: no failures to forget
    }
    jdbc.update("DELETE FROM login_failure WHERE source = ? AND user_key = ?", s, u);
    remember(key, null, clock.millis());
  }

  @Override
  public void removeUser(String user) {
    String u = userKey(user);
    jdbc.update("DELETE FROM login_failure WHERE user_key = ?", u);
    seen.keySet().removeIf(k -> k.endsWith("\u0000" + u));
  }

  @Override
  public void forgetOld(Instant now, Duration forgetAfter) {
    long last = lastPurge.get();
    if (now.toEpochMilli() - last < PURGE_EVERY_MS || !lastPurge.compareAndSet(last, now.toEpochMilli())) {
      return;
    }
    jdbc.update("DELETE FROM login_failure WHERE last_failed_ms < ? AND (blocked_until_ms IS NULL "
        + "OR blocked_until_ms < ?)", now.minus(forgetAfter).toEpochMilli(), now.toEpochMilli());
    seen.entrySet().removeIf(e -> now.toEpochMilli() - e.getValue().readAtMillis() >= recheckMillis);
  }

  private LoginThrottle.Failures read(String source, String userKey, boolean forUpdate) {
    List<LoginThrottle.Failures> rows = jdbc.query("SELECT failures, last_failed_ms, blocked_until_ms "
        + "FROM login_failure WHERE source = ? AND user_key = ?" + (forUpdate ? " FOR UPDATE" : ""),
        (rs, i) -> {
          long blocked = rs.getLong("blocked_until_ms");
          Instant blockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(blocked);
          return new LoginThrottle.Failures(rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("last_failed_ms")),
              blockedUntil);
        }, source, userKey);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private void remember(String key, LoginThrottle.Failures failures, long now) {
    if (seen.size() > 100_000) {
      seen.clear(); // a flood of made-up users: the database still has the counts
    }
    seen.put(key, new Seen(failures, now));
  }

  private static String source(String source) {
    String s = LoginThrottle.sourceKey(source);
    return s.length() <= MAX_SOURCE ? s : s.substring(0, MAX_SOURCE);
  }

  /** The user as counted; a made-up user name longer than the column is counted by its SHA-256. */
  static String userKey(String user) {
    String u = LoginThrottle.userKey(user);
    if (u.length() <= MAX_USER_KEY) {
      return u;
    }
    try {
      return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(u.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
