package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.discretion.ViolationTypes;
import cn.ecolaw.platform.shared.PlatformException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays a draft of the discretion benchmark over the recorded discretion inputs of past cases (table
 * {@code discretion_record}, every record the platform holds; region from the case file) and counts what would
 * change: outcomes, fines up and down and by how much, per violation type and region, with the affected cases.
 * The records are streamed, not loaded at once.
 */
@Component
public class WhatIf {

  /** The affected cases listed in one answer (the counts cover all). */
  static final int MAX_CASES = 1000;
  static final String NO_REGION = "（未登记）";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public WhatIf(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Filters: recorded from/to (inclusive days), region, violation type; null means any. */
  public record Filter(LocalDate from, LocalDate to, String region, String violationType) {

    public Filter {
      if (from != null && to != null && from.isAfter(to)) {
        throw PlatformException.badRequest("WB-011", "回放期间的开始日期不能晚于结束日期");
      }
      if (violationType != null && !violationType.isBlank() && !ViolationTypes.isKnown(violationType)) {
        throw PlatformException.badRequest("WB-011", "未知的违法行为类型：" + violationType);
      }
      if (region != null && region.length() > 200) {
        throw PlatformException.badRequest("WB-011", "行政区划超过200字");
      }
      region = region == null || region.isBlank() ? null : region.trim();
      violationType = violationType == null || violationType.isBlank() ? null : violationType.trim();
    }

    public static Filter none() {
      return new Filter(null, null, null, null);
    }
  }

  public static final class Group {
    public int evaluated;
    public int changed;
    public int up;
    public int down;
    public BigDecimal totalIncrease = BigDecimal.ZERO;
    public BigDecimal totalDecrease = BigDecimal.ZERO;
    public String label;

    void add(Case c) {
      evaluated++;
      if (c == null) {
        return;
      }
      changed++;
      int s = c.delta().signum();
      if (s > 0) {
        up++;
        totalIncrease = totalIncrease.add(c.delta());
      } else if (s < 0) {
        down++;
        totalDecrease = totalDecrease.add(c.delta().negate());
      }
    }
  }

  public record Case(long recordId, String caseNo, String region, String violationType, String violationTypeName,
      String recordedVersion, String oldOutcome, BigDecimal oldFine, String newOutcome, BigDecimal newFine,
      BigDecimal delta) {}

  public record Result(int evaluated, int changed, int up, int down, BigDecimal totalIncrease,
      BigDecimal totalDecrease, int unmatched, Map<String, Group> byType, Map<String, Group> byRegion,
      List<Case> cases, boolean casesTruncated, Filter filter) {

    /** One line for the trail. */
    public String summary() {
      return "回放" + evaluated + "件，结果改变" + changed + "件（罚款提高" + up + "件，合计" + GuardRails.yuan(totalIncrease)
          + "；降低" + down + "件，合计" + GuardRails.yuan(totalDecrease) + "；无规则命中" + unmatched + "件）";
    }
  }

  Result replay(DraftModel model, Filter filter) {
    if (!model.has(PenaltyDiscretionService.DECISION_KEY)) {
      throw PlatformException.badRequest("WB-012", "案件回放只适用于裁量基准（penalty-discretion）的草稿");
    }
    StringBuilder sql = new StringBuilder("SELECT r.id, r.case_no, r.decision_version, r.inputs_json, r.outcome,"
        + " r.fine_amount, c.region FROM discretion_record r LEFT JOIN case_file c ON c.case_no = r.case_no"
        + " WHERE r.decision_key = ?");
    List<Object> args = new ArrayList<>();
    args.add(PenaltyDiscretionService.DECISION_KEY);
    if (filter.from() != null) {
      sql.append(" AND r.recorded_at >= ?");
      args.add(Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
    }
    if (filter.to() != null) {
      sql.append(" AND r.recorded_at < ?");
      args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
    }
    if (filter.region() != null) {
      sql.append(" AND c.region = ?");
      args.add(filter.region());
    }
    sql.append(" ORDER BY r.id");
    Group all = new Group();
    int[] unmatched = {0};
    Map<String, Group> byType = new TreeMap<>();
    Map<String, Group> byRegion = new TreeMap<>();
    List<Case> cases = new ArrayList<>();
    jdbc.query(sql.toString(), rs -> {
      Map<String, Object> inputs = read(rs.getString("inputs_json"));
      String type = inputs.get("violationType") == null ? "" : inputs.get("violationType").toString();
      if (filter.violationType() != null && !filter.violationType().equals(type)) {
        return;
      }
      String region = rs.getString("region") == null ? NO_REGION : rs.getString("region");
      String oldOutcome = rs.getString("outcome");
      BigDecimal oldFine = rs.getBigDecimal("fine_amount");
      String newOutcome = null;
      BigDecimal newFine = null;
      try {
        Map<String, Object> row = model.evaluate(PenaltyDiscretionService.DECISION_KEY, inputs);
        if (row != null && row.get("fineAmount") != null) {
          newOutcome = String.valueOf(row.get("outcome"));
          newFine = new BigDecimal(row.get("fineAmount").toString());
        }
      } catch (RuntimeException e) {
        newOutcome = null;
      }
      Case changed = null;
      if (newFine == null) {
        unmatched[0]++;
        changed = new Case(rs.getLong("id"), rs.getString("case_no"), region, type, ViolationTypes.name(type),
            "v" + rs.getInt("decision_version"), oldOutcome, oldFine, null, null, BigDecimal.ZERO);
      } else if (!newOutcome.equals(oldOutcome) || newFine.compareTo(oldFine) != 0) {
        changed = new Case(rs.getLong("id"), rs.getString("case_no"), region, type, ViolationTypes.name(type),
            "v" + rs.getInt("decision_version"), oldOutcome, oldFine, newOutcome, newFine,
            newFine.subtract(oldFine).stripTrailingZeros());
      }
      all.add(changed);
      group(byType, type, ViolationTypes.name(type)).add(changed);
      group(byRegion, region, region).add(changed);
      if (changed != null && cases.size() < MAX_CASES) {
        cases.add(changed);
      }
    }, args.toArray());
    return new Result(all.evaluated, all.changed, all.up, all.down, all.totalIncrease, all.totalDecrease,
        unmatched[0], byType, byRegion, cases, all.changed > cases.size(), filter);
  }

  private static Group group(Map<String, Group> groups, String key, String label) {
    return groups.computeIfAbsent(key, k -> {
      Group g = new Group();
      g.label = label;
      return g;
    });
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      return new LinkedHashMap<>();
    }
  }
}
