package cn.ecolaw.platform.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The case_file table: the bureau's register of cases, written in the engine's transaction. */
@Repository
public class CaseFileRepository {

  private final JdbcTemplate jdbc;

  public CaseFileRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String caseNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_no = ?", Integer.class, caseNo);
    return n != null && n > 0;
  }

  public void insert(CaseFile c) {
    Timestamp now = Timestamp.from(c.createdAt());
    jdbc.update("""
        INSERT INTO case_file (case_no, process_instance_id, party_name, party_type, party_id, region, domain,
          violation_type, clue_source, status, outcome, created_at, updated_at)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        c.caseNo(), c.processInstanceId(), c.partyName(), c.partyType(), c.partyId(), c.region(), c.domain(),
        c.violationType(), c.clueSource(), c.status(), c.outcome(), now, now);
  }

  public void updateStatus(String caseNo, CaseStatus status) {
    jdbc.update("UPDATE case_file SET status = ?, updated_at = ? WHERE case_no = ?",
        status.name(), Timestamp.from(Instant.now()), caseNo);
  }

  public void close(String caseNo, String outcome) {
    jdbc.update("UPDATE case_file SET status = ?, outcome = ?, updated_at = ? WHERE case_no = ?",
        CaseStatus.CLOSED.name(), outcome, Timestamp.from(Instant.now()), caseNo);
  }

  public Optional<CaseFile> find(String caseNo) {
    return jdbc.query("SELECT * FROM case_file WHERE case_no = ?", this::map, caseNo).stream().findFirst();
  }

  public List<CaseFile> list(int limit) {
    return jdbc.query("SELECT * FROM case_file ORDER BY created_at DESC, case_no LIMIT ?", this::map, limit);
  }

  /** The latest cases that one of the units may see (case_access). */
  public List<CaseFile> listForUnits(java.util.Collection<String> units, int limit) {
    if (units.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
    Object[] args = new Object[units.size() + 1];
    int i = 0;
    for (String unit : units) {
      args[i++] = unit;
    }
    args[i] = limit;
    return jdbc.query("SELECT * FROM case_file WHERE case_no IN (SELECT case_no FROM case_access WHERE unit IN ("
        + marks + ")) ORDER BY created_at DESC, case_no LIMIT ?", this::map, args);
  }

  /** The files of the given case numbers (those that exist), in no particular order. */
  public List<CaseFile> byNumbers(java.util.Collection<String> caseNos) {
    List<String> all = caseNos.stream().distinct().toList();
    List<CaseFile> out = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      List<String> chunk = all.subList(i, Math.min(i + 500, all.size()));
      out.addAll(jdbc.query("SELECT * FROM case_file WHERE case_no IN ("
          + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", this::map, chunk.toArray()));
    }
    return out;
  }

  private CaseFile map(ResultSet rs, int row) throws SQLException {
    return new CaseFile(
        rs.getString("case_no"), rs.getString("process_instance_id"), rs.getString("party_name"),
        rs.getString("party_type"), rs.getString("party_id"), rs.getString("region"), rs.getString("domain"),
        rs.getString("violation_type"), rs.getString("clue_source"), rs.getString("status"),
        rs.getString("outcome"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
