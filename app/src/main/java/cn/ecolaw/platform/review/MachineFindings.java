package cn.ecolaw.platform.review;

import cn.ecolaw.platform.filecheck.Finding;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The machine's findings on a file under review (filecheck), put before the city reviewer: each deduction finding
 * becomes a pre-filled line of the city's deduction list ({@code cityDeductions}, one line per sheet item, marked
 * 【机检】, points within the item's and the stage's), each veto finding is named in the findings text for the
 * reviewer to judge. The reviewer confirms a finding by keeping it (or by marking the veto item) and rejects it by
 * deleting the line; when the review is recorded, each finding is stored as confirmed or rejected.
 * The pre-filled values are set by the platform ({@link PrepareReviewDelegate}), never taken from a user.
 */
@Component
public class MachineFindings {

  static final String MARK = "【机检】";

  private final JdbcTemplate jdbc;

  public MachineFindings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The variables the city's scoring form shows: {@code machineFindings} and, when any, {@code cityDeductions}. */
  static Map<String, Object> prefill(List<Finding> findings, ScoringSheet sheet) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (findings.isEmpty()) {
      v.put("machineFindings", "机器检查未发现问题。");
      return v;
    }
    StringBuilder text = new StringBuilder("**机器检查发现的问题（" + findings.size() + "项）**：扣分项已预填入下方扣分明细"
        + "（标有" + MARK + "），请逐项核实，属实的保留，不属实的删除该行；一票否决项请核实后在上方选择。\n\n");
    int n = 1;
    for (Finding f : findings) {
      text.append(n++).append(". ").append(f.item()).append("（").append(f.severityLabel()).append("）")
          .append(f.title()).append("：").append(f.detail()).append('\n');
    }
    v.put("machineFindings", text.toString());
    String lines = deductionLines(findings, sheet);
    if (!lines.isEmpty()) {
      v.put(ReviewTier.CITY.deductionsVariable(), lines);
    }
    return v;
  }

  /** One line per sheet item ("SER-02 2 【机检】送达无送达回证：…"), within the item's and the stage's points. */
  static String deductionLines(List<Finding> findings, ScoringSheet sheet) {
    Map<String, List<Finding>> byItem = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (Finding.DEDUCT.equals(f.severity()) && sheet.item(f.item()).filter(i -> !i.veto()).isPresent()) {
        byItem.computeIfAbsent(f.item(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<ReviewStage, BigDecimal> used = new EnumMap<>(ReviewStage.class);
    List<String> lines = new ArrayList<>();
    byItem.forEach((code, list) -> {
      SheetItem item = sheet.item(code).orElseThrow();
      BigDecimal points = BigDecimal.ZERO;
      for (Finding f : list) {
        points = points.add(BigDecimal.valueOf(f.suggestedPoints()));
      }
      BigDecimal stageLeft = sheet.stagePoints(item.stage()).subtract(used.getOrDefault(item.stage(), BigDecimal.ZERO));
      points = points.min(item.maxPoints()).min(stageLeft);
      if (points.signum() <= 0) {
        return;
      }
      used.merge(item.stage(), points, BigDecimal::add);
      StringBuilder reason = new StringBuilder(MARK);
      for (int i = 0; i < list.size(); i++) {
        reason.append(i == 0 ? "" : "；").append(list.get(i).title()).append("：").append(list.get(i).detail());
      }
      lines.add(code + " " + ScoringSheet.points(points) + " " + cut(reason.toString().replaceAll("\\R", " "), 900));
    });
    return String.join("\n", lines);
  }

  /** Keeps the findings put before the reviewers of a review. */
  void record(String processInstanceId, String caseNo, List<Finding> findings) {
    Timestamp now = Timestamp.from(Instant.now());
    for (Finding f : findings) {
      jdbc.update("""
          INSERT INTO review_machine_finding (process_instance_id, case_no, item_code, check_code, title, detail,
            severity, suggested_points, confirmed, found_at) VALUES (?,?,?,?,?,?,?,?,NULL,?)""",
          processInstanceId, caseNo, f.item(), f.check(), cut(f.title(), 300), cut(f.detail(), 1000), f.severity(),
          BigDecimal.valueOf(f.suggestedPoints()), now);
    }
  }

  /** What the city reviewer made of each finding: confirmed when the city's score names its item. */
  void judged(String processInstanceId, TierScore city) {
    if (city == null) {
      return;
    }
    for (Map<String, Object> row : jdbc.queryForList(
        "SELECT id, item_code, severity FROM review_machine_finding WHERE process_instance_id = ?", processInstanceId)) {
      String code = (String) row.get("item_code");
      boolean confirmed = Finding.VETO.equals(row.get("severity"))
          ? city.failedVetoItems().stream().anyMatch(i -> i.itemCode().equals(code))
          : city.deductions().stream().anyMatch(d -> d.item().itemCode().equals(code));
      jdbc.update("UPDATE review_machine_finding SET confirmed = ? WHERE id = ?", confirmed, row.get("id"));
    }
  }

  /** The stored findings of a review: item, title, confirmed (null until the review is recorded). */
  public List<Map<String, Object>> of(String processInstanceId) {
    return jdbc.queryForList("SELECT item_code, check_code, title, detail, severity, confirmed FROM review_machine_finding"
        + " WHERE process_instance_id = ? ORDER BY id", processInstanceId);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
