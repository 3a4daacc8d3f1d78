package cn.ecolaw.platform.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The clue_transfer table: every transfer between two units, written in the engine's transaction. */
@Repository
public class TransferRepository {

  /** One transfer as both sides see it. */
  public record Transfer(String transferNo, String caseNo, String senderUnit, String receiverUnit, String kind,
      String subject, String status, String processInstanceId, String resultingCaseNo, String createdBy,
      Instant createdAt, Instant sentAt, String answerDue, Instant answeredAt, String answerNote, String caseFields,
      Long letterDocumentId, Long receiptDocumentId) {

    /** The documents of this transfer (移送函, 移送回执), not of other transfers of the same case. */
    public java.util.List<Long> documentIds() {
      java.util.List<Long> ids = new java.util.ArrayList<>();
      if (letterDocumentId != null) {
        ids.add(letterDocumentId);
      }
      if (receiptDocumentId != null) {
        ids.add(receiptDocumentId);
      }
      return ids;
    }
  }

  private final JdbcTemplate jdbc;

  public TransferRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Transfer t) {
    jdbc.update("""
        INSERT INTO clue_transfer (transfer_no, case_no, sender_unit, receiver_unit, kind, subject, status,
          process_instance_id, created_by, created_at, case_fields) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
        t.transferNo(), t.caseNo(), t.senderUnit(), t.receiverUnit(), t.kind(), t.subject(), t.status(),
        t.processInstanceId(), t.createdBy(), Timestamp.from(t.createdAt()), t.caseFields());
  }

  public void sent(String transferNo, String answerDue, long letterId) {
    jdbc.update("UPDATE clue_transfer SET status = ?, sent_at = ?, answer_due = ?, letter_document_id = ? "
        + "WHERE transfer_no = ?", "SENT", Timestamp.from(Instant.now()), answerDue, letterId, transferNo);
  }

  public void answered(String transferNo, String status, String note, Long receiptId) {
    jdbc.update("UPDATE clue_transfer SET status = ?, answered_at = ?, answer_note = ?, receipt_document_id = ? "
        + "WHERE transfer_no = ?", status, Timestamp.from(Instant.now()), note, receiptId, transferNo);
  }

  public void status(String transferNo, String status) {
    jdbc.update("UPDATE clue_transfer SET status = ? WHERE transfer_no = ?", status, transferNo);
  }

  public void caseOpened(String transferNo, String caseNo) {
    jdbc.update("UPDATE clue_transfer SET status = ?, resulting_case_no = ? WHERE transfer_no = ?",
        "CASE_OPENED", caseNo, transferNo);
  }

  public Optional<Transfer> find(String transferNo) {
    return jdbc.query("SELECT * FROM clue_transfer WHERE transfer_no = ?", this::map, transferNo).stream()
        .findFirst();
  }

  /** The transfers sent by ({@code out}) or to one of the units, newest first. */
  public List<Transfer> ofUnits(Collection<String> units, boolean out, int limit) {
    if (units.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", Collections.nCopies(units.size(), "?"));
    Object[] args = new Object[units.size() + 1];
    int i = 0;
    for (String unit : units) {
      args[i++] = unit;
    }
    args[i] = limit;
    return jdbc.query("SELECT * FROM clue_transfer WHERE " + (out ? "sender_unit" : "receiver_unit") + " IN ("
        + marks + ") ORDER BY created_at DESC, transfer_no LIMIT ?", this::map, args);
  }

  public List<Transfer> all(int limit) {
    return jdbc.query("SELECT * FROM clue_transfer ORDER BY created_at DESC, transfer_no LIMIT ?", this::map, limit);
  }

  private Transfer map(ResultSet rs, int row) throws SQLException {
    return new Transfer(rs.getString("transfer_no"), rs.getString("case_no"), rs.getString("sender_unit"),
        rs.getString("receiver_unit"), rs.getString("kind"), rs.getString("subject"), rs.getString("status"),
        rs.getString("process_instance_id"), rs.getString("resulting_case_no"), rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")), rs.getString("answer_due"),
        instant(rs.getTimestamp("answered_at")), rs.getString("answer_note"), rs.getString("case_fields"),
        (Long) rs.getObject("letter_document_id", Long.class), (Long) rs.getObject("receipt_document_id", Long.class));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
