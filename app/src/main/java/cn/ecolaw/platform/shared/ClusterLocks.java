package cn.ecolaw.platform.shared;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Several application nodes on one PostgreSQL (issue 14): what must happen on one node at a time is serialised by
 * PostgreSQL advisory locks, which die with the node's database session, so a node killed while holding one never
 * blocks the others.
 *
 * <ul>
 *   <li>the startup lock ({@link #holdStartupLock}, session level, on a connection of its own): from the moment the
 *       process engine starts to build (schema creation or update, deployments, the administrator user) until the
 *       application is ready (the standing authorizations, the audit seal, demo data), so that nodes started at the
 *       same moment do their start-up writes one after another instead of tripping over each other's unique keys;
 *   <li>transaction locks ({@link #tryTransactionLock}): background work that one node at a time does (shipping the
 *       search outbox); released when the transaction ends, however it ends;
 *   <li>session locks ({@link #trySessionLock}): longer work that one node at a time does (rebuilding the search
 *       index), held until the caller closes it.
 * </ul>
 *
 * <p>On any other database (the H2 file database, which serves one node only) both are no-ops. Locks are named;
 * the key is the first 64 bits of SHA-256 of {@code "ecocase:" + name}.
 */
@Component
public class ClusterLocks implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterLocks.class);

  public static final String STARTUP = "startup";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final String nodeName;
  private final Duration startupWait;
  private volatile Boolean postgres;
  private Connection startupConnection;

  public ClusterLocks(DataSource dataSource, JdbcTemplate jdbc,
      @Value("${platform.cluster.node-name:}") String nodeName,
      @Value("${platform.cluster.startup-lock-wait:10m}") Duration startupWait) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.nodeName = nodeName == null || nodeName.isBlank() ? defaultNodeName() : nodeName.strip();
    this.startupWait = startupWait;
  }

  /** This node's name ({@code platform.cluster.node-name}, default host name and process id): in logs, job locks. */
  public String nodeName() {
    return nodeName;
  }

  /** Whether the database is PostgreSQL (locks are real) rather than a single node's H2. */
  public boolean clustered() {
    Boolean p = postgres;
    if (p == null) {
      try (Connection c = dataSource.getConnection()) {
        p = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
      } catch (SQLException e) {
        throw new IllegalStateException("数据库不可用：" + e.getMessage(), e);
      }
      postgres = p;
    }
    return p;
  }

  /**
   * Takes the named lock for the current transaction without waiting: false when another node (or thread) holds
   * it. Must be called inside a transaction; always true on a single-node database.
   */
  public boolean tryTransactionLock(String name) {
    if (!clustered()) {
      return true;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("tryTransactionLock needs a transaction");
    }
    Boolean got = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, key(name));
    return Boolean.TRUE.equals(got);
  }

  /**
   * Takes the startup lock on a connection of its own, waiting while another node starts (at most
   * {@code platform.cluster.startup-lock-wait}, then the start fails). Idempotent.
   */
  public synchronized void holdStartupLock() {
    if (startupConnection != null || !clustered()) {
      return;
    }
    long began = System.nanoTime();
    long deadline = began + startupWait.toNanos();
    boolean told = false;
    try {
      Connection c = dataSource.getConnection();
      try {
        c.setAutoCommit(true);
        while (!tryLock(c, key(STARTUP))) {
          if (!told) {
            LOG.info("节点 {}：另一节点正在启动（启动锁），等待其完成后再启动流程引擎", nodeName);
            told = true;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("节点 " + nodeName + " 等待启动锁超过 " + startupWait
                + "：另一节点的启动没有结束（platform.cluster.startup-lock-wait）");
          }
          Thread.sleep(250);
        }
      } catch (RuntimeException | SQLException | InterruptedException e) {
        c.close();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw e;
      }
      startupConnection = c;
      LOG.info("节点 {} 取得启动锁（等待 {} ms）", nodeName, (System.nanoTime() - began) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("启动锁无法取得：" + e.getMessage(), e);
    } catch (InterruptedException e) {
      throw new IllegalStateException("等待启动锁时被中断", e);
    }
  }

  /** A session-level lock held on a connection of its own; closing it releases the lock. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes the named lock for as long as the caller holds it (a long piece of background work: a search index
   * rebuild), on a connection of its own, without waiting: empty when another node holds it. On a single-node
   * database always granted.
   */
  public java.util.Optional<Held> trySessionLock(String name) {
    if (!clustered()) {
      return java.util.Optional.of(() -> { });
    }
    try {
      Connection c = dataSource.getConnection();
      try {
        c.setAutoCommit(true);
        if (!tryLock(c, key(name))) {
          c.close();
          return java.util.Optional.empty();
        }
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
      return java.util.Optional.of(() -> {
        try (c; PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          s.setLong(1, key(name));
          s.execute();
        } catch (SQLException e) {
          LOG.warn("锁 {} 释放失败（会话关闭时自动释放）：{}", name, e.toString());
        }
      });
    } catch (SQLException e) {
      throw new IllegalStateException("数据库不可用：" + e.getMessage(), e);
    }
  }

  /** Releases the startup lock (when the application is ready, or fails, or closes). Idempotent. */
  public synchronized void releaseStartupLock() {
    Connection c = startupConnection;
    startupConnection = null;
    if (c == null) {
      return;
    }
    try (c) {
      try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        s.setLong(1, key(STARTUP));
        s.execute();
      }
      LOG.info("节点 {} 启动完成，释放启动锁", nodeName);
    } catch (SQLException e) {
      // closing the session releases the lock as well
      LOG.warn("启动锁释放失败（会话关闭时自动释放）：{}", e.toString());
    }
  }

  /** Whether this node holds the startup lock now. */
  public synchronized boolean holdsStartupLock() {
    return startupConnection != null;
  }

  @Override
  public void destroy() {
    releaseStartupLock();
  }

  private static boolean tryLock(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The advisory lock key of a name: the first 64 bits of SHA-256("ecocase:" + name). */
  public static long key(String name) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(("ecocase:" + name).getBytes(StandardCharsets.UTF_8));
      long k = 0;
      for (int i = 0; i < 8; i++) {
        k = (k << 8) | (d[i] & 0xff);
      }
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String defaultNodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    String jvm = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    return host + "-" + jvm.split("@")[0];
  }
}
