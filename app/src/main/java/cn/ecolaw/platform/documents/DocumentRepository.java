package cn.ecolaw.platform.documents;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code case_document}: one row per generated document, DOCX and PDF together. */
@Repository
public class DocumentRepository {

  private static final String COLUMNS = "id, case_no, doc_type, title, version, created_at, created_by";

  private final JdbcTemplate jdbc;

  public DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int nextVersion(String caseNo, DocumentType type) {
    Integer max = jdbc.queryForObject(
        "SELECT MAX(version) FROM case_document WHERE case_no = ? AND doc_type = ?",
        Integer.class, caseNo, type.name());
    return max == null ? 1 : max + 1;
  }

  long insert(String caseNo, DocumentType type, String title, int version, Instant createdAt, String createdBy,
      byte[] docx, byte[] pdf, String sha256) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO case_document (case_no, doc_type, title, version, created_at, created_by, docx, pdf, sha256)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, caseNo);
      statement.setString(2, type.name());
      statement.setString(3, title);
      statement.setInt(4, version);
      statement.setTimestamp(5, Timestamp.from(createdAt));
      statement.setString(6, createdBy);
      statement.setBytes(7, docx);
      statement.setBytes(8, pdf);
      statement.setString(9, sha256);
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  List<GeneratedDocument> list(String caseNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE case_no = ? ORDER BY created_at, id",
        DocumentRepository::map, caseNo);
  }

  Optional<byte[]> file(String caseNo, long id, String column) {
    List<byte[]> rows = jdbc.query(
        "SELECT " + column + " FROM case_document WHERE case_no = ? AND id = ?",
        (rs, n) -> rs.getBytes(1), caseNo, id);
    return rows.stream().findFirst();
  }

  Optional<GeneratedDocument> find(String caseNo, long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE case_no = ? AND id = ?",
        DocumentRepository::map, caseNo, id).stream().findFirst();
  }

  private static GeneratedDocument map(ResultSet rs, int row) throws SQLException {
    return new GeneratedDocument(rs.getLong("id"), rs.getString("case_no"),
        DocumentType.valueOf(rs.getString("doc_type")), rs.getString("title"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("version"));
  }
}
