package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.identity.AccessProperties;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case list's deadline projection ({@code case_list_due}, issue 14): per case and per unit that may see it, the
 * earliest due date of the open tasks of the process instances carrying the case number that the unit's case groups
 * may read (the engine's check for a historic process instance: READ_HISTORY on its process definition or READ on
 * the instance, granted to the unit's groups, the unit's own group or {@code *}); unit {@code *}: every instance, for
 * the administrator. The list orders and filters by it instead of aggregating every open task at each query (0.5–2 s
 * at 30,000 open tasks).
 *
 * <p>Kept by the engine: every history event of a task (created, updated e.g. its due date, completed, deleted), of a
 * process instance (started, ended) and of a variable {@code caseNo} marks its process instance; just before the
 * transaction commits (the engine has flushed its rows) the cases of the marked instances are computed again from the
 * engine's tables. At start the table is rebuilt from the engine's tables when it is empty (the first start after the
 * migration: the cases of before) or when {@code platform.case-list.rebuild-on-start=true} (heals what the events
 * cannot see: a grant given to a unit without any change to the case's tasks, rows written by SQL; 17 s at 95,000
 * open tasks). Days are the database's local dates, i.e. the JVM's time zone (Asia/Shanghai, as the app is started).
 *
 * <p>With the deadlines, the case's flows ({@code case_list_flow}: the instances carrying its number and their process
 * keys, the list's flow filter) are written from the same reads, and rebuilt with them. A {@code caseNo} replaced or
 * removed marks the case it carried until then too (read while the history still holds it).
 */
@Component
@Order(10)
public class CaseListDue extends AbstractProcessEnginePlugin implements ApplicationRunner {

  /** The row of every case for a caller who is not restricted to units (the administrator, engine-internal work). */
  public static final String ALL_UNITS = "*";

  private static final Logger LOG = LoggerFactory.getLogger(CaseListDue.class);
  private static final Object PENDING = new Object();
  private static final int READ_HISTORY = ProcessDefinitionPermissions.READ_HISTORY.getValue();
  private static final int READ = HistoricProcessInstancePermissions.READ.getValue();

  private final JdbcTemplate jdbc;
  private final AccessProperties access;
  private final TransactionTemplate transactions;
  private final boolean rebuildOnStart;
  private volatile Boolean postgres;

