package cn.ecolaw.platform.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What someone with database access (and the platform's source code, but not the key file) might do to a trail
 * behind the application's back.
 */
final class Tampering {

  private final JdbcTemplate jdbc;

  Tampering(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int editDetail(String caseNo, long seq, String detail) {
    return jdbc.update("UPDATE audit_entry SET detail = ? WHERE case_no = ? AND seq = ?", detail, caseNo, seq);
  }

  int delete(String caseNo, long seq) {
    return jdbc.update("DELETE FROM audit_entry WHERE case_no = ? AND seq = ?", caseNo, seq);
  }

  /** Swaps the places of two entries (their seq numbers), keeping everything else. */
  void swap(String caseNo, long a, long b) {
    jdbc.update("UPDATE audit_entry SET seq = -1 WHERE case_no = ? AND seq = ?", caseNo, a);
    jdbc.update("UPDATE audit_entry SET seq = ? WHERE case_no = ? AND seq = ?", a, caseNo, b);
    jdbc.update("UPDATE audit_entry SET seq = ? WHERE case_no = ? AND seq = -1", b, caseNo);
  }

  /** Deletes the entries from {@code fromSeq} on and moves the head to the last one left: a clean shorter chain. */
  void truncateAndMoveHead(String caseNo, long fromSeq) {
    jdbc.update("DELETE FROM audit_entry WHERE case_no = ? AND seq >= ?", caseNo, fromSeq);
    moveHeadToLastEntry(caseNo);
  }

  /** Deletes a whole chain, head included. */
  void deleteChain(String caseNo) {
    jdbc.update("DELETE FROM audit_entry WHERE case_no = ?", caseNo);
    jdbc.update("DELETE FROM audit_chain_head WHERE case_no = ?", caseNo);
  }

  /**
   * Deletes one entry and re-chains everything after it: the later entries move up one seq and get their prev_hash
   * and hash recomputed with the published (unkeyed) algorithm; the head is moved to the new last entry. Before the
   * trail had a key this left a chain that verified as intact.
   */
  void deleteAndRechain(String caseNo, long seq) {
    delete(caseNo, seq);
    rechain(caseNo, seq, 1);
  }

  /**
   * Re-hashes the entries from {@code fromSeq} on with the published (unkeyed) algorithm, each linked to the one
   * before, moving each {@code shift} seqs down; then moves the head to the last entry.
   */
  void rechain(String caseNo, long fromSeq, int shift) {
    List<AuditEntry> later = jdbc.query("SELECT * FROM audit_entry WHERE case_no = ? AND seq >= ? ORDER BY seq",
        (rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getString("id"), rs.getString("case_no"),
            rs.getObject("occurred_at", java.time.LocalDateTime.class), rs.getString("user_id"), rs.getString("unit"),
            rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("source"),
            rs.getString("process_instance_id"), rs.getString("history_ref"), rs.getString("prev_hash"),
            rs.getString("hash")), caseNo, fromSeq);
    String prev = fromSeq == 1 ? EntryHasher.GENESIS
        : jdbc.queryForObject("SELECT hash FROM audit_entry WHERE case_no = ? AND seq = ?", String.class, caseNo,
            fromSeq - 1);
    for (AuditEntry e : later) {
      AuditEntry moved = new AuditEntry(e.seq() - shift, e.id(), e.caseNo(), e.occurredAt(), e.userId(), e.unit(),
          e.action(), e.target(), e.detail(), e.source(), e.processInstanceId(), e.historyRef(), prev, null);
      String hash = EntryHasher.legacyHash(moved);
      jdbc.update("UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", moved.seq(), prev, hash,
          e.id());
      prev = hash;
    }
    moveHeadToLastEntry(caseNo);
  }

  /**
   * Appends a made-up entry (an approval nobody gave) at the end of the chain, its hash computed as the code does
   * but without the key: with the published unkeyed algorithm, or with a key of the forger's own.
   */
  AuditEntry forgeEntry(String caseNo, boolean ownKey) {
    AuditRepository.Head head = jdbc.queryForObject(
        "SELECT last_seq, last_hash FROM audit_chain_head WHERE case_no = ?",
        (rs, n) -> new AuditRepository.Head(rs.getLong(1), rs.getString(2)), caseNo);
    AuditEntry forged = new AuditEntry(head.lastSeq() + 1, UUID.randomUUID().toString(), caseNo,
        TrailValues.now(), "head1", "unit-bureau", "TASK_COMPLETED", "Task_ApproveFiling 立案审批",
        "{\"variables\":{\"filingApproved\":{\"new\":false}}}", "10.0.0.9", null, null, head.lastHash(), null);
    String hash;
    if (ownKey) {
      java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
          "forger-" + UUID.randomUUID() + ".key");
      try {
        hash = EntryHasher.mac(AuditKey.load(file), forged);
      } finally {
        file.toFile().delete();
      }
    } else {
      hash = EntryHasher.legacyHash(forged);
    }
    jdbc.update("""
        INSERT INTO audit_entry (id, case_no, seq, occurred_at, user_id, unit, action, target, detail, source,
          process_instance_id, history_ref, prev_hash, hash)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        forged.id(), caseNo, forged.seq(), forged.occurredAt(), forged.userId(), forged.unit(), forged.action(),
        forged.target(), forged.detail(), forged.source(), null, null, forged.prevHash(), hash);
    jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE case_no = ?", forged.seq(), hash,
        caseNo);
    return forged;
  }

  private void moveHeadToLastEntry(String caseNo) {
    jdbc.update("""
        UPDATE audit_chain_head SET
          last_seq = (SELECT MAX(seq) FROM audit_entry WHERE case_no = ?),
          last_hash = (SELECT hash FROM audit_entry WHERE case_no = ? AND seq =
            (SELECT MAX(seq) FROM audit_entry WHERE case_no = ?))
        WHERE case_no = ?""", caseNo, caseNo, caseNo, caseNo);
  }
}
