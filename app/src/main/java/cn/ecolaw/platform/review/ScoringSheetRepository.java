package cn.ecolaw.platform.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** review_sheet_version and review_sheet_item: the published versions of the scoring sheet. */
@Repository
public class ScoringSheetRepository {

  private final JdbcTemplate jdbc;

  public ScoringSheetRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Integer> latestVersion() {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(version) FROM review_sheet_version", Integer.class));
  }

  public Optional<ScoringSheet> find(int version) {
    List<ScoringSheet> sheets = jdbc.query(
        "SELECT version, note, published_by, published_at FROM review_sheet_version WHERE version = ?",
        (rs, n) -> new ScoringSheet(rs.getInt("version"), rs.getString("note"), rs.getString("published_by"),
            rs.getTimestamp("published_at").toInstant(), items(version)), version);
    return sheets.stream().findFirst();
  }

  private List<SheetItem> items(int version) {
    return jdbc.query("""
        SELECT item_code, stage, item_name, max_points, veto, sort_order FROM review_sheet_item
        WHERE sheet_version = ? ORDER BY sort_order, item_code""",
        (rs, n) -> new SheetItem(rs.getString("item_code"), ReviewStage.valueOf(rs.getString("stage")),
            rs.getString("item_name"), rs.getBigDecimal("max_points"), rs.getBoolean("veto"),
            rs.getInt("sort_order")), version);
  }

  /** Inserts a new version with its items; the primary key refuses a concurrent publication of the same number. */
  public void insert(ScoringSheet sheet) {
    jdbc.update("INSERT INTO review_sheet_version (version, note, published_by, published_at) VALUES (?,?,?,?)",
        sheet.version(), sheet.note(), sheet.publishedBy(), Timestamp.from(sheet.publishedAt()));
    for (SheetItem i : sheet.items()) {
      jdbc.update("""
          INSERT INTO review_sheet_item (sheet_version, item_code, stage, item_name, max_points, veto, sort_order)
          VALUES (?,?,?,?,?,?,?)""",
          sheet.version(), i.itemCode(), i.stage().name(), i.itemName(), i.maxPoints(), i.veto(), i.sortOrder());
    }
  }

  static Instant now() {
    return Instant.now();
  }
}
