package cn.ecolaw.platform.workspace;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.caseview.CaseQueryService;
import cn.ecolaw.platform.engine.CaseInstanceIndex;
import cn.ecolaw.platform.engine.CaseListIndex;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The unit's cases as the workspace lists them: searched, filtered and sorted by the nearest statutory deadline.
 * A case's deadline is the due date of its open tasks (the models set each task's due date from the deadline the
 * calendar computed), named after the deadline variable of the same date. Only the cases the caller's unit may see
 * ({@code CaseQueryService.list}, i.e. {@code case_access}) are listed; the engine's authorization applies to what is
 * read about them.
 */
@Service
public class WorkspaceCases {

  /** Process keys a case may run through, with their Chinese names (the flow filter). */
  public static final Map<String, String> FLOWS = flows();

  private final CaseQueryService query;
  private final HistoryService history;
  private final CaseInstanceIndex caseInstances;
  private final CaseListIndex index;

  public WorkspaceCases(CaseQueryService query, HistoryService history, CaseInstanceIndex caseInstances,
      CaseListIndex index) {
    this.query = query;
    this.history = history;
    this.caseInstances = caseInstances;
    this.index = index;
  }

  /** Filters of the list; every one optional. {@code due}: {@code week} (due by Sunday) or {@code overdue}. */
  public record Filter(String q, String status, String flow, String region, String due) {

    static String clean(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }

  public record Deadline(String label, String basis, String date, boolean passed, long daysLeft, String taskName) {}

  public record Row(String caseNo, String partyName, String partyId, String region, String domainLabel,
      String violationTypeLabel, String status, String statusLabel, String outcomeLabel, Instant createdAt,
      List<String> flows, List<String> flowLabels, Deadline nextDeadline, int openTasks) {}

  /** Default and largest page size of the list. */
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** One page of the list and how many cases match in all (at least {@code total} when {@code capped}). */
  public record Result(List<Row> rows, long total, boolean capped, int page, int size) {}

  /**
   * The unit's cases matching the filter, nearest statutory deadline first (then the newest case), one page of them:
   * the search, the order and the page in SQL over every case the caller's units may see ({@link CaseListIndex}),
   * the rows of the page then read as before (flows, deadline and open tasks as the engine lets the caller read).
   */
  public Result list(Filter filter, int page, int size) {
    String status = Filter.clean(filter.status());
    String flow = Filter.clean(filter.flow());
    String due = Filter.clean(filter.due());
    guard(status, flow, due);
    if (page < 0) {
      throw PlatformException.badRequest("WS-004", "页码不正确：" + page + "（从 0 开始）");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw PlatformException.badRequest("WS-005", "每页条数不正确：" + size + "（1 至 " + MAX_SIZE + "）");
    }
    if ((long) page * size > Integer.MAX_VALUE - MAX_SIZE) {
      throw PlatformException.badRequest("WS-004", "页码不正确：" + page + "（超出范围）");
    }
    String q = Filter.clean(filter.q());
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    LocalDate today = Dates.today();
    Instant dueFrom = null;
    Instant dueBefore = null;
    if ("overdue".equals(due)) {
      dueBefore = today.atStartOfDay(Dates.ZONE).toInstant();
    } else if ("week".equals(due)) {
      dueFrom = today.atStartOfDay(Dates.ZONE).toInstant();
      dueBefore = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1).atStartOfDay(Dates.ZONE)
          .toInstant();
    }
    CaseListIndex.Page found = index.search(new CaseListIndex.Criteria(
        query.listRestriction().orElse(null), q,
        needle == null ? List.of() : java.util.Arrays.stream(CaseStatus.values())
            .filter(s -> s.label().toLowerCase(Locale.ROOT).contains(needle)).map(CaseStatus::name).toList(),
        codesLabelled(Vocabulary.DOMAINS, needle), codesLabelled(Vocabulary.VIOLATION_TYPES, needle),
        status, flow, Filter.clean(filter.region()), dueFrom, dueBefore, page * size, size));
    Map<String, CaseFile> byNo = new HashMap<>();
    query.files(found.caseNos()).forEach(c -> byNo.put(c.caseNo(), c));
    List<CaseFile> files = found.caseNos().stream().map(byNo::get).filter(java.util.Objects::nonNull).toList();
    return new Result(rows(files), found.total(), found.capped(), page, size);
  }

