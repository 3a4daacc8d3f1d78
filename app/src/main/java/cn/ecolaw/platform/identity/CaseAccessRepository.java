package cn.ecolaw.platform.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The case_access table: which unit may see which case, since when and why (written in the engine's transaction). */
@Repository
public class CaseAccessRepository {

  public record Grant(String caseNo, String unit, Instant grantedAt, String reason) {}

  private final JdbcTemplate jdbc;

  public CaseAccessRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the grant; a unit that already has access keeps its first grant. Returns true when it is new. */
  public boolean insert(String caseNo, String unit, String reason) {
    if (has(caseNo, unit)) {
      return false;
    }
    try {
      jdbc.update("INSERT INTO case_access (case_no, unit, granted_at, reason) VALUES (?,?,?,?)",
          caseNo, unit, Timestamp.from(Instant.now()), reason);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public boolean has(String caseNo, String unit) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_access WHERE case_no = ? AND unit = ?",
        Integer.class, caseNo, unit);
    return n != null && n > 0;
  }

  public List<String> unitsOf(String caseNo) {
    return jdbc.queryForList("SELECT unit FROM case_access WHERE case_no = ? ORDER BY granted_at, unit",
        String.class, caseNo);
  }

  public List<Grant> grantsOf(String caseNo) {
    return jdbc.query("SELECT * FROM case_access WHERE case_no = ? ORDER BY granted_at, unit",
        (rs, i) -> new Grant(rs.getString("case_no"), rs.getString("unit"),
            rs.getTimestamp("granted_at").toInstant(), rs.getString("reason")), caseNo);
  }

  /** True when any of the units may see the case. */
  public boolean anyOf(String caseNo, Collection<String> units) {
    return !units.isEmpty() && unitsOf(caseNo).stream().anyMatch(units::contains);
  }
}
