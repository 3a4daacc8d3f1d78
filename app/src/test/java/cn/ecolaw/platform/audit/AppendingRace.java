package cn.ecolaw.platform.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Three threads append to one case's trail while the caller verifies it over and over; the appenders stop when the
 * verifications are done. Shared by the H2 test and the PostgreSQL IT of "verification while appending".
 */
final class AppendingRace {

  static final int THREADS = 3;
  static final int VERIFICATIONS = 60;
  static final int MAX_PER_THREAD = 150;

  /** The verifications seen, in order, and how many entries the case has at the end. */
  record Outcome(List<TrailVerification> seen, int appended) {}

  private AppendingRace() {}

  static Outcome run(AuditTrail trail, String caseNo, Supplier<TrailVerification> verify) throws Exception {
    trail.append(record(caseNo, "user0", null));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicBoolean verifying = new AtomicBoolean(true);
    AtomicInteger appended = new AtomicInteger(1);
    List<Future<?>> appenders = new ArrayList<>();
    List<TrailVerification> seen = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        String user = "user" + t;
        appenders.add(pool.submit(() -> {
          for (int i = 0; i < MAX_PER_THREAD && verifying.get(); i++) {
            trail.append(record(caseNo, user, "{\"n\":" + i + "}"));
            appended.incrementAndGet();
          }
          return null;
        }));
      }
      for (int i = 0; i < VERIFICATIONS; i++) {
        seen.add(verify.get());
      }
      verifying.set(false);
      for (Future<?> f : appenders) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      verifying.set(false);
      pool.shutdownNow();
    }
    return new Outcome(seen, appended.get());
  }

  private static TrailRecord record(String caseNo, String user, String details) {
    return new TrailRecord(caseNo, LocalDateTime.now().withNano(0), new Actor(user, null, "test"),
        AuditAction.CASE_VIEWED, caseNo, details, null, null);
  }
}
