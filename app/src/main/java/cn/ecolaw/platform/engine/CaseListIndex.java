package cn.ecolaw.platform.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case list's search in SQL (issue 14): filters, order and page of the unit's cases over {@code case_file} and
 * {@code case_access}, with the statutory deadline and the flows of each case read from the engine's tables as the
 * engine would let the caller read them. The list used to read the latest 500 cases and filter them in memory, so a
 * search for an older case found nothing.
 *
 * <p>A case's deadline is the earliest due date of the open tasks of the process instances carrying its number
 * (variable {@code caseNo}) that the caller's unit may read, kept per case and unit in {@code case_list_due}
 * ({@link CaseListDue}); its flows are the process keys of those instances. For the flow filter, only instances the
 * caller may read count, with the check of the engine's own {@code HistoricProcessInstanceQuery} (historic instance
 * permissions on):
 * a GRANT (no revokes are written by the platform) to the user, {@code *} or one of the user's groups of READ_HISTORY
 * on the process definition (its key or {@code *}) or of READ on the historic process instance (its id or {@code *}).
 * The engine administrator and engine-internal work (no authentication) read every instance.
 *
 * <p>Order: by the deadline's calendar day ({@code case_list_due.due_day}), then the newest case first, then the case
 * number.
 */
@Component
public class CaseListIndex {

  /** What the list asks for; null or empty means "any". {@code units} null: every case (not restricted). */
  public record Criteria(Collection<String> units, String q, Collection<String> qStatuses, Collection<String> qDomains,
      Collection<String> qViolationTypes, String status, String flow, String region, Instant dueFrom,
      Instant dueBefore, int offset, int limit) {}

  /** A page of case numbers and how many cases match: exact, or at least {@link #COUNT_CAP} when {@code capped}. */
  public record Page(List<String> caseNos, long total, boolean capped) {

    Page(List<String> caseNos, long total) {
      this(caseNos, total, false);
    }
  }

  /** Counting stops here (the list of a bureau holds tens of thousands of cases): "10,000 or more". */
  public static final int COUNT_CAP = 10_000;

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;

