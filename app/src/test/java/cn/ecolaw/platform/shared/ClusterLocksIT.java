package cn.ecolaw.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.support.PostgresIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster's locks on PostgreSQL (issue 14), each node played by a {@link ClusterLocks} of its own on the same
 * database: what one node holds the others do not get, and what a dead node held is free again.
 */
@PostgresIntegrationTest
class ClusterLocksIT {

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  ClusterLocks locks;

  private ClusterLocks node(String name, Duration startupWait) {
    return new ClusterLocks(dataSource, jdbc, name, startupWait);
  }

  @Test
  void theRunningNodeHasReleasedTheStartupLockOnceReady() {
    assertThat(locks.clustered()).isTrue();
    assertThat(locks.holdsStartupLock()).isFalse();
    ClusterLocks other = node("node-x", Duration.ofSeconds(5));
    other.holdStartupLock();
    assertThat(other.holdsStartupLock()).isTrue();
    other.releaseStartupLock();
  }

  @Test
  void aNodeStartingWhileAnotherStartsWaitsForItAndGivesUpAfterTheConfiguredWait() {
    ClusterLocks first = node("node-1", Duration.ofSeconds(5));
    ClusterLocks second = node("node-2", Duration.ofMillis(700));
    first.holdStartupLock();
    try {
      assertThatThrownBy(second::holdStartupLock).hasMessageContaining("节点 node-2 等待启动锁超过");
      assertThat(second.holdsStartupLock()).isFalse();
    } finally {
      first.releaseStartupLock();
    }
    second.holdStartupLock();
    assertThat(second.holdsStartupLock()).isTrue();
    second.releaseStartupLock();
  }

  @Test
  void theStartupLockOfANodeThatDiedIsFreeAtOnce() throws Exception {
    try (Connection dying = cn.ecolaw.platform.support.PostgresTestSupport.connect();
        Statement s = dying.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + ClusterLocks.key(ClusterLocks.STARTUP) + ")");
      // the node dies: its session ends (PostgreSQL terminates it as it would a killed node's)
      jdbc.queryForList("SELECT pg_terminate_backend(" + pid(dying) + ")");
    }
    ClusterLocks next = node("node-next", Duration.ofSeconds(10));
    next.holdStartupLock();
    assertThat(next.holdsStartupLock()).isTrue();
    next.releaseStartupLock();
  }

  @Test
  void oneNodeAtATimeShipsTheSearchOutbox() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean firstGot = new AtomicBoolean();
    Thread first = new Thread(() -> new TransactionTemplate(transactionManager).executeWithoutResult(t -> {
      firstGot.set(node("node-1", Duration.ofSeconds(1)).tryTransactionLock("search-outbox"));
      held.countDown();
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    first.start();
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    ClusterLocks second = node("node-2", Duration.ofSeconds(1));
    try {
      assertThat(firstGot).isTrue();
      assertThat(tx.<Boolean>execute(t -> second.tryTransactionLock("search-outbox"))).as("while node-1 ships").isFalse();
      assertThat(tx.<Boolean>execute(t -> second.tryTransactionLock("search-reindex"))).as("another lock").isTrue();
    } finally {
      done.countDown();
      first.join();
    }
    assertThat(tx.<Boolean>execute(t -> second.tryTransactionLock("search-outbox"))).as("after node-1's commit").isTrue();
    assertThatThrownBy(() -> second.tryTransactionLock("search-outbox")).hasMessageContaining("transaction");
  }

  @Test
  void oneNodeAtATimeRebuildsTheSearchIndex() {
    ClusterLocks first = node("node-1", Duration.ofSeconds(1));
    ClusterLocks second = node("node-2", Duration.ofSeconds(1));
    Optional<ClusterLocks.Held> rebuilding = first.trySessionLock("search-reindex");
    assertThat(rebuilding).isPresent();
    try {
      assertThat(second.trySessionLock("search-reindex")).as("while node-1 rebuilds").isEmpty();
    } finally {
      rebuilding.get().close();
    }
    Optional<ClusterLocks.Held> after = second.trySessionLock("search-reindex");
    assertThat(after).isPresent();
    after.get().close();
  }

  private static int pid(Connection c) throws Exception {
    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
