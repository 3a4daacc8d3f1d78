package cn.ecolaw.platform.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the SQL statements the test database (H2) executes, by statement text, with H2's own query statistics:
 * {@code try (SqlCounts sql = SqlCounts.start(jdbc)) { ...; sql.executions("INSERT INTO audit_entry%"); }}.
 * Database-wide: run nothing else meanwhile that sends the same statements.
 */
public final class SqlCounts implements AutoCloseable {

  private final JdbcTemplate jdbc;

  private SqlCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Starts counting from zero. */
  public static SqlCounts start(JdbcTemplate jdbc) {
    jdbc.execute("SET QUERY_STATISTICS FALSE"); // clears what was counted before
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    return new SqlCounts(jdbc);
  }

  /** How many times statements whose text is LIKE the pattern (case-insensitive) were executed since the start. */
  public long executions(String likePattern) {
    Long n = jdbc.queryForObject("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
        + " WHERE UPPER(SQL_STATEMENT) LIKE UPPER(?)", Long.class, likePattern);
    return n == null ? 0 : n;
  }

  @Override
  public void close() {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
  }
}