  public CaseListIndex(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  public Page search(Criteria c) {
    if (c.units() != null && c.units().isEmpty()) {
      return new Page(List.of(), 0);
    }
    Readable readable = readable();
    List<Object> filterArgs = new ArrayList<>();
    String filter = where(c, readable, filterArgs);
    List<Object> rangeArgs = new ArrayList<>();
    String range = dueFilter(c, rangeArgs);
    if (c.units() != null && c.units().size() > 1) {
      return oneQuery(c, filter, filterArgs, range, rangeArgs);
    }
    // one unit (or none: every case): the cases with a deadline in its order (index on unit, due_day), then those
    // without one, newest first (index on created_at); each part read only as far as the page reaches
    String unit = c.units() == null ? CaseListDue.ALL_UNITS : c.units().iterator().next();
    boolean byDue = c.dueFrom() != null || c.dueBefore() != null;
    String withDue = " FROM case_file c JOIN case_list_due due ON due.case_no = c.case_no AND due.unit = ?"
        + " WHERE due.due_day IS NOT NULL" + filter + range;
    List<Object> withDueArgs = new ArrayList<>(List.of(unit));
    withDueArgs.addAll(filterArgs);
    withDueArgs.addAll(rangeArgs);
    String without = " FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM case_list_due due WHERE due.case_no = c.case_no"
        + " AND due.unit = ? AND due.due_day IS NOT NULL)" + filter;
    List<Object> withoutArgs = new ArrayList<>(List.of(unit));
    withoutArgs.addAll(filterArgs);

    boolean deep = c.offset() + c.limit() > COUNT_CAP;
    if (c.q() != null || c.status() != null || c.flow() != null) {
      return filtered(c, unit, filter, filterArgs, range, rangeArgs, withDue, withDueArgs, without, withoutArgs, deep);
    }
    long first = count(withDue, withDueArgs, deep);
    // beyond the cap the page lies in the first part: the second is not counted
    long second = byDue || !deep && first >= COUNT_CAP ? 0 : count(without, withoutArgs, deep);
    long total = first + second;
    boolean capped = !deep && (first >= COUNT_CAP || second >= COUNT_CAP || total > COUNT_CAP);
    if (capped) {
      total = Math.min(total, COUNT_CAP);
    }
    List<String> caseNos = new ArrayList<>();
    if (c.offset() < first) {
      caseNos.addAll(rows("SELECT c.case_no" + withDue + " ORDER BY due.due_day, c.created_at DESC, c.case_no",
          withDueArgs, c.offset(), c.limit()));
    }
    int missing = c.limit() - caseNos.size();
    if (!byDue && missing > 0 && second > 0) {
      long offset = Math.max(0, c.offset() - first);
      caseNos.addAll(rows("SELECT c.case_no" + without + " ORDER BY c.created_at DESC, c.case_no", withoutArgs,
          offset, missing));
    }
    return new Page(caseNos, total, capped);
  }

  /**
   * A list narrowed by the search, the status or the flow (one unit): the matching cases are counted once, both parts
   * together and without their deadline rows (unless the deadline is filtered), up to one beyond the cap, instead of
   * one count per part each joined to the deadlines; the page finds the end of the first part by reading it. A search
   * (a scan of {@code case_file}) is counted and paged in one statement. The answer is that of the two separate counts
   * ({@link #counted}): below the cap exact, above it "10,000 or more" whatever the split of the parts, at it "or more"
   * only when one part holds them all.
   */
  private Page filtered(Criteria c, String unit, String filter, List<Object> filterArgs, String range,
      List<Object> rangeArgs, String withDue, List<Object> withDueArgs, String without, List<Object> withoutArgs,
      boolean deep) {
    boolean byDue = c.dueFrom() != null || c.dueBefore() != null;
    List<Object> args = new ArrayList<>(List.of(unit));
    args.addAll(filterArgs);
    args.addAll(rangeArgs);
    String matching = " FROM case_file c LEFT JOIN case_list_due due ON due.case_no = c.case_no AND due.unit = ?"
        + " AND due.due_day IS NOT NULL WHERE 1 = 1" + filter + range;
    if (c.q() != null) {
      // the search scans case_file (a pattern inside the text: no index serves it): once, for the page and both
      // counts together, in the list's order (the cases with a deadline first, as the two parts are read)
      List<Object> pageArgs = new ArrayList<>(args);
      pageArgs.add(c.limit());
      pageArgs.add(c.offset());
      List<String> caseNos = new ArrayList<>();
      long[] both = {-1, -1};
      jdbc.query("SELECT c.case_no, COUNT(*) OVER (), COUNT(due.due_day) OVER ()" + matching
          + " ORDER BY due.due_day NULLS LAST, c.created_at DESC, c.case_no LIMIT ? OFFSET ?", rs -> {
            caseNos.add(rs.getString(1));
            both[0] = rs.getLong(2);
            both[1] = rs.getLong(3);
          }, pageArgs.toArray());
      if (both[0] >= 0) {
        long first = both[1];
        return counted(caseNos, first, byDue ? 0 : both[0] - first, byDue, deep);
      }
      // a page beyond the last match: counted as below
    }
    // how many match in all, both parts together (no deadline row needed unless the deadline is filtered), up to one
    // beyond the cap: beyond it the answer is "10,000 or more" whatever the split of the parts
    String all = byDue ? matching : " FROM case_file c WHERE 1 = 1" + filter;
    Long matched = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT c.case_no" + all
        + (deep ? "" : " LIMIT " + (COUNT_CAP + 1)) + ") m", Long.class, (byDue ? args : filterArgs).toArray());
    long n = matched == null ? 0 : matched;
    List<String> caseNos = new ArrayList<>();
    Long first = null;
    if (n > c.offset()) {
      caseNos.addAll(rows("SELECT c.case_no" + withDue + " ORDER BY due.due_day, c.created_at DESC, c.case_no",
          withDueArgs, c.offset(), c.limit()));
      int missing = c.limit() - caseNos.size();
      if (!byDue && missing > 0) {
        // the first part ends on this page (its rows read) or before it (counted: at most the page's offset, so
        // exactly when below the cap)
        first = caseNos.isEmpty() ? count(withDue, withDueArgs, deep) : c.offset() + caseNos.size();
        if (n > first) {
          caseNos.addAll(rows("SELECT c.case_no" + without + " ORDER BY c.created_at DESC, c.case_no", withoutArgs,
              Math.max(0, c.offset() - first), missing));
        }
      }
    }
    if (deep || n < COUNT_CAP) {
      return new Page(caseNos, n, false);
    }
    if (n > COUNT_CAP) {
      return new Page(caseNos, COUNT_CAP, true);
    }
    // exactly the cap: "or more" as the separate counts say it when one part holds them all
    long withDeadline = first != null ? first : count(withDue, withDueArgs, false);
    return new Page(caseNos, COUNT_CAP, byDue || withDeadline == COUNT_CAP || withDeadline == 0);
  }

