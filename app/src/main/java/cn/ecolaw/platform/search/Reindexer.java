package cn.ecolaw.platform.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.ecolaw.platform.shared.ClusterLocks;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the whole index from the database: every process instance in the history, in pages, written in bulk;
 * then the documents of instances that no longer exist are deleted (those not written since the rebuild began).
 * One rebuild at a time, in the background, on all nodes together (the cluster lock {@value #LOCK}, held by the
 * rebuilding node for as long as it runs: a second start on any node answers SEARCH-409); {@link #progress()} tells
 * how far this node's rebuild is. The outbox keeps shipping
 * meanwhile: a change during the rebuild is written by whichever read it later.
 */
@Service
public class Reindexer {

  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);
  private static final int PAGE = 100;
  static final String LOCK = "search-reindex";

  private final HistoryService history;
  private final CaseIndexer indexer;
  private final CaseIndex index;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ClusterLocks locks;
  /** The cluster-wide claim of the running rebuild (issue 14: one rebuild on all nodes together). */
  private volatile ClusterLocks.Held claim;
  private volatile Progress progress = new Progress("IDLE", 0, 0, null, null, null, null);

  /** Where a rebuild stands: IDLE, RUNNING, DONE or FAILED; instances done of total. */
  public record Progress(String state, long total, long done, String startedBy, Instant startedAt, Instant finishedAt,
      String error) {

    public Map<String, Object> view() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("state", state);
      m.put("stateLabel", switch (state) {
        case "RUNNING" -> "重建中";
        case "DONE" -> "已完成";
        case "FAILED" -> "失败";
        default -> "未运行";
      });
      m.put("total", total);
      m.put("done", done);
      m.put("percent", total == 0 ? ("DONE".equals(state) ? 100 : 0) : Math.min(100, done * 100 / total));
      m.put("startedBy", startedBy);
      m.put("startedAt", startedAt);
      m.put("finishedAt", finishedAt);
      m.put("error", error);
      return m;
    }
  }

  public Reindexer(HistoryService history, CaseIndexer indexer, CaseIndex index, ClusterLocks locks) {
    this.history = history;
    this.indexer = indexer;
    this.index = index;
    this.locks = locks;
  }

  /** Claims the rebuild on this node and on the cluster; false when a rebuild runs here or on another node. */
  private boolean claim() {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    java.util.Optional<ClusterLocks.Held> held;
    try {
      held = locks.trySessionLock(LOCK);
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
    if (held.isEmpty()) {
      running.set(false);
      return false;
    }
    claim = held.get();
    return true;
  }

  /** Starts a rebuild in the background; false when one is running already. */
  public boolean start(String by, boolean fresh) {
    index.client(); // SEARCH-503 at once when search is off
    if (!claim()) {
      return false;
    }
    progress = new Progress("RUNNING", 0, 0, by, Instant.now(), null, null);
    Thread t = new Thread(() -> run(fresh), "search-reindex");
    t.setDaemon(true);
    t.start();
    return true;
  }

  /** Rebuilds in the calling thread (the script's and tests' way); returns the final progress. */
  public Progress runNow(String by, boolean fresh) {
    if (!claim()) {
      throw new IllegalStateException("a rebuild is running");
    }
    progress = new Progress("RUNNING", 0, 0, by, Instant.now(), null, null);
    run(fresh);
    return progress;
  }

  public Progress progress() {
    return progress;
  }

  /**
   * Deletes the documents of instances gone from the database: those not written since the rebuild began (the
   * integ-test-zip node has no delete-by-query: their ids are searched and deleted in bulk).
   */
  private void deleteStale(Instant started) throws java.io.IOException {
    for (int round = 0; round < 10_000; round++) {
      index.refresh();
      var stale = index.client().search(s -> s.index(index.name()).size(1000).source(src -> src.fetch(false))
          .query(q -> q.range(r -> r.date(x -> x.field("updatedAt").lt(started.toString())))), Void.class);
      List<String> ids = stale.hits().hits().stream().map(h -> h.id()).toList();
      if (ids.isEmpty()) {
        return;
      }
      index.write(List.of(), ids, Instant.now());
    }
  }

  private void run(boolean fresh) {
    Progress p = progress;
    Instant started = p.startedAt();
    try {
      if (fresh) {
        index.drop();
      }
      index.ensure();
      long total = history.createHistoricProcessInstanceQuery().count();
      p = new Progress("RUNNING", total, 0, p.startedBy(), started, null, null);
      progress = p;
      long done = 0;
      for (int first = 0; ; first += PAGE) {
        List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery()
            .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc().listPage(first, PAGE);
        if (page.isEmpty()) {
          break;
        }
        indexer.write(page.stream().map(HistoricProcessInstance::getId).toList());
        done += page.size();
        progress = new Progress("RUNNING", Math.max(total, done), done, p.startedBy(), started, null, null);
      }
      deleteStale(started);
      progress = new Progress("DONE", Math.max(total, done), done, p.startedBy(), started, Instant.now(), null);
      LOG.info("search index rebuilt: {} process instances", done);
    } catch (Exception e) {
      LOG.warn("search index rebuild failed", e);
      Progress last = progress;
      progress = new Progress("FAILED", last.total(), last.done(), last.startedBy(), started, Instant.now(),
          e.toString());
    } finally {
      ClusterLocks.Held held = claim;
      claim = null;
      if (held != null) {
        held.close();
      }
      running.set(false);
    }
  }

}
