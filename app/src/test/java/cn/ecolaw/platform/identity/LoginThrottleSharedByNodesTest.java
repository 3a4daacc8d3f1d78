package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Rule: with several nodes on one database, an attacker spreading his wrong passwords over the nodes is counted once
 * (issue 8, part 6, for the cluster of issue 14): two throttles with the database store (table {@code login_failure},
 * the V280 migration) on one H2 database share the count, the block and the reset. With the memory store each node
 * would let him try five times.
 */
class LoginThrottleSharedByNodesTest {

  static final String SOURCE = "203.0.113.7";

  private Instant now = Instant.parse("2026-11-29T08:00:00Z");
  private final Clock clock = new Clock() {
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
  };

  private JdbcDataSource database;
  private LoginThrottle nodeA;
  private LoginThrottle nodeB;

  @BeforeEach
  void twoNodesOnOneDatabase() {
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V280__login_failure.sql")).execute(database);
    nodeA = node();
    nodeB = node();
  }

  private LoginThrottle node() {
    LoginThrottle.Settings settings = new LoginThrottle.Settings(5, Duration.ofMinutes(5), Duration.ofHours(1),
        "database", Duration.ofMillis(100));
    return new LoginThrottle(settings, clock, new DatabaseLoginFailures(database, clock, settings.recheck()));
  }

  @Test
  void loginFailuresOnTwoNodesAreCountedOnce() {
    nodeA.failed(SOURCE, "judge1");
    nodeB.failed(SOURCE, "judge1");
    nodeA.failed(SOURCE, "Judge1");
    nodeB.failed(SOURCE, "judge1");
    assertThat(nodeA.waitSeconds(SOURCE, "judge1")).isZero();
    assertThat(nodeB.waitSeconds(SOURCE, "judge1")).isZero();

    nodeA.failed(SOURCE, "judge1"); // the fifth, on either node: one second
    now = now.plusMillis(200); // past node B's recheck interval (100 ms here, 1 s by default)
    assertThat(nodeB.waitSeconds(SOURCE, "judge1")).as("node B sees node A's block").isEqualTo(1);
    assertThat(nodeA.waitSeconds(SOURCE, "judge1")).isEqualTo(1);
    assertThat(nodeB.waitSeconds("198.51.100.2", "judge1")).as("the real user elsewhere").isZero();

    now = now.plusSeconds(2);
    nodeB.failed(SOURCE, "judge1"); // the sixth: two seconds, whichever node sees it
    assertThat(nodeB.waitSeconds(SOURCE, "judge1")).isEqualTo(2);
    now = now.plusMillis(200);
    assertThat(nodeA.waitSeconds(SOURCE, "judge1")).as("node A sees node B's count").isEqualTo(2);
    assertThat(new JdbcTemplate(database).queryForObject(
        "SELECT failures FROM login_failure WHERE source = ? AND user_key = 'judge1'", Integer.class, SOURCE))
        .isEqualTo(6);
  }

  @Test
  void aSuccessOnOneNodeForgetsTheFailuresOnEvery() {
    for (int i = 0; i < 4; i++) {
      nodeA.failed(SOURCE, "judge1");
    }
    nodeB.succeeded(SOURCE, "judge1");
    nodeA.failed(SOURCE, "judge1");
    assertThat(nodeA.waitSeconds(SOURCE, "judge1")).as("counting starts again").isZero();
  }

  @Test
  void anAdministratorsResetReachesEveryNode() {
    for (int i = 0; i < 5; i++) {
      nodeA.failed(SOURCE, "judge1");
    }
    nodeB.forget("judge1");
    now = now.plusMillis(200);
    assertThat(nodeA.waitSeconds(SOURCE, "judge1")).isZero();
  }

  @Test
  void parallelFailuresOnTwoNodesAllCount() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 20; i++) {
      LoginThrottle node = i % 2 == 0 ? nodeA : nodeB;
      pool.submit(() -> {
        start.await();
        node.failed(SOURCE, "legal1");
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(new JdbcTemplate(database).queryForObject(
        "SELECT failures FROM login_failure WHERE source = ? AND user_key = 'legal1'", Integer.class, SOURCE))
        .isEqualTo(20);
  }

  @Test
  void theMemoryStoreOfOneNodeDoesNotSeeTheOther() {
    LoginThrottle.Settings settings = new LoginThrottle.Settings(5, Duration.ofMinutes(5), Duration.ofHours(1));
    LoginThrottle a = new LoginThrottle(settings, clock);
    LoginThrottle b = new LoginThrottle(settings, clock);
    for (int i = 0; i < 5; i++) {
      a.failed(SOURCE, "judge1");
    }
    assertThat(a.waitSeconds(SOURCE, "judge1")).isPositive();
    assertThat(b.waitSeconds(SOURCE, "judge1")).as("why the cluster needs the database store").isZero();
  }
}
