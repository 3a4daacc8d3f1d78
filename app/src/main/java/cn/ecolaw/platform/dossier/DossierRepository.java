package cn.ecolaw.platform.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code case_dossier}: the archived versions of each case's dossier; rows are only ever added. */
@Repository
class DossierRepository {

  private static final String COLUMNS = "case_no, version, created_at, created_by, reason, fingerprint, sha256, page_count";

  private final JdbcTemplate jdbc;

  DossierRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DossierVersion> latest(String caseNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_dossier WHERE case_no = ? ORDER BY version DESC LIMIT 1",
        DossierRepository::map, caseNo).stream().findFirst();
  }

  List<DossierVersion> list(String caseNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_dossier WHERE case_no = ? ORDER BY version",
        DossierRepository::map, caseNo);
  }

  Optional<byte[]> pdf(String caseNo, int version) {
    return jdbc.query("SELECT pdf FROM case_dossier WHERE case_no = ? AND version = ?", (rs, n) -> rs.getBytes(1),
        caseNo, version).stream().findFirst();
  }

  void insert(DossierVersion v, byte[] pdf) {
    jdbc.update("INSERT INTO case_dossier (" + COLUMNS + ", pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        v.caseNo(), v.version(), Timestamp.from(v.createdAt()), v.createdBy(), v.reason(), v.fingerprint(),
        v.sha256(), v.pages(), pdf);
  }

  private static DossierVersion map(ResultSet rs, int row) throws SQLException {
    return new DossierVersion(rs.getString("case_no"), rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("reason"),
        rs.getString("fingerprint"), rs.getString("sha256"), rs.getInt("page_count"));
  }

  static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
