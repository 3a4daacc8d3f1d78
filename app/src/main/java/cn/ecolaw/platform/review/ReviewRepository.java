package cn.ecolaw.platform.review;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The review tables: samples, reviewed case files, tier scores with their deductions, problems and rectification. */
@Repository
public class ReviewRepository {

  private final JdbcTemplate jdbc;

  public ReviewRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Closed cases of the unit (case numbers starting with its prefix) not under review already, in case-number order. */
  public List<String> closedCasesNotUnderReview(String caseNoPrefix) {
    return jdbc.queryForList("""
        SELECT c.case_no FROM case_file c
        WHERE c.status = 'CLOSED' AND c.case_no LIKE ?
          AND NOT EXISTS (SELECT 1 FROM review_case r WHERE r.case_no = c.case_no)
        ORDER BY c.case_no""", String.class, caseNoPrefix + "%");
  }

  public long insertSample(String unit, long seed, int requested, int drawn, String user) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(
          "INSERT INTO review_sample (unit, seed, requested, drawn, drawn_by, drawn_at) VALUES (?,?,?,?,?,?)",
          new String[] {"id"});
      ps.setString(1, unit);
      ps.setLong(2, seed);
      ps.setInt(3, requested);
      ps.setInt(4, drawn);
      ps.setString(5, user);
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public boolean underReview(String caseNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM review_case WHERE case_no = ?", Integer.class, caseNo);
    return n != null && n > 0;
  }

  /** One review per file: the unique key on {@code review_case.case_no} refuses a second one (REV-015, 409). */
  public void insertCase(String processInstanceId, String caseNo, String unit, Long sampleId, int sheetVersion) {
    try {
      jdbc.update("""
          INSERT INTO review_case (process_instance_id, case_no, unit, sample_id, sheet_version, status, created_at)
          VALUES (?,?,?,?,?,'SCORING',?)""",
          processInstanceId, caseNo, unit, sampleId, sheetVersion, Timestamp.from(Instant.now()));
    } catch (org.springframework.dao.DuplicateKeyException | org.springframework.dao.TransientDataAccessException e) {
      // the key taken, or (H2) still being taken by a parallel draw
      throw cn.ecolaw.platform.shared.PlatformException.conflict("REV-015",
          "案卷" + caseNo + "已被抽取评查，同一案卷不重复评查；请刷新后重新抽查");
    }
  }

  public void grade(String processInstanceId, ReviewTier finalTier, BigDecimal total, boolean vetoFailed,
      String grade, String status) {
    jdbc.update("""
        UPDATE review_case SET final_tier = ?, total_score = ?, veto_failed = ?, grade = ?, status = ?, graded_at = ?
        WHERE process_instance_id = ?""",
        finalTier.name(), total, vetoFailed, grade, status, Timestamp.from(Instant.now()), processInstanceId);
  }

  public void close(String processInstanceId, String outcome) {
    jdbc.update("UPDATE review_case SET status = 'CLOSED', outcome = ?, closed_at = ? WHERE process_instance_id = ?",
        outcome, Timestamp.from(Instant.now()), processInstanceId);
  }

  public Optional<String> unitOf(String processInstanceId) {
    return jdbc.queryForList("SELECT unit FROM review_case WHERE process_instance_id = ?", String.class,
        processInstanceId).stream().findFirst();
  }

