package cn.ecolaw.platform.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Narrow reads of the engine's tables for pages that list many cases at once (the workspace's case list): which
 * process instances carry given case numbers, and the open tasks of given instances. The engine's query API can
 * only ask for one variable value at a time, so the list used to read every {@code caseNo} variable and every open
 * task of the whole history; these read only the rows of the listed cases, by index
 * ({@code db/engine-migration/V180}). No authorization is applied here: callers pass only the instances the engine
 * lets the user read (an authorized {@code HistoricProcessInstanceQuery}) or filter what comes back that way.
 */
@Component
public class CaseInstanceIndex {

  /** SQL IN lists are cut into chunks of this size. */
  static final int CHUNK = 500;

  /** An open task: its instance, name and due date (null when it has none). */
  public record OpenTask(String id, String processInstanceId, String name, Instant dueDate) {}

  private final JdbcTemplate jdbc;

  public CaseInstanceIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** caseNo → ids of the process instances with a variable {@code caseNo} of that value (any scope). */
  public Map<String, Set<String>> instancesCarrying(Collection<String> caseNos) {
    Map<String, Set<String>> out = new HashMap<>();
    for (List<String> chunk : chunks(caseNos)) {
      jdbc.query("SELECT PROC_INST_ID_, TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = 'caseNo' AND TEXT_ IN ("
          + marks(chunk.size()) + ") AND PROC_INST_ID_ IS NOT NULL", rs -> {
            out.computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>()).add(rs.getString(1));
          }, chunk.toArray());
    }
    return out;
  }

  /** processInstanceId → its open tasks. */
  public Map<String, List<OpenTask>> openTasks(Collection<String> processInstanceIds) {
    Map<String, List<OpenTask>> out = new HashMap<>();
    for (List<String> chunk : chunks(processInstanceIds)) {
      jdbc.query("SELECT ID_, PROC_INST_ID_, NAME_, DUE_DATE_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN ("
          + marks(chunk.size()) + ")", rs -> {
            java.sql.Timestamp due = rs.getTimestamp(4);
            OpenTask t = new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3),
                due == null ? null : due.toInstant());
            out.computeIfAbsent(t.processInstanceId(), k -> new ArrayList<>()).add(t);
          }, chunk.toArray());
    }
    return out;
  }

  /**
   * processInstanceId → variable name → value of the named process variables of the given instances (dates as
   * {@link java.util.Date}, other values as their text; the engine's query API joins each variable to its task and
   * authorization rows, 5.6 s for the deadlines of 500 cases at 30,000 open tasks).
   */
  public Map<String, Map<String, Object>> variables(Collection<String> processInstanceIds, Collection<String> names) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    List<String> nameList = List.copyOf(names);
    for (List<String> chunk : chunks(processInstanceIds)) {
      List<Object> args = new ArrayList<>(chunk);
      args.addAll(nameList);
      jdbc.query("SELECT PROC_INST_ID_, NAME_, VAR_TYPE_, LONG_, TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ IN ("
          + marks(chunk.size()) + ") AND NAME_ IN (" + marks(nameList.size()) + ")",
          rs -> {
            String type = rs.getString(3);
            long millis = rs.getLong(4);
            Object value = "date".equals(type) ? (rs.wasNull() ? null : new java.util.Date(millis)) : rs.getString(5);
            if (value != null) {
              out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), value);
            }
          }, args.toArray());
    }
    return out;
  }

  private static List<List<String>> chunks(Collection<String> values) {
    List<String> all = values.stream().filter(java.util.Objects::nonNull).distinct().toList();
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(i + CHUNK, all.size())));
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
