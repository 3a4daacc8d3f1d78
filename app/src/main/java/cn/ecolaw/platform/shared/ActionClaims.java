package cn.ecolaw.platform.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims on actions that may run only once at a time for their subject (table {@code action_claim}): the primary key
 * decides between parallel requests, in the caller's transaction, so that a refused or rolled-back action leaves no
 * claim behind. A claim whose holder has ended ({@code stillHeld} false) is taken over by compare-and-set.
 */
@Component
public class ActionClaims {

  private final JdbcTemplate jdbc;

  public ActionClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims {@code (action, subject)} for {@code holder}; false when another holder still holds it or a parallel
   * request claimed it first.
   */
  public boolean claim(String action, String subject, String holder, Predicate<String> stillHeld) {
    List<String> current = jdbc.queryForList("SELECT holder FROM action_claim WHERE action = ? AND subject = ?",
        String.class, action, subject);
    Timestamp now = Timestamp.from(Instant.now());
    if (current.isEmpty()) {
      try {
        jdbc.update("INSERT INTO action_claim (action, subject, holder, claimed_at) VALUES (?,?,?,?)",
            action, subject, holder, now);
        return true;
      } catch (DuplicateKeyException | TransientDataAccessException e) {
        // claimed, or (H2) being claimed, by a parallel request
        return false;
      }
    }
    String previous = current.get(0);
    if (previous.equals(holder)) {
      return true;
    }
    if (stillHeld.test(previous)) {
      return false;
    }
    try {
      return jdbc.update(
          "UPDATE action_claim SET holder = ?, claimed_at = ? WHERE action = ? AND subject = ? AND holder = ?",
          holder, now, action, subject, previous) == 1;
    } catch (TransientDataAccessException e) {
      return false;
    }
  }

  /** Whether a process instance is still running (read from the engine's table, whoever the current user is). */
  public boolean processRunning(String processInstanceId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = ?", Integer.class,
        processInstanceId);
    return n != null && n > 0;
  }
}