  public void insertScore(String processInstanceId, String caseNo, TierScore score, String opinion) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("""
          INSERT INTO review_score (process_instance_id, case_no, tier, sheet_version, total_score, veto_failed,
            veto_items, opinion, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)""", new String[] {"id"});
      ps.setString(1, processInstanceId);
      ps.setString(2, caseNo);
      ps.setString(3, score.tier().name());
      ps.setInt(4, score.sheetVersion());
      ps.setBigDecimal(5, score.total());
      ps.setBoolean(6, score.vetoFailed());
      ps.setString(7, score.vetoCodes());
      ps.setString(8, opinion);
      ps.setTimestamp(9, Timestamp.from(Instant.now()));
      return ps;
    }, key);
    long scoreId = key.getKey().longValue();
    for (Deduction d : score.deductions()) {
      jdbc.update("INSERT INTO review_deduction (score_id, stage, item_code, points, reason) VALUES (?,?,?,?,?)",
          scoreId, d.item().stage().name(), d.item().itemCode(), d.points(), d.reason());
    }
  }

  /** The final tier's findings become problems to rectify: failed veto items and deductions. */
  public int insertProblems(String processInstanceId, String caseNo, String unit, TierScore score) {
    int n = 0;
    for (SheetItem veto : score.failedVetoItems()) {
      problem(processInstanceId, caseNo, unit, veto, BigDecimal.ZERO, "一票否决：" + veto.itemName());
      n++;
    }
    for (Deduction d : score.deductions()) {
      problem(processInstanceId, caseNo, unit, d.item(), d.points(), d.reason());
      n++;
    }
    return n;
  }

  private void problem(String pid, String caseNo, String unit, SheetItem item, BigDecimal points, String reason) {
    jdbc.update("""
        INSERT INTO review_problem (process_instance_id, case_no, unit, stage, item_code, item_name, veto, points,
          reason, rectified) VALUES (?,?,?,?,?,?,?,?,?,FALSE)""",
        pid, caseNo, unit, item.stage().name(), item.itemCode(), item.itemName(), item.veto(), points, reason);
  }

  public void markRectified(String processInstanceId) {
    jdbc.update("UPDATE review_problem SET rectified = TRUE, rectified_at = ? WHERE process_instance_id = ?",
        Timestamp.from(Instant.now()), processInstanceId);
  }

  // ------------------------------------------------------------------------------------------ statistics

  public List<ReviewStatistics.UnitRow> statisticsByUnit() {
    return statisticsByUnit(null);
  }

  public List<ReviewStatistics.ProblemTypeRow> statisticsByProblemType() {
    return statisticsByProblemType(null);
  }

  public List<ReviewStatistics.GradeRow> statisticsByGrade() {
    return statisticsByGrade(null);
  }

  /** Per reviewed unit; {@code units} (names as recorded on the review, or null for all) limits the rows. */
  public List<ReviewStatistics.UnitRow> statisticsByUnit(Collection<String> units) {
    return jdbc.query("""
        SELECT r.unit,
          (SELECT COUNT(*) FROM review_case c WHERE c.unit = r.unit AND c.grade IS NOT NULL) AS reviewed,
          (SELECT COUNT(*) FROM review_problem p WHERE p.unit = r.unit) AS found,
          (SELECT COUNT(*) FROM review_problem p WHERE p.unit = r.unit AND p.rectified = TRUE) AS corrected
        FROM (SELECT DISTINCT unit FROM review_case) r""" + where("r.unit", units) + " ORDER BY r.unit",
        (rs, n) -> new ReviewStatistics.UnitRow(rs.getString("unit"), rs.getLong("reviewed"), rs.getLong("found"),
            rs.getLong("corrected")), args(units));
  }

  public List<ReviewStatistics.ProblemTypeRow> statisticsByProblemType(Collection<String> units) {
    return jdbc.query("""
        SELECT stage, item_code, MAX(item_name) AS item_name, COUNT(*) AS found,
          SUM(CASE WHEN rectified = TRUE THEN 1 ELSE 0 END) AS corrected
        FROM review_problem""" + where("unit", units) + " GROUP BY stage, item_code ORDER BY stage, item_code",
        (rs, n) -> new ReviewStatistics.ProblemTypeRow(rs.getString("stage"),
            ReviewStage.valueOf(rs.getString("stage")).label(), rs.getString("item_code"), rs.getString("item_name"),
            rs.getLong("found"), rs.getLong("corrected")), args(units));
  }

  public List<ReviewStatistics.GradeRow> statisticsByGrade(Collection<String> units) {
    return jdbc.query("SELECT grade, COUNT(*) AS n FROM review_case WHERE grade IS NOT NULL"
            + (units == null ? "" : where("unit", units).replace(" WHERE ", " AND ")) + " GROUP BY grade ORDER BY grade",
        (rs, n) -> new ReviewStatistics.GradeRow(rs.getString("grade"), rs.getLong("n")), args(units));
  }

  public long arbitrated(Collection<String> units) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM review_case WHERE final_tier = 'ARBITER'"
        + (units == null ? "" : where("unit", units).replace(" WHERE ", " AND ")), Long.class, args(units));
    return n == null ? 0 : n;
  }

  private static String where(String column, Collection<String> units) {
    if (units == null) {
      return "";
    }
    if (units.isEmpty()) {
      return " WHERE 1 = 0";
    }
    return " WHERE " + column + " IN (" + String.join(",", Collections.nCopies(units.size(), "?")) + ")";
  }

  private static Object[] args(Collection<String> units) {
    return units == null ? new Object[0] : units.toArray();
  }

  public long arbitrated() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM review_case WHERE final_tier = 'ARBITER'", Long.class);
    return n == null ? 0 : n;
  }
}