  private static List<String> codesLabelled(Map<String, String> vocabulary, String needle) {
    if (needle == null) {
      return List.of();
    }
    return vocabulary.entrySet().stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(needle))
        .map(Map.Entry::getKey).toList();
  }

  /** The rows of the given cases, in their order: flows, nearest deadline and open tasks the caller may read. */
  List<Row> rows(List<CaseFile> files) {
    Map<String, Set<String>> instances = instancesOf(files);
    Map<String, String> keys = processKeys(instances);
    Map<String, List<CaseInstanceIndex.OpenTask>> open = caseInstances.openTasks(keys.keySet());
    Map<String, Map<LocalDate, String[]>> deadlineNames = deadlineNames(files, keys.keySet());
    LocalDate today = Dates.today();
    List<Row> rows = new ArrayList<>();
    for (CaseFile c : files) {
      Set<String> pids = instances.getOrDefault(c.caseNo(), Set.of());
      List<String> flows = pids.stream().map(keys::get).filter(java.util.Objects::nonNull).distinct().toList();
      List<CaseInstanceIndex.OpenTask> tasks = pids.stream().flatMap(p -> open.getOrDefault(p, List.of()).stream()).toList();
      Deadline next = nearest(tasks, deadlineNames.getOrDefault(c.caseNo(), Map.of()), today);
      rows.add(new Row(c.caseNo(), c.partyName(), c.partyId(), c.region(),
          Vocabulary.label(Vocabulary.DOMAINS, c.domain()), Vocabulary.label(Vocabulary.VIOLATION_TYPES, c.violationType()),
          c.status(), CaseStatus.valueOf(c.status()).label(), Vocabulary.label(Vocabulary.OUTCOMES, c.outcome()),
          c.createdAt(), flows, flows.stream().map(k -> FLOWS.getOrDefault(k, k)).toList(), next, tasks.size()));
    }
    return rows;
  }

  private static void guard(String status, String flow, String due) {
    if (status != null && java.util.Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw PlatformException.badRequest("WS-001", "案件状态筛选条件不正确：" + status);
    }
    if (flow != null && !FLOWS.containsKey(flow)) {
      throw PlatformException.badRequest("WS-002", "流程筛选条件不正确：" + flow);
    }
    if (due != null && !"week".equals(due) && !"overdue".equals(due)) {
      throw PlatformException.badRequest("WS-003", "期限筛选条件只能是“本周到期”（week）或“已超期”（overdue）");
    }
  }

  /**
   * The case's own instance and every instance that carries its number in {@code caseNo} (court, injunction…): only
   * the listed cases' variables are read ({@code CaseInstanceIndex}); {@link #processKeys} then keeps the instances
   * the engine lets the caller read.
   */
  Map<String, Set<String>> instancesOf(List<CaseFile> files) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (CaseFile c : files) {
      Set<String> pids = new LinkedHashSet<>();
      if (c.processInstanceId() != null) {
        pids.add(c.processInstanceId());
      }
      out.put(c.caseNo(), pids);
    }
    if (files.isEmpty()) {
      return out;
    }
    caseInstances.instancesCarrying(out.keySet()).forEach((caseNo, pids) -> out.get(caseNo).addAll(pids));
    return out;
  }

  /** Process instance id → process key, of the instances the caller may read (the engine's authorization). */
  private Map<String, String> processKeys(Map<String, Set<String>> instances) {
    Set<String> all = new LinkedHashSet<>();
    instances.values().forEach(all::addAll);
    Map<String, String> out = new HashMap<>();
    List<String> ids = new ArrayList<>(all);
    for (int i = 0; i < ids.size(); i += 500) {
      for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
          .processInstanceIds(new LinkedHashSet<>(ids.subList(i, Math.min(i + 500, ids.size())))).list()) {
        out.put(pi.getId(), pi.getProcessDefinitionKey());
      }
    }
    return out;
  }

  /** caseNo → date → {label, basis} of the statutory deadlines recorded in the case's own instance. */
  private Map<String, Map<LocalDate, String[]>> deadlineNames(List<CaseFile> files, Set<String> readableInstances) {
    Map<String, String> caseOf = new HashMap<>();
    files.stream().filter(c -> c.processInstanceId() != null).forEach(c -> caseOf.put(c.processInstanceId(), c.caseNo()));
    Map<String, Map<LocalDate, String[]>> out = new HashMap<>();
    if (caseOf.isEmpty()) {
      return out;
    }
    Map<String, String[]> kinds = new HashMap<>();
    CaseQueryService.deadlineKinds().forEach(k -> kinds.put(k[0], k));
    // the cases' own instances the caller may read (processKeys); their process-level deadline variables
    Set<String> readable = new LinkedHashSet<>(caseOf.keySet());
    readable.retainAll(readableInstances);
    caseInstances.variables(readable, kinds.keySet()).forEach((pid, values) -> values.forEach((name, value) -> {
      String[] kind = kinds.get(name);
      out.computeIfAbsent(caseOf.get(pid), k -> new HashMap<>())
          .put(Dates.toLocalDate(value), new String[] {kind[1], kind[2]});
    }));
    return out;
  }

  static Deadline nearest(List<CaseInstanceIndex.OpenTask> tasks, Map<LocalDate, String[]> names, LocalDate today) {
    CaseInstanceIndex.OpenTask first = tasks.stream().filter(t -> t.dueDate() != null)
        .min(Comparator.comparing(CaseInstanceIndex.OpenTask::dueDate)).orElse(null);
    if (first == null) {
      return null;
    }
    LocalDate date = Dates.toLocalDate(java.util.Date.from(first.dueDate()));
    String[] name = names.get(date);
    return new Deadline(name == null ? first.name() + "期限" : name[0], name == null ? null : name[1],
        date.toString(), today.isAfter(date), ChronoUnit.DAYS.between(today, date), first.name());
  }

  private static Map<String, String> flows() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("enforcement-case", "行政处罚案件");
    m.put("daily-penalty", "按日连续处罚");
    m.put("non-litigation-execution", "非诉执行");
    m.put("injunction", "禁止令");
    m.put("restoration", "生态修复");
    m.put("mediation-routing", "诉前调解");
    m.put("appraisal", "评估鉴定");
    m.put("judicial-confirmation", "司法确认");
    m.put("case-review", "案卷评查");
    return java.util.Collections.unmodifiableMap(m);
  }
}
