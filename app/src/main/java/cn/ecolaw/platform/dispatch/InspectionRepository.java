package cn.ecolaw.platform.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The inspection tasks (table inspection_task) and the recorded draws (inspection_draw). */
@Repository
public class InspectionRepository {

  /** One row per unit or officer of the supervisor's summary. */
  public record Count(String key, String name, int dispatched, int done, int overdue) {}

  private final JdbcTemplate jdbc;

  public InspectionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void dispatched(String inspectionNo, String processInstanceId, String trigger, String sourceId, String unit,
      String lead, String second, String drawId, Instant dueAt) {
    jdbc.update("INSERT INTO inspection_task (inspection_no, process_instance_id, trigger_kind, source_id, unit, "
            + "lead_officer, second_officer, draw_id, dispatched_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        inspectionNo, processInstanceId, trigger, sourceId, unit, lead, second, drawId, Timestamp.from(Instant.now()),
        Timestamp.from(dueAt));
  }

  public void done(String inspectionNo, String outcome, String caseNo) {
    jdbc.update("UPDATE inspection_task SET done_at = ?, outcome = ?, case_no = ? WHERE inspection_no = ?",
        Timestamp.from(Instant.now()), outcome, caseNo, inspectionNo);
  }

  public void draw(String drawId, long seed, int requested, String area, String sourceIds, String pairs,
      String drawnBy) {
    jdbc.update("INSERT INTO inspection_draw (draw_id, seed, requested, area, source_ids, officer_pairs, drawn_by, "
        + "drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", drawId, seed, requested, area, sourceIds, pairs, drawnBy,
        Timestamp.from(Instant.now()));
  }

  public Map<String, Object> drawRecord(String drawId) {
    return jdbc.queryForMap("SELECT * FROM inspection_draw WHERE draw_id = ?", drawId);
  }

  /**
   * Dispatched, done and overdue inspections per unit and per officer (lead or second). Overdue: not done by the due
   * time (still open after it, or done after it).
   */
  public Map<String, List<Count>> summary(Instant now, Map<String, String> names) {
    String overdue = "CASE WHEN (done_at IS NULL AND due_at < ?) OR done_at > due_at THEN 1 ELSE 0 END";
    Timestamp t = Timestamp.from(now);
    Map<String, List<Count>> out = new LinkedHashMap<>();
    out.put("units", jdbc.query("SELECT unit AS k, COUNT(*) AS dispatched, "
        + "SUM(CASE WHEN done_at IS NULL THEN 0 ELSE 1 END) AS done, SUM(" + overdue + ") AS overdue "
        + "FROM inspection_task GROUP BY unit ORDER BY unit", (rs, i) -> count(rs, names), t));
    List<Count> officers = new ArrayList<>(jdbc.query("SELECT officer AS k, COUNT(*) AS dispatched, "
        + "SUM(CASE WHEN done_at IS NULL THEN 0 ELSE 1 END) AS done, SUM(" + overdue + ") AS overdue FROM ("
        + "SELECT lead_officer AS officer, done_at, due_at FROM inspection_task UNION ALL "
        + "SELECT second_officer AS officer, done_at, due_at FROM inspection_task) x GROUP BY officer ORDER BY officer",
        (rs, i) -> count(rs, names), t));
    out.put("officers", officers);
    return out;
  }

  private static Count count(java.sql.ResultSet rs, Map<String, String> names) throws java.sql.SQLException {
    String key = rs.getString("k");
    return new Count(key, names.getOrDefault(key, key), rs.getInt("dispatched"), rs.getInt("done"),
        rs.getInt("overdue"));
  }
}
