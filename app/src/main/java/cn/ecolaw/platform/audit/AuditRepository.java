package cn.ecolaw.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code audit_entry} and {@code audit_chain_head}. Only inserts entries: there is deliberately no method
 * that updates or deletes an entry. The head row of a chain is the lock that serialises appends.
 */
@Repository
class AuditRepository {

  record Head(long lastSeq, String lastHash) {}

  private final JdbcTemplate jdbc;

  AuditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean headExists(String caseNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain_head WHERE case_no = ?", Integer.class, caseNo);
    return n != null && n > 0;
  }

  /** Creates the empty head of a chain (DuplicateKeyException when another transaction created it first). */
  void createHead(String caseNo) {
    jdbc.update("INSERT INTO audit_chain_head (case_no, last_seq, last_hash) VALUES (?, 0, ?)",
        caseNo, EntryHasher.GENESIS);
  }

  /** Reads the head and locks it until the current transaction ends. */
  Head lockHead(String caseNo) {
    return jdbc.queryForObject(
        "SELECT last_seq, last_hash FROM audit_chain_head WHERE case_no = ? FOR UPDATE",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), caseNo);
  }

  Optional<Head> head(String caseNo) {
    return jdbc.query("SELECT last_seq, last_hash FROM audit_chain_head WHERE case_no = ?",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), caseNo).stream().findFirst();
  }

  void moveHead(String caseNo, long seq, String hash) {
    jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE case_no = ?", seq, hash, caseNo);
  }

  void insert(AuditEntry e) {
    jdbc.update("""
        INSERT INTO audit_entry (id, case_no, seq, occurred_at, user_id, unit, action, target, detail, source,
          process_instance_id, history_ref, prev_hash, hash)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        e.id(), e.caseNo(), e.seq(), e.occurredAt(), e.userId(), e.unit(), e.action(), e.target(),
        e.detail(), e.source(), e.processInstanceId(), e.historyRef(), e.prevHash(), e.hash());
  }

  List<AuditEntry> list(String caseNo) {
    return jdbc.query("SELECT * FROM audit_entry WHERE case_no = ? ORDER BY seq", AuditRepository::map, caseNo);
  }

  /**
   * The case number of a process instance: its variable {@code caseNo} in Camunda's history (DESIGN.md: every
   * process of a case carries it), else an earlier trail entry of the instance.
   */
  Optional<String> caseOfProcessInstance(String processInstanceId) {
    Optional<String> fromHistory = jdbc.queryForList(
        "SELECT TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = 'caseNo' AND TEXT_ IS NOT NULL"
            + " ORDER BY CASE WHEN EXECUTION_ID_ = PROC_INST_ID_ THEN 0 ELSE 1 END",
        String.class, processInstanceId).stream().findFirst();
    if (fromHistory.isPresent()) {
      return fromHistory;
    }
    return jdbc.queryForList("SELECT case_no FROM audit_entry WHERE process_instance_id = ? FETCH FIRST 1 ROWS ONLY",
        String.class, processInstanceId).stream().findFirst();
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getString("id"), rs.getString("case_no"),
        rs.getObject("occurred_at", LocalDateTime.class), rs.getString("user_id"), rs.getString("unit"),
        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("source"),
        rs.getString("process_instance_id"), rs.getString("history_ref"), rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
