package cn.ecolaw.platform.search;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ships the outbox to Elasticsearch in bulk, every {@code platform.search.ship-interval} (200 ms): the changed
 * instances are read from the database and written to the index, then their rows are deleted. When Elasticsearch
 * fails, the rows stay and the shipper tries again after {@code retry-interval}: the index catches up by itself,
 * nothing is lost. Runs only when search is configured.
 */
@Component
public class OutboxShipper implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxShipper.class);

  private final Outbox outbox;
  private final CaseIndexer indexer;
  private final SearchProperties properties;
  private volatile ScheduledExecutorService executor;
  private volatile boolean healthy = true;
  private volatile Instant lastShipped;
  private volatile String lastError;

  public OutboxShipper(Outbox outbox, CaseIndexer indexer, SearchProperties properties) {
    this.outbox = outbox;
    this.indexer = indexer;
    this.properties = properties;
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

  /** Ships one batch; returns the number of outbox rows it took. */
  public int shipOnce() throws Exception {
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
