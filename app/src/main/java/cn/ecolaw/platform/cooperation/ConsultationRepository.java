package cn.ecolaw.platform.cooperation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The consultation tables: the consultation, its invited units (shared while open), shared documents, opinions. */
@Repository
public class ConsultationRepository {

  public record Consultation(String consultationNo, String caseNo, String convenerUnit, String question, String status,
      String processInstanceId, String createdBy, Instant createdAt, Instant concludedAt) {}

  public record Participant(String unit, Instant sharedAt, Instant revokedAt) {}

  public record Opinion(String unit, String userId, String opinion, String basis, Instant givenAt) {}

  private final JdbcTemplate jdbc;

  public ConsultationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Consultation c, Collection<String> participants, Collection<Long> documentIds) {
    jdbc.update("""
        INSERT INTO consultation (consultation_no, case_no, convener_unit, question, status, process_instance_id,
          created_by, created_at) VALUES (?,?,?,?,?,?,?,?)""", c.consultationNo(), c.caseNo(), c.convenerUnit(),
        c.question(), c.status(), c.processInstanceId(), c.createdBy(), Timestamp.from(c.createdAt()));
    for (String unit : participants) {
      jdbc.update("INSERT INTO consultation_participant (consultation_no, unit, shared_at) VALUES (?,?,?)",
          c.consultationNo(), unit, Timestamp.from(c.createdAt()));
    }
    for (Long id : documentIds) {
      jdbc.update("INSERT INTO consultation_document (consultation_no, document_id) VALUES (?,?)",
          c.consultationNo(), id);
    }
  }

  public void opinion(String consultationNo, Opinion o) {
    jdbc.update("""
        INSERT INTO consultation_opinion (consultation_no, unit, user_id, opinion, basis, given_at)
        VALUES (?,?,?,?,?,?)""", consultationNo, o.unit(), o.userId(), o.opinion(), o.basis(),
        Timestamp.from(o.givenAt()));
  }

  public void concluded(String consultationNo) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("UPDATE consultation SET status = ?, concluded_at = ? WHERE consultation_no = ?", "CONCLUDED", now,
        consultationNo);
    jdbc.update("UPDATE consultation_participant SET revoked_at = ? WHERE consultation_no = ? AND revoked_at IS NULL",
        now, consultationNo);
  }

  public Optional<Consultation> find(String consultationNo) {
    return jdbc.query("SELECT * FROM consultation WHERE consultation_no = ?", (rs, i) -> new Consultation(
        rs.getString("consultation_no"), rs.getString("case_no"), rs.getString("convener_unit"),
        rs.getString("question"), rs.getString("status"), rs.getString("process_instance_id"),
        rs.getString("created_by"), TransferRepository.instant(rs.getTimestamp("created_at")),
        TransferRepository.instant(rs.getTimestamp("concluded_at"))), consultationNo).stream().findFirst();
  }

  public List<Participant> participants(String consultationNo) {
    return jdbc.query("SELECT * FROM consultation_participant WHERE consultation_no = ? ORDER BY unit",
        (rs, i) -> new Participant(rs.getString("unit"), TransferRepository.instant(rs.getTimestamp("shared_at")),
            TransferRepository.instant(rs.getTimestamp("revoked_at"))), consultationNo);
  }

  public List<Long> documents(String consultationNo) {
    return jdbc.queryForList("SELECT document_id FROM consultation_document WHERE consultation_no = ? "
        + "ORDER BY document_id", Long.class, consultationNo);
  }

  public List<Opinion> opinions(String consultationNo) {
    return jdbc.query("SELECT * FROM consultation_opinion WHERE consultation_no = ? ORDER BY given_at, id",
        (rs, i) -> new Opinion(rs.getString("unit"), rs.getString("user_id"), rs.getString("opinion"),
            rs.getString("basis"), TransferRepository.instant(rs.getTimestamp("given_at"))), consultationNo);
  }

  /** The consultations convened by or addressed to one of the units, newest first. */
  public List<String> ofUnits(Collection<String> units, int limit) {
    if (units.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", Collections.nCopies(units.size(), "?"));
    Object[] args = new Object[units.size() * 2 + 1];
    int i = 0;
    for (String unit : units) {
      args[i++] = unit;
    }
    for (String unit : units) {
      args[i++] = unit;
    }
    args[i] = limit;
    return jdbc.queryForList("SELECT consultation_no FROM consultation WHERE convener_unit IN (" + marks
        + ") OR consultation_no IN (SELECT consultation_no FROM consultation_participant WHERE unit IN (" + marks
        + ")) ORDER BY created_at DESC, consultation_no LIMIT ?", String.class, args);
  }

  public List<String> all(int limit) {
    return jdbc.queryForList("SELECT consultation_no FROM consultation ORDER BY created_at DESC, consultation_no "
        + "LIMIT ?", String.class, limit);
  }
}