  public CaseListDue(JdbcTemplate jdbc, AccessProperties access,
      org.springframework.transaction.PlatformTransactionManager transactionManager,
      @org.springframework.beans.factory.annotation.Value("${platform.case-list.rebuild-on-start:false}")
      boolean rebuildOnStart) {
    this.rebuildOnStart = rebuildOnStart;
    this.jdbc = jdbc;
    this.access = access;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  // ------------------------------------------------------------------------------------------------ engine events

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        changed(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
      }
    });
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }

  void changed(HistoryEvent event) {
    if (event.getProcessInstanceId() == null) {
      return;
    }
    boolean relevant = event instanceof HistoricTaskInstanceEventEntity
        || event instanceof HistoricProcessInstanceEventEntity
        || event instanceof HistoricVariableUpdateEventEntity v && "caseNo".equals(v.getVariableName());
    if (relevant) {
      Pending pending = pending();
      if (pending != null) {
        pending.instances.add(event.getProcessInstanceId());
        boolean caseNoReplaced = event instanceof HistoricVariableUpdateEventEntity
            && (event.isEventOfType(org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)
            || event.isEventOfType(org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_DELETE));
        if (caseNoReplaced || event instanceof HistoricProcessInstanceEventEntity
            && event.isEventOfType(org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_END)) {
          // an instance ends (or is deleted, e.g. with its deployment and its history), or its case number is
          // replaced or removed: the case it carried until now is read now, while its history still names it (the
          // engine flushes later), so that that case's rows follow too
          pending.cases.addAll(jdbc.queryForList("SELECT DISTINCT TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = 'caseNo'"
              + " AND TEXT_ IS NOT NULL AND PROC_INST_ID_ = ?", String.class, event.getProcessInstanceId()));
        }
      }
    }
  }

  /**
   * Who may read a case changed without any change to its tasks (a unit given access, a read grant on an instance's
   * history given or taken back, e.g. the court's at the hand-over): the case's rows follow before commit.
   */
  @org.springframework.context.event.EventListener
  public void readChanged(cn.ecolaw.platform.identity.CaseReadChanged event) {
    Pending pending = pending();
    if (pending == null) {
      return;
    }
    if (event.caseNo() != null) {
      pending.cases.add(event.caseNo());
    }
    if (event.processInstanceId() != null) {
      pending.instances.add(event.processInstanceId());
    }
  }

  /** The instances and cases marked in this transaction (refreshed before it commits), or null outside one. */
  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Pending marked = new Pending();
      TransactionSynchronizationManager.bindResource(PENDING, marked);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          if (!marked.instances.isEmpty()) {
            refreshInstances(marked.instances);
          }
          marked.cases.forEach(CaseListDue.this::refresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
      });
      pending = marked;
    }
    return pending;
  }

  private static final class Pending {
    final Set<String> instances = new LinkedHashSet<>();
    final Set<String> cases = new TreeSet<>();
  }

  /** The cases of the given process instances, computed again (the instances' rows are flushed). */
  void refreshInstances(Collection<String> processInstanceIds) {
    Set<String> caseNos = new TreeSet<>();
    List<String> ids = List.copyOf(processInstanceIds);
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(i + 500, ids.size()));
      caseNos.addAll(jdbc.queryForList("SELECT DISTINCT TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = 'caseNo' AND TEXT_ IS NOT NULL"
          + " AND PROC_INST_ID_ IN (" + marks(chunk.size()) + ")", String.class, chunk.toArray()));
    }
    caseNos.forEach(this::refresh);
  }

  // ------------------------------------------------------------------------------------------------ one case

  /** The case's rows, computed again from the engine's tables. */
  public void refresh(String caseNo) {
    Map<String, String> keyOf = new HashMap<>();
    jdbc.query("SELECT DISTINCT v.PROC_INST_ID_, p.PROC_DEF_KEY_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p"
        + " ON p.ID_ = v.PROC_INST_ID_ WHERE v.NAME_ = 'caseNo' AND v.TEXT_ = ?",
        rs -> {
          keyOf.put(rs.getString(1), rs.getString(2));
        }, caseNo);
    Map<String, Timestamp> dueOf = new HashMap<>();
    if (!keyOf.isEmpty()) {
      List<String> pids = List.copyOf(keyOf.keySet());
      jdbc.query("SELECT PROC_INST_ID_, MIN(DUE_DATE_) FROM ACT_RU_TASK WHERE DUE_DATE_ IS NOT NULL AND PROC_INST_ID_ IN ("
          + marks(pids.size()) + ") GROUP BY PROC_INST_ID_", rs -> {
            dueOf.put(rs.getString(1), rs.getTimestamp(2));
          }, pids.toArray());
    }
    List<String> units = new ArrayList<>(jdbc.queryForList("SELECT unit FROM case_access WHERE case_no = ?",
        String.class, caseNo));
    units.retainAll(access.caseGroups().keySet());
    List<Grant> grants = dueOf.isEmpty() || units.isEmpty() ? List.of() : grants(dueOf.keySet(), keyOf);
    Map<String, Timestamp> rows = new HashMap<>();
    // as the rebuild: the row of every instance only for a case the platform has filed (case_file)
    boolean filed = !jdbc.queryForList("SELECT case_no FROM case_file WHERE case_no = ?", String.class, caseNo).isEmpty();
    rows.put(ALL_UNITS, filed ? earliest(dueOf, pid -> true) : null);
    for (String unit : units) {
      Set<String> groups = groupsOf(unit);
      rows.put(unit, earliest(dueOf, pid -> grants.stream().anyMatch(g -> g.lets(groups, pid, keyOf.get(pid)))));
    }
    jdbc.update("DELETE FROM case_list_due WHERE case_no = ? AND unit NOT IN (" + marks(rows.size()) + ")",
        concat(caseNo, rows.keySet()));
    rows.forEach((unit, due) -> upsert(caseNo, unit, due));
    refreshFlows(caseNo, keyOf);
  }

  /**
   * The case's rows in {@code case_list_flow}: the instances carrying its number with their process keys (the list's
   * flow filter), written only where they changed.
   */
  private void refreshFlows(String caseNo, Map<String, String> keyOf) {
    if (caseNo.length() > FLOW_CASE_NO_LENGTH) {
      return; // no case of case_file has such a number
    }
    Map<String, String> kept = new HashMap<>();
    jdbc.query("SELECT process_instance_id, flow FROM case_list_flow WHERE case_no = ?",
        rs -> {
          kept.put(rs.getString(1), rs.getString(2));
        }, caseNo);
    for (Map.Entry<String, String> e : kept.entrySet()) {
      if (!e.getValue().equals(keyOf.get(e.getKey()))) {
        jdbc.update("DELETE FROM case_list_flow WHERE case_no = ? AND process_instance_id = ?", caseNo, e.getKey());
      }
    }
    keyOf.forEach((pid, key) -> {
      if (key != null && !key.equals(kept.get(pid))) {
        // an upsert, as the deadlines': another transaction may refresh the same case at the same moment
        if (postgres()) {
          jdbc.update("INSERT INTO case_list_flow (case_no, process_instance_id, flow) VALUES (?, ?, ?)"
              + " ON CONFLICT (case_no, process_instance_id) DO UPDATE SET flow = EXCLUDED.flow", caseNo, pid, key);
        } else {
          jdbc.update("MERGE INTO case_list_flow (case_no, process_instance_id, flow) KEY (case_no, process_instance_id)"
              + " VALUES (?, ?, ?)", caseNo, pid, key);
        }
      }
    });
  }

  /** Case numbers longer than this (case_file's column) are not kept in {@code case_list_flow}. */
  static final int FLOW_CASE_NO_LENGTH = 64;

  private record Grant(int type, String resourceId, String groupId, String userId, int perms) {

    boolean lets(Set<String> groups, String pid, String key) {
      boolean who = "*".equals(userId) || groupId != null && groups.contains(groupId);
      boolean what = type == Resources.PROCESS_DEFINITION.resourceType() ? (perms & READ_HISTORY) == READ_HISTORY
          : (perms & READ) == READ;
      boolean which = "*".equals(resourceId) || resourceId.equals(pid) || resourceId.equals(key);
      return who && what && which;
    }
  }

  private List<Grant> grants(Collection<String> pids, Map<String, String> keyOf) {
    Set<String> resources = new LinkedHashSet<>(pids);
    pids.forEach(pid -> resources.add(keyOf.get(pid)));
    resources.add("*");
    List<Object> args = new ArrayList<>();
    args.add(Resources.PROCESS_DEFINITION.resourceType());
    args.add(Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    args.addAll(resources);
    return jdbc.query("SELECT RESOURCE_TYPE_, RESOURCE_ID_, GROUP_ID_, USER_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION"
        + " WHERE TYPE_ < 2 AND RESOURCE_TYPE_ IN (?, ?) AND RESOURCE_ID_ IN (" + marks(resources.size()) + ")",
        (rs, n) -> new Grant(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
        args.toArray());
  }

  private static Timestamp earliest(Map<String, Timestamp> dueOf, java.util.function.Predicate<String> readable) {
    return dueOf.entrySet().stream().filter(e -> readable.test(e.getKey())).map(Map.Entry::getValue)
        .min(Timestamp::compareTo).orElse(null);
  }

  private void upsert(String caseNo, String unit, Timestamp due) {
    java.sql.Date day = due == null ? null : java.sql.Date.valueOf(due.toLocalDateTime().toLocalDate());
    if (postgres()) {
      jdbc.update("INSERT INTO case_list_due (case_no, unit, next_due, due_day) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (case_no, unit) DO UPDATE SET next_due = EXCLUDED.next_due, due_day = EXCLUDED.due_day",
          caseNo, unit, due, day);
    } else {
      jdbc.update("MERGE INTO case_list_due (case_no, unit, next_due, due_day) KEY (case_no, unit) VALUES (?, ?, ?, ?)",
          caseNo, unit, due, day);
    }
  }

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
          .toLowerCase(java.util.Locale.ROOT).contains("postgres");
      postgres = known;
    }
    return known;
  }

  /** The groups a unit's case workers have: the unit's case groups and the unit's own group. */
  Set<String> groupsOf(String unit) {
    Set<String> groups = new LinkedHashSet<>(access.groupsOf(unit));
    groups.add(unit);
    return groups;
  }

  // ------------------------------------------------------------------------------------------------ every case

  @Override
  public void run(ApplicationArguments args) {
    if (!rebuildOnStart && !empty()) {
      return;
    }
    long started = System.nanoTime();
    try {
      int rows = rebuild();
      LOG.info("case_list_due rebuilt: {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      // another node rebuilding at the same moment, say: the rows the events keep stay usable
      LOG.warn("case_list_due not rebuilt: {}", e.getMessage());
    }
  }

  private boolean empty() {
    return jdbc.queryForList("SELECT case_no FROM case_list_due LIMIT 1", String.class).isEmpty();
  }

  /** Every row again, set-wise per unit, in one transaction. */
  public int rebuild() {
    Integer rows = transactions.execute(status -> {
      jdbc.update("DELETE FROM case_list_due");
      int n = insertAll(ALL_UNITS, null);
      for (String unit : new TreeSet<>(access.caseGroups().keySet())) {
        n += insertAll(unit, groupsOf(unit));
      }
      // the flows: every instance carrying a case number (as db/engine-migration-*/V300 fills them)
      jdbc.update("DELETE FROM case_list_flow");
      jdbc.update("INSERT INTO case_list_flow (case_no, process_instance_id, flow)"
          + " SELECT DISTINCT v.TEXT_, p.ID_, p.PROC_DEF_KEY_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p"
          + " ON p.ID_ = v.PROC_INST_ID_ WHERE v.NAME_ = 'caseNo' AND v.TEXT_ IS NOT NULL"
          + " AND LENGTH(v.TEXT_) <= " + FLOW_CASE_NO_LENGTH + " AND p.PROC_DEF_KEY_ IS NOT NULL");
      return n;
    });
    if (postgres()) {
      // fresh statistics: without them the planner takes the rebuilt table for a few hundred rows and walks the
      // list's index probing every case (0.6 s for ?q= at 40,000 deadlines instead of a hash join)
      jdbc.execute("ANALYZE case_list_due");
      jdbc.execute("ANALYZE case_list_flow");
    }
    return rows == null ? 0 : rows;
  }

  private int insertAll(String unit, Set<String> groups) {
    List<Object> args = new ArrayList<>();
    args.add(unit);
    StringBuilder sql = new StringBuilder("INSERT INTO case_list_due (case_no, unit, next_due, due_day)"
        + " SELECT v.TEXT_, ?, MIN(t.DUE_DATE_), CAST(MIN(t.DUE_DATE_) AS DATE) FROM ACT_RU_TASK t"
        + " JOIN ACT_HI_VARINST v ON v.NAME_ = 'caseNo' AND v.PROC_INST_ID_ = t.PROC_INST_ID_"
        + " JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_"
        + " WHERE t.DUE_DATE_ IS NOT NULL AND v.TEXT_ IS NOT NULL");
    if (groups == null) {
      sql.append(" AND v.TEXT_ IN (SELECT case_no FROM case_file)");
    } else {
      sql.append(" AND v.TEXT_ IN (SELECT case_no FROM case_access WHERE unit = ?)");
      args.add(unit);
      List<String> g = List.copyOf(groups);
      sql.append(" AND EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.TYPE_ < 2")
          .append(" AND (a.USER_ID_ = '*' OR a.GROUP_ID_ IN (").append(marks(g.size())).append("))")
          .append(" AND (a.RESOURCE_TYPE_ = ? AND MOD(a.PERMS_ / ").append(READ_HISTORY).append(", 2) = 1")
          .append(" OR a.RESOURCE_TYPE_ = ? AND MOD(a.PERMS_ / ").append(READ).append(", 2) = 1)")
          .append(" AND a.RESOURCE_ID_ IN (p.PROC_DEF_KEY_, '*', p.ID_))");
      args.addAll(g);
      args.add(Resources.PROCESS_DEFINITION.resourceType());
      args.add(Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    }
    sql.append(" GROUP BY v.TEXT_");
    return jdbc.update(sql.toString(), args.toArray());
  }

  private static Object[] concat(String first, Collection<String> rest) {
    List<Object> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out.toArray();
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  /** For tests: the row of a case for a unit ({@link #ALL_UNITS} for every instance), null when it has none. */
  public LocalDate dueDay(String caseNo, String unit) {
    List<java.sql.Date> days = jdbc.queryForList("SELECT due_day FROM case_list_due WHERE case_no = ? AND unit = ?",
        java.sql.Date.class, caseNo, unit);
    return days.isEmpty() || days.get(0) == null ? null : days.get(0).toLocalDate();
  }
}
