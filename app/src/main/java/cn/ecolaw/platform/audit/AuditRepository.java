package cn.ecolaw.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Process instances whose case is known (bounded; the case an instance belongs to never changes). */
  static final int KNOWN_CASES = 10_000;

  private final JdbcTemplate jdbc;
  private final boolean rememberCases;
  private final java.util.concurrent.ConcurrentHashMap<String, String> knownCases =
      new java.util.concurrent.ConcurrentHashMap<>();

  AuditRepository(JdbcTemplate jdbc,
      @org.springframework.beans.factory.annotation.Value("${platform.audit.case-cache:true}") boolean rememberCases) {
    this.jdbc = jdbc;
    this.rememberCases = rememberCases;
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

  /** Reads the head and locks it until the current transaction ends; empty when the chain has no head yet. */
  Optional<Head> lockHeadIfExists(String caseNo) {
    return jdbc.query("SELECT last_seq, last_hash FROM audit_chain_head WHERE case_no = ? FOR UPDATE",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), caseNo).stream().findFirst();
  }

  Optional<Head> head(String caseNo) {
    return jdbc.query("SELECT last_seq, last_hash FROM audit_chain_head WHERE case_no = ?",
        (rs, n) -> new Head(rs.getLong(1), rs.getString(2)), caseNo).stream().findFirst();
  }

  void moveHead(String caseNo, long seq, String hash) {
    jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE case_no = ?", seq, hash, caseNo);
  }

  /** Rows per multi-row INSERT (14 parameters each; PostgreSQL allows 65,535 parameters per statement). */
  static final int ROWS_PER_INSERT = 200;

  /**
   * Inserts the entries with one multi-row statement per {@link #ROWS_PER_INSERT} entries (one round trip for a
   * command's trail instead of one per entry); the rows are exactly those {@link #insert} writes one by one.
   */
  void insertAll(List<AuditEntry> entries) {
    for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
      List<AuditEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
      if (chunk.size() == 1) {
        insert(chunk.get(0));
        continue;
      }
      StringBuilder sql = new StringBuilder("""
          INSERT INTO audit_entry (id, case_no, seq, occurred_at, user_id, unit, action, target, detail, source,
            process_instance_id, history_ref, prev_hash, hash)
          VALUES """);
      List<Object> args = new java.util.ArrayList<>(chunk.size() * 14);
      for (int i = 0; i < chunk.size(); i++) {
        AuditEntry e = chunk.get(i);
        sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        args.addAll(java.util.Arrays.asList(e.id(), e.caseNo(), e.seq(), e.occurredAt(), e.userId(), e.unit(),
            e.action(), e.target(), e.detail(), e.source(), e.processInstanceId(), e.historyRef(), e.prevHash(),
            e.hash()));
      }
      jdbc.update(sql.toString(), args.toArray());
    }
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

  /** The entries of a chain up to a seq (a snapshot that entries appended meanwhile do not change). */
  List<AuditEntry> listUpTo(String caseNo, long lastSeq) {
    return jdbc.query("SELECT * FROM audit_entry WHERE case_no = ? AND seq <= ? ORDER BY seq", AuditRepository::map,
        caseNo, lastSeq);
  }

  /** The highest seq stored for a case (0 when none). */
  long maxSeq(String caseNo) {
    Long max = jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry WHERE case_no = ?", Long.class, caseNo);
    return max == null ? 0 : max;
  }

  /** The heads of chains whose last entry still carries an unkeyed (version 1) SHA-256 hash. */
  Map<String, Head> legacyHeads() {
    Map<String, Head> out = new LinkedHashMap<>();
    jdbc.query("""
        SELECT e.* FROM audit_entry e JOIN audit_chain_head h ON h.case_no = e.case_no AND h.last_seq = e.seq
        WHERE h.last_seq > 0 ORDER BY e.case_no""", rs -> {
          AuditEntry e = map(rs, 0);
          if (EntryHasher.legacyHash(e).equals(e.hash())) {
            out.put(e.caseNo(), new Head(e.seq(), e.hash()));
          }
        });
    return out;
  }

  /**
   * The case a process instance belongs to, as fixed when it started: the case of its PROCESS_STARTED entry (else
   * its earliest entry) in the trail; for an instance the trail has not seen yet, the first value its variable
   * {@code caseNo} had in Camunda's history (DESIGN.md: every process of a case carries it). Never the variable's
   * current value, which a completion or a variable write could have overwritten.
   */
  Optional<String> caseOfProcessInstance(String processInstanceId) {
    String known = knownCases.get(processInstanceId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> fromTrail = jdbc.queryForList("""
        SELECT case_no FROM audit_entry WHERE process_instance_id = ?
        ORDER BY CASE WHEN action = 'PROCESS_STARTED' THEN 0 ELSE 1 END, occurred_at, seq
        FETCH FIRST 1 ROWS ONLY""", String.class, processInstanceId).stream().findFirst();
    if (fromTrail.isPresent()) {
      rememberOnCommit(processInstanceId, fromTrail.get());
      return fromTrail;
    }
    Optional<String> firstValue = jdbc.queryForList("""
        SELECT TEXT_ FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = 'caseNo' AND TEXT_ IS NOT NULL
        ORDER BY TIME_, SEQUENCE_COUNTER_ FETCH FIRST 1 ROWS ONLY""", String.class, processInstanceId)
        .stream().findFirst();
    if (firstValue.isPresent()) {
      rememberOnCommit(processInstanceId, firstValue.get());
      return firstValue;
    }
    return jdbc.queryForList(
        "SELECT TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = 'caseNo' AND TEXT_ IS NOT NULL"
            + " ORDER BY CASE WHEN EXECUTION_ID_ = PROC_INST_ID_ THEN 0 ELSE 1 END",
        String.class, processInstanceId).stream().findFirst();
  }

  /**
   * Remembers the case of an instance once the transaction that read it has committed (what it read from the trail
   * or the history is then stored for good: both are append-only), so that later commands of the instance do not
   * look it up again ({@code platform.audit.case-cache}). The variable's current value (the last fallback) is never
   * remembered.
   */
  private void rememberOnCommit(String processInstanceId, String caseNo) {
    if (!rememberCases || !org.springframework.transaction.support.TransactionSynchronizationManager
        .isSynchronizationActive()) {
      return;
    }
    org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
        new org.springframework.transaction.support.TransactionSynchronization() {
          @Override
          public void afterCommit() {
            if (knownCases.size() >= KNOWN_CASES) {
              knownCases.clear();
            }
            knownCases.put(processInstanceId, caseNo);
          }
        });
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getString("id"), rs.getString("case_no"),
        rs.getObject("occurred_at", LocalDateTime.class), rs.getString("user_id"), rs.getString("unit"),
        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("source"),
        rs.getString("process_instance_id"), rs.getString("history_ref"), rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