  /**
   * The page with the total the two parts' separate counts give ({@link #count}: the first up to the cap, the second
   * only below it; exact for a page beyond the cap), from the parts' exact sizes.
   */
  private static Page counted(List<String> caseNos, long first, long second, boolean byDue, boolean deep) {
    if (deep) {
      return new Page(caseNos, first + (byDue ? 0 : second), false);
    }
    long f = Math.min(first, COUNT_CAP);
    long s = byDue || f >= COUNT_CAP ? 0 : Math.min(second, COUNT_CAP);
    long total = f + s;
    boolean capped = f >= COUNT_CAP || s >= COUNT_CAP || total > COUNT_CAP;
    return new Page(caseNos, capped ? Math.min(total, COUNT_CAP) : total, capped);
  }

  /** How many rows the part holds: exactly, or up to {@link #COUNT_CAP} (then "at least"). */
  private long count(String part, List<Object> args, boolean exact) {
    String sql = exact ? "SELECT COUNT(*)" + part
        : "SELECT COUNT(*) FROM (SELECT c.case_no" + part + " LIMIT " + COUNT_CAP + ") capped";
    Long n = jdbc.queryForObject(sql, Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  private List<String> rows(String sql, List<Object> args, long offset, int limit) {
    List<Object> all = new ArrayList<>(args);
    all.add(limit);
    all.add(offset);
    return jdbc.queryForList(sql + " LIMIT ? OFFSET ?", String.class, all.toArray());
  }

  /** A caller of several units: their earliest deadline per case, in one query (exact count). */
  private Page oneQuery(Criteria c, String filter, List<Object> filterArgs, String range, List<Object> rangeArgs) {
    boolean byDue = c.dueFrom() != null || c.dueBefore() != null;
    List<Object> dueArgs = new ArrayList<>();
    String due = dueJoin(c.units(), dueArgs);
    List<Object> countArgs = new ArrayList<>(byDue ? dueArgs : List.of());
    countArgs.addAll(filterArgs);
    countArgs.addAll(rangeArgs);
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_file c" + (byDue ? due : "") + " WHERE 1 = 1" + filter
        + range, Long.class, countArgs.toArray());
    if (total == null || total == 0 || c.offset() >= total) {
      return new Page(List.of(), total == null ? 0 : total);
    }
    List<Object> args = new ArrayList<>(dueArgs);
    args.addAll(filterArgs);
    args.addAll(rangeArgs);
    args.add(c.limit());
    args.add(c.offset());
    List<String> caseNos = jdbc.queryForList("SELECT c.case_no FROM case_file c" + due + " WHERE 1 = 1" + filter + range
        + " ORDER BY due.due_day NULLS LAST, c.created_at DESC, c.case_no LIMIT ? OFFSET ?",
        String.class, args.toArray());
    return new Page(caseNos, total);
  }

  /**
   * {@code due}: the case's deadline for the caller's unit ({@code case_list_due}, kept by {@link CaseListDue}); for
   * a caller of several units the earliest of theirs; for a caller not restricted to units that of every instance.
   */
  private static String dueJoin(Collection<String> units, List<Object> args) {
    if (units == null || units.size() == 1) {
      args.add(units == null ? CaseListDue.ALL_UNITS : units.iterator().next());
      return " LEFT JOIN case_list_due due ON due.case_no = c.case_no AND due.unit = ?";
    }
    args.addAll(units);
    return " LEFT JOIN (SELECT case_no, MIN(next_due) AS next_due, MIN(due_day) AS due_day FROM case_list_due"
        + " WHERE unit IN (" + marks(units.size()) + ") GROUP BY case_no) due ON due.case_no = c.case_no";
  }

  /** The filters on the case's own columns, its unit and its flows; arguments appended to {@code args}. */
  private static String where(Criteria c, Readable readable, List<Object> args) {
    StringBuilder sql = new StringBuilder();
    if (c.units() != null) {
      sql.append(" AND c.case_no IN (SELECT a.case_no FROM case_access a WHERE a.unit IN (").append(marks(c.units().size()))
          .append("))");
      args.addAll(c.units());
    }
    if (c.q() != null) {
      String needle = c.q().toLowerCase(Locale.ROOT);
      String like = "%" + escapeLike(needle) + "%";
      // a text of Chinese characters and digits only is the same in any case: no column needs lowering first (no
      // case mapping yields or changes such a character), which halves the scan's cost per case
      String col = uncased(needle) ? "c.%s" : "LOWER(c.%s)";
      sql.append(" AND (").append(String.format(col, "case_no")).append(" LIKE ? ESCAPE '!' OR ")
          .append(String.format(col, "party_name")).append(" LIKE ? ESCAPE '!' OR ")
          .append(String.format(col, "party_id")).append(" LIKE ? ESCAPE '!' OR ")
          .append(String.format(col, "region")).append(" LIKE ? ESCAPE '!'");
      for (int i = 0; i < 4; i++) {
        args.add(like);
      }
      in(sql, " OR c.status IN ", c.qStatuses(), args);
      in(sql, " OR c.domain IN ", c.qDomains(), args);
      in(sql, " OR c.violation_type IN ", c.qViolationTypes(), args);
      sql.append(')');
    }
    if (c.status() != null) {
      sql.append(" AND c.status = ?");
      args.add(c.status());
    }
    if (c.region() != null) {
      sql.append(" AND c.region LIKE ? ESCAPE '!'");
      args.add("%" + escapeLike(c.region()) + "%");
    }
    if (c.flow() != null) {
      // the case numbers carried by the key's instances (case_list_flow, kept with the deadlines by CaseListDue),
      // from its index on (flow, case number, instance) alone, instead of probing the history once per case
      sql.append(" AND c.case_no IN (SELECT f.case_no FROM case_list_flow f WHERE f.flow = ?");
      args.add(c.flow());
      sql.append(readable.sql("f.process_instance_id", "f.flow", args, c.flow())).append(')');
    }
    return sql.toString();
  }

  private static String dueFilter(Criteria c, List<Object> args) {
    StringBuilder sql = new StringBuilder();
    if (c.dueFrom() != null) {
      sql.append(" AND due.next_due >= ?");
      args.add(Timestamp.from(c.dueFrom()));
    }
    if (c.dueBefore() != null) {
      sql.append(" AND due.next_due < ?");
      args.add(Timestamp.from(c.dueBefore()));
    }
    return sql.toString();
  }

  private static void in(StringBuilder sql, String prefix, Collection<String> values, List<Object> args) {
    if (values == null || values.isEmpty()) {
      return;
    }
    sql.append(prefix).append('(').append(marks(values.size())).append(')');
    args.addAll(values);
  }

  /** Whether the text holds only Chinese characters (script Han) and the digits 0-9: no case to fold. */
  static boolean uncased(String text) {
    return text.codePoints().allMatch(cp -> cp >= '0' && cp <= '9'
        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * Which process instances the caller may read, as the engine checks its historic process instance query: null
   * fields mean every instance ({@link #all}).
   */
  record Readable(boolean all, Set<String> keys, String userId, List<String> groups) {

    /** {@code AND (…)} restricting an instance (id and key expressions) to the readable ones; "" when all are. */
    String sql(String idExpr, String keyExpr, List<Object> args, String knownKey) {
      if (all || knownKey != null && keys.contains(knownKey)) {
        return "";
      }
      StringBuilder sql = new StringBuilder(" AND (");
      if (!keys.isEmpty()) {
        sql.append(keyExpr).append(" IN (").append(marks(keys.size())).append(") OR ");
        args.addAll(keys);
      }
      sql.append(idExpr).append(" IN (SELECT g.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION g WHERE g.TYPE_ < 2")
          .append(" AND g.RESOURCE_TYPE_ = ").append(Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
          .append(" AND MOD(g.PERMS_ / ").append(HistoricProcessInstancePermissions.READ.getValue()).append(", 2) = 1")
          .append(" AND (g.USER_ID_ IN (?, '*')");
      args.add(userId);
      if (!groups.isEmpty()) {
        sql.append(" OR g.GROUP_ID_ IN (").append(marks(groups.size())).append(')');
        args.addAll(groups);
      }
      return sql.append(")))").toString();
    }
  }

  Readable readable() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (!cfg.isAuthorizationEnabled() || auth == null || auth.getUserId() == null) {
      return new Readable(true, Set.of(), null, List.of());
    }
    List<String> groups = auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds());
    if (cfg.getAdminUsers() != null && cfg.getAdminUsers().contains(auth.getUserId())
        || cfg.getAdminGroups() != null && groups.stream().anyMatch(cfg.getAdminGroups()::contains)) {
      return new Readable(true, Set.of(), null, List.of());
    }
    // the grants on process definitions (a few per group) and any grant on every instance ('*'), by the engine's
    // unique indexes on (TYPE_, GROUP_ID_ | USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_)
    int definition = Resources.PROCESS_DEFINITION.resourceType();
    int instance = Resources.HISTORIC_PROCESS_INSTANCE.resourceType();
    List<Object> args = new ArrayList<>(List.of(auth.getUserId(), definition, instance));
    StringBuilder sql = new StringBuilder("SELECT RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION"
        + " WHERE TYPE_ IN (0, 1) AND USER_ID_ IN (?, '*') AND (RESOURCE_TYPE_ = ? OR RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = '*')");
    if (!groups.isEmpty()) {
      sql.append(" UNION ALL SELECT RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1")
          .append(" AND GROUP_ID_ IN (").append(marks(groups.size())).append(") AND RESOURCE_TYPE_ = ?");
      args.addAll(groups);
      args.add(definition);
      sql.append(" UNION ALL SELECT RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1")
          .append(" AND GROUP_ID_ IN (").append(marks(groups.size())).append(") AND RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = '*'");
      args.addAll(groups);
      args.add(instance);
    }
    Set<String> keys = new LinkedHashSet<>();
    boolean[] all = {false};
    int readHistory = ProcessDefinitionPermissions.READ_HISTORY.getValue();
    int read = HistoricProcessInstancePermissions.READ.getValue();
    jdbc.query(sql.toString(), rs -> {
      int type = rs.getInt(1);
      String id = rs.getString(2);
      int perms = rs.getInt(3);
      boolean granted = type == Resources.PROCESS_DEFINITION.resourceType()
          ? (perms & readHistory) == readHistory : (perms & read) == read;
      if (!granted) {
        return;
      }
      if ("*".equals(id)) {
        all[0] = true;
      } else {
        keys.add(id);
      }
    }, args.toArray());
    return new Readable(all[0], keys, auth.getUserId(), groups);
  }
}
