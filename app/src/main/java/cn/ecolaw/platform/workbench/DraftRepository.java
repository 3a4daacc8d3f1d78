package cn.ecolaw.platform.workbench;

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

/** Tables {@code decision_draft} and {@code decision_suite} (migration V120), plain JDBC. */
@Repository
public class DraftRepository {

  private static final String COLUMNS = "id, decision_key, dmn_xml, base_definition_id, base_version, base_version_tag,"
      + " created_by, created_at, reason, status, published_by, published_at, publish_reason, version_tag, deployment_id";

  private final JdbcTemplate jdbc;

  public DraftRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public DecisionDraft insert(String key, String xml, PublishedDecision base, String user, String reason, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("INSERT INTO decision_draft (decision_key, dmn_xml,"
          + " base_definition_id, base_version, base_version_tag, created_by, created_at, reason, status)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, key);
      ps.setString(2, xml);
      ps.setString(3, base.definitionId());
      ps.setInt(4, base.version());
      ps.setString(5, base.versionTag());
      ps.setString(6, user);
      ps.setTimestamp(7, Timestamp.from(at));
      ps.setString(8, reason);
      ps.setString(9, DecisionDraft.DRAFT);
      return ps;
    }, keys);
    return find(keys.getKey().longValue()).orElseThrow();
  }

  public Optional<DecisionDraft> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM decision_draft WHERE id = ?", this::map, id).stream().findFirst();
  }

  public List<DecisionDraft> drafts(String key) {
    return jdbc.query("SELECT " + COLUMNS + " FROM decision_draft WHERE decision_key = ? ORDER BY id DESC", this::map,
        key);
  }

  /** Marks the draft published; false when someone else published it first (the row is no longer a draft). */
  public boolean markPublished(long id, String user, Instant at, String reason, String versionTag, String deploymentId,
      String whatIfSummary) {
    return jdbc.update("UPDATE decision_draft SET status = ?, published_by = ?, published_at = ?, publish_reason = ?,"
        + " version_tag = ?, deployment_id = ?, what_if_summary = ? WHERE id = ? AND status = ?",
        DecisionDraft.PUBLISHED, user, Timestamp.from(at), reason, versionTag, deploymentId, whatIfSummary, id,
        DecisionDraft.DRAFT) == 1;
  }

  public Optional<String> suite(String key) {
    return jdbc.queryForList("SELECT suite_json FROM decision_suite WHERE decision_key = ?", String.class, key)
        .stream().findFirst();
  }

  public void saveSuite(String key, String json, String user, Instant at) {
    int updated = jdbc.update("UPDATE decision_suite SET suite_json = ?, updated_by = ?, updated_at = ?"
        + " WHERE decision_key = ?", json, user, Timestamp.from(at), key);
    if (updated == 0) {
      jdbc.update("INSERT INTO decision_suite (decision_key, suite_json, updated_by, updated_at) VALUES (?, ?, ?, ?)",
          key, json, user, Timestamp.from(at));
    }
  }

  private DecisionDraft map(ResultSet rs, int row) throws SQLException {
    Timestamp published = rs.getTimestamp("published_at");
    return new DecisionDraft(rs.getLong("id"), rs.getString("decision_key"), rs.getString("dmn_xml"),
        rs.getString("base_definition_id"), rs.getInt("base_version"), rs.getString("base_version_tag"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("reason"),
        rs.getString("status"), rs.getString("published_by"), published == null ? null : published.toInstant(),
        rs.getString("publish_reason"), rs.getString("version_tag"), rs.getString("deployment_id"));
  }
}
