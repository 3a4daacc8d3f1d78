package cn.ecolaw.platform.search;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.ecolaw.platform.shared.ClusterLocks;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ships the outbox to Elasticsearch in bulk, every {@code platform.search.ship-interval} (200 ms): the changed
 * instances are read from the database and written to the index, then their rows are deleted. When Elasticsearch
 * fails, the rows stay and the shipper tries again after {@code retry-interval}: the index catches up by itself,
 * nothing is lost. Runs only when search is configured.
 *
 * <p>Several nodes (issue 14): every node runs a shipper, but one batch is shipped by one node at a time — a batch
 * is read, indexed and deleted in one transaction that holds the cluster lock {@value #LOCK}
 * ({@link ClusterLocks#tryTransactionLock}); a node that does not get it waits for its next turn. So two nodes
 * never index the same instance at once (an older read could otherwise overwrite a newer one in the index), and
 * when a node dies mid-batch its transaction rolls back, the lock goes with its session, and another node ships
 * the rows.
 */
@Component
public class OutboxShipper implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxShipper.class);
  static final String LOCK = "search-outbox";

  private final Outbox outbox;
  private final CaseIndexer indexer;
  private final SearchProperties properties;
  private final ClusterLocks locks;
  private final TransactionTemplate transactions;
  private volatile ScheduledExecutorService executor;
  private volatile boolean healthy = true;
  private volatile Instant lastShipped;
  private volatile String lastError;

  public OutboxShipper(Outbox outbox, CaseIndexer indexer, SearchProperties properties, ClusterLocks locks,
      PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    this.indexer = indexer;
    this.properties = properties;
    this.locks = locks;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void start() {
    if (!properties.enabled() || executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "search-outbox-shipper");
      t.setDaemon(true);
      return t;
    });
    executor.schedule(this::loop, properties.shipInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void loop() {
    long delay = properties.shipInterval().toMillis();
    try {
      while (shipOnce() >= properties.batchSize()) {
        // a full batch: more are waiting
      }
      if (!healthy) {
        LOG.info("search index reachable again: the outbox is shipped");
      }
      healthy = true;
      lastError = null;
    } catch (Exception e) {
      if (healthy) {
        LOG.warn("search index unreachable, outbox kept for later: {}", e.toString());
      }
      healthy = false;
      lastError = e.toString();
      delay = properties.retryInterval().toMillis();
    } finally {
      ScheduledExecutorService ex = executor;
      if (ex != null && !ex.isShutdown()) {
        ex.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
      }
    }
  }

  /**
   * Ships one batch; returns the number of outbox rows it took (0 also when another node is shipping: it ships
   * them).
   */
  public int shipOnce() throws Exception {
    try {
      Integer n = transactions.execute(status -> {
        if (!locks.tryTransactionLock(LOCK)) {
          return 0;
        }
        try {
          return shipBatch();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new ShipFailed(e);
        }
      });
      return n == null ? 0 : n;
    } catch (ShipFailed e) {
      throw (Exception) e.getCause();
    }
  }

  /** A checked failure carried out of the transaction callback (which rolls back on it). */
  private static final class ShipFailed extends RuntimeException {
    ShipFailed(Exception cause) {
      super(cause);
    }
  }

  private int shipBatch() throws Exception {
    List<Outbox.Row> rows = outbox.next(properties.batchSize());
    if (rows.isEmpty()) {
      return 0;
    }
    long began = System.nanoTime();
    int written = indexer.index(rows.stream().map(Outbox.Row::processInstanceId).distinct().toList());
    outbox.shipped(rows);
    lastShipped = Instant.now();
    LOG.debug("shipped {} outbox rows as {} documents in {} ms", rows.size(), written,
        (System.nanoTime() - began) / 1_000_000);
    return rows.size();
  }

  /** Whether the last attempt reached Elasticsearch. */
  public boolean healthy() {
    return healthy;
  }

  public String lastError() {
    return lastError;
  }

  public Instant lastShipped() {
    return lastShipped;
  }

  @Override
  public void stop() {
    ScheduledExecutorService ex = executor;
    executor = null;
    if (ex != null) {
      ex.shutdownNow();
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100; // after the engine has started, stopped before it
  }
}
