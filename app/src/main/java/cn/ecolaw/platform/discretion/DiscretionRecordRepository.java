package cn.ecolaw.platform.discretion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code discretion_record} (migration V3), through plain JDBC. */
@Repository
public class DiscretionRecordRepository {

  private static final String COLUMNS = "id, case_no, decision_key, decision_version, decision_definition_id, inputs_json,"
      + " outcome, fine_amount, fine_min, fine_max, legal_basis, violated_provision, conduct_kind, officer_fine, deviation_reason, evaluated_at, recorded_at";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public DiscretionRecordRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public DiscretionRecord insert(String caseNo, DiscretionResult result, Instant recordedAt) {
    String inputs = write(result.inputs());
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("INSERT INTO discretion_record (case_no, decision_key,"
          + " decision_version, decision_definition_id, inputs_json, outcome, fine_amount, fine_min, fine_max,"
          + " legal_basis, evaluated_at, recorded_at, violated_provision, conduct_kind)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, caseNo);
      ps.setString(2, result.decisionKey());
      ps.setInt(3, result.decisionVersion());
      ps.setString(4, result.decisionDefinitionId());
      ps.setString(5, inputs);
      ps.setString(6, result.outcome());
      ps.setBigDecimal(7, result.fineAmount());
      ps.setBigDecimal(8, result.fineMin());
      ps.setBigDecimal(9, result.fineMax());
      ps.setString(10, result.legalBasis());
      ps.setTimestamp(11, Timestamp.from(result.evaluatedAt()));
      ps.setTimestamp(12, Timestamp.from(recordedAt));
      ps.setString(13, result.violatedProvision());
      ps.setString(14, result.conductKind());
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    return new DiscretionRecord(id, caseNo, result, null, null, recordedAt);
  }

  public void updateOfficerFine(long id, BigDecimal officerFine, String deviationReason) {
    jdbc.update("UPDATE discretion_record SET officer_fine = ?, deviation_reason = ? WHERE id = ?",
        officerFine, deviationReason, id);
  }

  public Optional<DiscretionRecord> latest(String caseNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM discretion_record WHERE case_no = ? ORDER BY id DESC LIMIT 1",
        this::map, caseNo).stream().findFirst();
  }

  public List<DiscretionRecord> history(String caseNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM discretion_record WHERE case_no = ? ORDER BY id", this::map, caseNo);
  }

  private DiscretionRecord map(ResultSet rs, int row) throws SQLException {
    DiscretionResult result = new DiscretionResult(
        rs.getString("outcome"),
        rs.getBigDecimal("fine_amount"),
        rs.getBigDecimal("fine_min"),
        rs.getBigDecimal("fine_max"),
        rs.getString("legal_basis"),
        rs.getString("violated_provision"),
        rs.getString("conduct_kind"),
        rs.getString("decision_key"),
        rs.getInt("decision_version"),
        rs.getString("decision_definition_id"),
        read(rs.getString("inputs_json")),
        rs.getTimestamp("evaluated_at").toInstant());
    return new DiscretionRecord(rs.getLong("id"), rs.getString("case_no"), result, rs.getBigDecimal("officer_fine"),
        rs.getString("deviation_reason"), rs.getTimestamp("recorded_at").toInstant());
  }

  private String write(Map<String, Object> inputs) {
    try {
      return json.writeValueAsString(inputs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("裁量输入无法序列化", e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("裁量记录的输入数据已损坏", e);
    }
  }
}
