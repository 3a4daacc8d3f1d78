package cn.ecolaw.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic credentials verified a moment ago, with the user's groups and tenants: a REST client sends the password
 * on every request, and checking it again (and reading the groups and tenants) cost three engine commands per request.
 * As Camunda's webapps keep a logged-in user's groups in the session for a while, a verified login is remembered for
 * {@code platform.login-cache.ttl} (default 10 s; 0 turns it off): only the same user with the same password is
 * answered from memory (a salted SHA-256 of the password, never the password), a wrong password is always checked
 * against the identity service and throttled, and a changed password, membership or deleted user takes effect at the
 * latest after the ttl.
 */
public final class VerifiedLogins {

  static final int MAX_ENTRIES = 10_000;

  /** What a verified login answers: the user's groups and tenants at the time of the check. */
  public record Identity(List<String> groups, List<String> tenants) {}

  private record Entry(byte[] secret, Identity identity, long expiresAtMillis) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[16];
  private final long ttlMillis;
  private final Clock clock;

  public VerifiedLogins(Duration ttl, Clock clock) {
    this.ttlMillis = ttl == null ? 0 : ttl.toMillis();
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  /** The identity of a login verified within the ttl with exactly this password, else empty. */
  public Optional<Identity> find(String userId, String password) {
    if (ttlMillis <= 0) {
      return Optional.empty();
    }
    Entry e = entries.get(userId);
    if (e == null || e.expiresAtMillis() <= clock.millis()) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(e.secret(), secret(userId, password)) ? Optional.of(e.identity()) : Optional.empty();
  }

  /** Remembers a login the identity service has just verified. */
  public void remember(String userId, String password, Identity identity) {
    if (ttlMillis <= 0) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(userId, new Entry(secret(userId, password), identity, clock.millis() + ttlMillis));
  }

  /** Forgets a user's login (a wrong password was given for the user). */
  public void forget(String userId) {
    entries.remove(userId);
  }

  private byte[] secret(String userId, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      digest.update(userId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(password.getBytes(StandardCharsets.UTF_8));
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
