package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.discretion.ViolationTypes;
import cn.ecolaw.platform.shared.PlatformException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Replays a draft of the discretion benchmark over the recorded discretion inputs of past cases (table
 * {@code discretion_record}, every record the platform holds; region from the case file) and counts what would
 * change: outcomes, fines up and down and by how much, per violation type and region, with the affected cases.
 * The records are streamed, not loaded at once.
 */
@Component
public class WhatIf {

  /** The affected cases listed in one answer (the counts cover all). */
  static final int MAX_CASES = 1000;
  static final String NO_REGION = "（未登记）";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Records per batch handed to an evaluator thread (and the fetch size). */
  static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final ObjectReader json;
  private final int threads;

  /**
   * {@code platform.workbench.what-if-threads}: the evaluator threads of a replay, 0 (default) = the available
   * processors; 1 evaluates in the calling thread.
   */
  @Autowired
  public WhatIf(JdbcTemplate jdbc, ObjectMapper json,
      @Value("${platform.workbench.what-if-threads:0}") int threads) {
    this.jdbc = jdbc;
    this.json = json.readerFor(MAP);
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public WhatIf(JdbcTemplate jdbc, ObjectMapper json) {
    this(jdbc, json, 0);
  }

  /** Filters: recorded from/to (inclusive days), region, violation type; null means any. */
  public record Filter(LocalDate from, LocalDate to, String region, String violationType) {

    public Filter {
      if (from != null && to != null && from.isAfter(to)) {
        throw PlatformException.badRequest("WB-011", "回放期间的开始日期不能晚于结束日期");
      }
      if (violationType != null && !violationType.isBlank() && !ViolationTypes.isKnown(violationType)) {
        throw PlatformException.badRequest("WB-011", "未知的违法行为类型：" + violationType);
      }
      if (region != null && region.length() > 200) {
        throw PlatformException.badRequest("WB-011", "行政区划超过200字");
      }
      region = region == null || region.isBlank() ? null : region.trim();
      violationType = violationType == null || violationType.isBlank() ? null : violationType.trim();
    }

    public static Filter none() {
      return new Filter(null, null, null, null);
    }
  }

  public static final class Group {
    public int evaluated;
    public int changed;
    public int up;
    public int down;
    public BigDecimal totalIncrease = BigDecimal.ZERO;
    public BigDecimal totalDecrease = BigDecimal.ZERO;
    public String label;

    void add(Case c) {
      evaluated++;
      if (c == null) {
        return;
      }
      changed++;
      int s = c.delta().signum();
      if (s > 0) {
        up++;
        totalIncrease = totalIncrease.add(c.delta());
      } else if (s < 0) {
        down++;
        totalDecrease = totalDecrease.add(c.delta().negate());
      }
    }

    void merge(Group other) {
      evaluated += other.evaluated;
      changed += other.changed;
      up += other.up;
      down += other.down;
      totalIncrease = totalIncrease.add(other.totalIncrease);
      totalDecrease = totalDecrease.add(other.totalDecrease);
    }
  }

  public record Case(long recordId, String caseNo, String region, String violationType, String violationTypeName,
      String recordedVersion, String oldOutcome, BigDecimal oldFine, String newOutcome, BigDecimal newFine,
      BigDecimal delta) {}

  public record Result(int evaluated, int changed, int up, int down, BigDecimal totalIncrease,
      BigDecimal totalDecrease, int unmatched, Map<String, Group> byType, Map<String, Group> byRegion,
      List<Case> cases, boolean casesTruncated, Filter filter) {

    /** One line for the trail. */
    public String summary() {
      return "回放" + evaluated + "件，结果改变" + changed + "件（罚款提高" + up + "件，合计" + GuardRails.yuan(totalIncrease)
          + "；降低" + down + "件，合计" + GuardRails.yuan(totalDecrease) + "；无规则命中" + unmatched + "件）";
    }
  }

  Result replay(DraftModel model, Filter filter) {
    return replay(model, filter, threads);
  }

  /**
   * The replay on {@code threads} evaluator threads (1: in the calling thread). The caller streams the rows in id
   * order and hands batches to the evaluators through a bounded queue; each evaluator counts its own share, and the
   * shares are merged: the same counts and the same first {@link #MAX_CASES} affected cases in id order whatever the
   * number of threads. A failure of an evaluator ends the replay with it; an interrupt ends it with WB-016.
   */
  Result replay(DraftModel model, Filter filter, int threads) {
    if (!model.has(PenaltyDiscretionService.DECISION_KEY)) {
      throw PlatformException.badRequest("WB-012", "案件回放只适用于裁量基准（penalty-discretion）的草稿");
    }
    StringBuilder sql = new StringBuilder("SELECT r.id, r.case_no, r.decision_version, r.inputs_json, r.outcome,"
        + " r.fine_amount, c.region FROM discretion_record r LEFT JOIN case_file c ON c.case_no = r.case_no"
        + " WHERE r.decision_key = ?");
    List<Object> args = new ArrayList<>();
    args.add(PenaltyDiscretionService.DECISION_KEY);
    if (filter.from() != null) {
      sql.append(" AND r.recorded_at >= ?");
      args.add(Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
    }
    if (filter.to() != null) {
      sql.append(" AND r.recorded_at < ?");
      args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
    }
    if (filter.region() != null) {
      sql.append(" AND c.region = ?");
      args.add(filter.region());
    }
    sql.append(" ORDER BY r.id");
    PreparedStatementCreator query = connection -> {
      PreparedStatement ps = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(BATCH);
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      return ps;
    };
    Share total = threads <= 1 ? inOneThread(model, filter, query) : inParallel(model, filter, query, threads);
    return total.result(filter);
  }

  private Share inOneThread(DraftModel model, Filter filter, PreparedStatementCreator query) {
    Share share = new Share();
    stream(query, rs -> share.add(evaluate(model, filter, Row.of(rs))));
    return share;
  }

  private Share inParallel(DraftModel model, Filter filter, PreparedStatementCreator query, int threads) {
    AtomicInteger number = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "what-if-" + number.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(threads * 2);
    try {
      List<Future<Share>> evaluators = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        evaluators.add(pool.submit(() -> {
          Share share = new Share();
          for (List<Row> batch = queue.take(); batch != END; batch = queue.take()) {
            for (Row row : batch) {
              if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
              }
              share.add(evaluate(model, filter, row));
            }
          }
          return share;
        }));
      }
      List<List<Row>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
      stream(query, rs -> {
        batch.get(0).add(Row.of(rs));
        if (batch.get(0).size() == BATCH) {
          hand(queue, batch.set(0, new ArrayList<>(BATCH)), evaluators);
        }
      });
      if (!batch.get(0).isEmpty()) {
        hand(queue, batch.get(0), evaluators);
      }
      for (int t = 0; t < threads; t++) {
        hand(queue, END, evaluators);
      }
      Share total = new Share();
      for (Future<Share> evaluator : evaluators) {
        total.merge(evaluator.get());
      }
      return total;
    } catch (Interrupted e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    } catch (ExecutionException e) {
      throw failure(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads the rows one by one. Outside a transaction the connection is switched to manual commit for the read (and
   * back), so that PostgreSQL's driver honours the fetch size (a cursor) instead of loading every row at once.
   */
  private void stream(PreparedStatementCreator query, RowCallbackHandler each) {
    jdbc.execute((ConnectionCallback<Void>) connection -> {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try (PreparedStatement ps = query.createPreparedStatement(connection); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          each.processRow(rs);
        }
      } finally {
        if (autoCommit) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      }
      return null;
    });
  }

  /** Waits for room in the queue, ending the replay early when an evaluator has failed. */
  private static void hand(BlockingQueue<List<Row>> queue, List<Row> batch, List<Future<Share>> evaluators) {
    try {
      while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
        for (Future<Share> evaluator : evaluators) {
          if (evaluator.isDone()) {
            evaluator.get();
            throw new IllegalStateException("案件回放的计算线程提前结束");
          }
        }
      }
    } catch (InterruptedException e) {
      throw new Interrupted();
    } catch (ExecutionException e) {
      throw failure(e);
    }
  }

  private static RuntimeException failure(ExecutionException e) {
    if (e.getCause() instanceof InterruptedException) {
      return interrupted();
    }
    if (e.getCause() instanceof RuntimeException r) {
      return r;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("案件回放失败：" + e.getCause(), e.getCause());
  }

  private static PlatformException interrupted() {
    return PlatformException.conflict("WB-016", "案件回放被中断（服务正在停止），请稍后重试");
  }

  /** Thrown out of the row callback when the reading thread is interrupted. */
  private static final class Interrupted extends RuntimeException {
    Interrupted() {
      super(null, null, false, false);
    }
  }

  /** The end of the rows, one per evaluator. */
  private static final List<Row> END = List.of();

  /** One record as read. */
  private record Row(long id, String caseNo, int version, String inputsJson, String outcome, BigDecimal fine,
      String region) {

    static Row of(ResultSet rs) throws SQLException {
      return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
          rs.getBigDecimal(6), rs.getString(7));
    }
  }

  /** What one record contributes: skipped (filtered out), unchanged or changed. */
  private record Outcome(String type, String region, Case changed) {}

  private static final Outcome SKIPPED = new Outcome(null, null, null);

  private Outcome evaluate(DraftModel model, Filter filter, Row rs) {
    Map<String, Object> inputs = read(rs.inputsJson());
    String type = inputs.get("violationType") == null ? "" : inputs.get("violationType").toString();
    if (filter.violationType() != null && !filter.violationType().equals(type)) {
      return SKIPPED;
    }
    String region = rs.region() == null ? NO_REGION : rs.region();
    String oldOutcome = rs.outcome();
    BigDecimal oldFine = rs.fine();
    String newOutcome = null;
    BigDecimal newFine = null;
    try {
      Map<String, Object> row = model.evaluate(PenaltyDiscretionService.DECISION_KEY, inputs);
      if (row != null && row.get("fineAmount") != null) {
        newOutcome = String.valueOf(row.get("outcome"));
        newFine = new BigDecimal(row.get("fineAmount").toString());
      }
    } catch (RuntimeException e) {
      newOutcome = null;
    }
    Case changed = null;
    if (newFine == null) {
      changed = new Case(rs.id(), rs.caseNo(), region, type, ViolationTypes.name(type), "v" + rs.version(),
          oldOutcome, oldFine, null, null, BigDecimal.ZERO);
    } else if (!newOutcome.equals(oldOutcome) || newFine.compareTo(oldFine) != 0) {
      changed = new Case(rs.id(), rs.caseNo(), region, type, ViolationTypes.name(type), "v" + rs.version(),
          oldOutcome, oldFine, newOutcome, newFine, newFine.subtract(oldFine).stripTrailingZeros());
    }
    return new Outcome(type, region, changed);
  }

  /** The counts over the records one thread evaluated (the records in id order within it). */
  private static final class Share {
    final Group all = new Group();
    int unmatched;
    final Map<String, Group> byType = new TreeMap<>();
    final Map<String, Group> byRegion = new TreeMap<>();
    List<Case> cases = new ArrayList<>();

    void add(Outcome o) {
      if (o == SKIPPED) {
        return;
      }
      Case changed = o.changed();
      if (changed != null && changed.newFine() == null) {
        unmatched++;
      }
      all.add(changed);
      group(byType, o.type(), ViolationTypes.name(o.type())).add(changed);
      group(byRegion, o.region(), o.region()).add(changed);
      if (changed != null && cases.size() < MAX_CASES) {
        cases.add(changed);
      }
    }

    void merge(Share other) {
      all.merge(other.all);
      unmatched += other.unmatched;
      other.byType.forEach((k, g) -> group(byType, k, g.label).merge(g));
      other.byRegion.forEach((k, g) -> group(byRegion, k, g.label).merge(g));
      List<Case> both = new ArrayList<>(cases);
      both.addAll(other.cases);
      both.sort(Comparator.comparingLong(Case::recordId));
      cases = both.size() > MAX_CASES ? new ArrayList<>(both.subList(0, MAX_CASES)) : both;
    }

    Result result(Filter filter) {
      return new Result(all.evaluated, all.changed, all.up, all.down, all.totalIncrease, all.totalDecrease,
          unmatched, byType, byRegion, cases, all.changed > cases.size(), filter);
    }
  }

  private static Group group(Map<String, Group> groups, String key, String label) {
    return groups.computeIfAbsent(key, k -> {
      Group g = new Group();
      g.label = label;
      return g;
    });
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text);
    } catch (IOException e) {
      return new LinkedHashMap<>();
    }
  }
}
