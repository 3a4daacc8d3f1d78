package cn.ecolaw.platform.search;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rows of {@code search_outbox} (written by {@code engine.SearchOutboxPlugin} in the engine's transactions). */
@Component
public class Outbox {

  /** One changed process instance, in the order of the changes. */
  public record Row(long id, String processInstanceId) {}

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Row> next(int limit) {
    return jdbc.query("SELECT id, process_instance_id FROM search_outbox ORDER BY id FETCH FIRST " + limit
        + " ROWS ONLY", (rs, i) -> new Row(rs.getLong(1), rs.getString(2)));
  }

  /** Removes shipped rows. */
  public void shipped(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("DELETE FROM search_outbox WHERE id = ?", rows.stream().map(r -> new Object[] {r.id()}).toList());
  }

  public long pending() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM search_outbox", Long.class);
    return n == null ? 0 : n;
  }

  /** When the oldest row still waiting to be shipped was queued; empty when the outbox is empty (issue 14: lag). */
  public java.util.Optional<java.time.Instant> oldestQueuedAt() {
    List<java.sql.Timestamp> first = jdbc.query("SELECT queued_at FROM search_outbox ORDER BY id FETCH FIRST 1 ROWS ONLY",
        (rs, i) -> rs.getTimestamp(1));
    return first.isEmpty() || first.get(0) == null ? java.util.Optional.empty()
        : java.util.Optional.of(first.get(0).toInstant());
  }

  /** Queues an instance outside the engine (a rebuild marks nothing; a repair tool may). */
  public void queue(String processInstanceId) {
    jdbc.update("INSERT INTO search_outbox (process_instance_id, queued_at) VALUES (?, CURRENT_TIMESTAMP)",
        processInstanceId);
  }
}
