package cn.ecolaw.platform.search;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.discretion.DiscretionRecordRepository;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.CaseAccessRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the index documents from the database: one {@link CaseDocument} per process instance of every flow, from
 * its history (variables, tasks, start and end), the bureau's case file ({@code case_file}), the units that may see
 * it ({@code case_access} and the per-instance grants), its discretion record and its generated documents.
 * Read-only; runs outside any user's authentication (engine-internal, unrestricted).
 */
@Component
public class CaseDocuments {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(CHINA);
  private static final Pattern DUE_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z0-9_]+)\\s*}");

  static final Map<String, String> PROCESS_LABELS = Map.ofEntries(
      Map.entry("enforcement-case", "行政处罚案件"),
      Map.entry("non-litigation-execution", "非诉执行"),
      Map.entry("injunction", "禁止令"),
      Map.entry("restoration", "生态修复"),
      Map.entry("mediation-routing", "诉前调解"),
      Map.entry("appraisal", "评估鉴定"),
      Map.entry("judicial-confirmation", "司法确认"),
      Map.entry("case-review", "案卷评查"),
      Map.entry("daily-penalty", "按日连续处罚"));

  /** Statutory deadline names (the due variable without its "At") and their labels; others take the task's name. */
  static final Map<String, String> DEADLINE_LABELS = Map.ofEntries(
      Map.entry("filingDue", "立案期限（十五日）"),
      Map.entry("decisionDue", "作出处罚决定期限（九十日）"),
      Map.entry("statementDue", "陈述申辩及听证申请期限"),
      Map.entry("serviceDue", "送达期限（七个工作日）"),
      Map.entry("paymentDue", "缴纳罚款期限（十五日）"),
      Map.entry("reinspectionDue", "复查期限"),
      Map.entry("transferDue", "移送公安机关期限"),
      Map.entry("policeAnswerDue", "公安机关答复期限"),
      Map.entry("detentionTransferDue", "移送行政拘留期限"),
      Map.entry("reminderDue", "催告期限（十个工作日）"),
      Map.entry("applicationDue", "申请法院强制执行期限（三个月）"),
      Map.entry("acceptanceDue", "法院受理期限（五日）"),
      Map.entry("rulingDue", "裁定期限"),
      Map.entry("executionDue", "执行期限"),
      Map.entry("refusalServiceDue", "不予执行裁定送达期限（五日）"),
      Map.entry("challengeDue", "复议申请期限"),
      Map.entry("challengeDecisionDue", "复议决定期限"),
      Map.entry("challengeReviewDue", "复议审查期限"),
      Map.entry("appealDue", "向上一级法院申请期限（十五日）"),
      Map.entry("appealDecisionDue", "上一级法院决定期限（十五日）"),
      Map.entry("suitDue", "提起诉讼期限"),
      Map.entry("appraisalDue", "鉴定期限（三十个工作日）"),
      Map.entry("rectificationDue", "整改期限"),
      Map.entry("dailyStatementDue", "按日连续处罚陈述申辩期限"),
      Map.entry("dailyServiceDue", "按日连续处罚决定送达期限"),
      Map.entry("dailyPaymentDue", "按日连续处罚缴款期限"));

  private static final String[] PARTY_NAME_KEYS = {"partyName", "respondent", "respondentName", "applicant", "applicants"};
  private static final String[] PARTY_ID_KEYS = {"partyId", "respondentId", "applicantId"};
  private static final String[] FACT_KEYS = {"facts", "basicFacts", "damageDescription"};

  private final HistoryService history;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final AuthorizationService authorizations;
  private final CaseFileRepository cases;
  private final CaseAccessRepository access;
  private final AccessProperties accessProperties;
  private final DiscretionRecordRepository discretion;
  private final DocumentTexts documentTexts;
  private final JdbcTemplate jdbc;
  private final Map<String, Map<String, String>> dueVariablesByDefinition = new ConcurrentHashMap<>();

  /** Where the shipper queues an instance again once its documents' texts are read (set by {@link CaseIndexer}). */
  private volatile java.util.function.Consumer<String> requeue;

  void requeueWith(java.util.function.Consumer<String> requeue) {
    this.requeue = requeue;
  }

  public CaseDocuments(HistoryService history, TaskService tasks, RepositoryService repository,
      AuthorizationService authorizations, CaseFileRepository cases, CaseAccessRepository access,
      AccessProperties accessProperties, DiscretionRecordRepository discretion, DocumentTexts documentTexts,
      JdbcTemplate jdbc) {
    this.history = history;
    this.tasks = tasks;
    this.repository = repository;
    this.authorizations = authorizations;
    this.cases = cases;
    this.access = access;
    this.accessProperties = accessProperties;
    this.discretion = discretion;
    this.documentTexts = documentTexts;
    this.jdbc = jdbc;
  }

  /** The case number a process instance belongs to (its {@code caseNo} variable, else its business key). */
  public Optional<String> caseNoOf(String processInstanceId) {
    HistoricVariableInstance v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("caseNo").list().stream().findFirst().orElse(null);
    if (v != null && v.getValue() != null) {
      return Optional.of(v.getValue().toString());
    }
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return pi == null ? Optional.empty() : Optional.ofNullable(pi.getBusinessKey());
  }

  /** Every process instance of the case: its own and those that name it in {@code caseNo}. */
  public Set<String> instancesOfCase(String caseNo) {
    Set<String> out = new LinkedHashSet<>();
    cases.find(caseNo).map(CaseFile::processInstanceId).ifPresent(out::add);
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()
        .forEach(pi -> out.add(pi.getId()));
    history.createHistoricVariableInstanceQuery().variableName("caseNo").variableValueEquals("caseNo", caseNo).list()
        .forEach(v -> out.add(v.getProcessInstanceId()));
    return out;
  }

  /** The document of one process instance, empty when the instance no longer exists (deleted history). */
  public Optional<CaseDocument> build(String processInstanceId) {
    return build(processInstanceId, false);
  }

  /**
   * The document; {@code quick}: documents whose text has not been read yet go in with their titles and the instance
   * is queued again once the texts are read (the shipper's way: a change is never held up by reading PDFs).
   */
  public Optional<CaseDocument> build(String processInstanceId, boolean quick) {
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (pi == null) {
      return Optional.empty();
    }
    Map<String, Object> vars = variables(processInstanceId);
    String caseNo = text(vars.get("caseNo"));
    if (caseNo == null) {
      caseNo = pi.getBusinessKey() != null ? pi.getBusinessKey() : processInstanceId;
    }
    CaseFile file = cases.find(caseNo).orElse(null);
    boolean ownFile = file != null && processInstanceId.equals(file.processInstanceId());
    String key = pi.getProcessDefinitionKey();
    boolean active = pi.getEndTime() == null;

    String partyName = first(vars, PARTY_NAME_KEYS);
    String partyId = first(vars, PARTY_ID_KEYS);
    String partyType = text(vars.get("partyType"));
    String region = text(vars.get("region"));
    String domain = text(vars.get("domain"));
    String violationType = text(vars.get("violationType"));
    String clueSource = text(vars.get("clueSource"));
    if (file != null) { // the bureau's case file speaks for every process of the case
      partyName = partyName == null ? file.partyName() : partyName;
      partyId = partyId == null ? file.partyId() : partyId;
      partyType = partyType == null ? file.partyType() : partyType;
      region = region == null ? file.region() : region;
      domain = domain == null ? file.domain() : domain;
      violationType = violationType == null ? file.violationType() : violationType;
      clueSource = clueSource == null ? file.clueSource() : clueSource;
    }
    String[] place = Regions.split(region);

    String status;
    String statusLabel;
    if (ownFile) {
      status = file.status();
      statusLabel = labelOfStatus(file.status());
    } else {
      status = active ? "ACTIVE" : "COMPLETED".equals(pi.getState()) ? "COMPLETED" : "TERMINATED";
      statusLabel = active ? "办理中" : "COMPLETED".equals(status) ? "已办结" : "已终止";
    }
    String outcome = text(vars.get("caseOutcome"));
    if (outcome == null && ownFile) {
      outcome = file.outcome();
    }

    List<Task> open = active ? tasks.createTaskQuery().processInstanceId(processInstanceId)
        .orderByTaskCreateTime().asc().list() : List.of();
    List<String> openNames = open.stream().map(Task::getName).filter(n -> n != null).distinct().toList();

    CaseDocument.Discretion discretionDoc = ownFile || "enforcement-case".equals(key)
        ? discretion.latest(caseNo).map(CaseDocuments::discretion).orElse(null) : null;
    Double benchmark = number(vars.get("benchmarkFine"));
    if (benchmark == null && discretionDoc != null) {
      benchmark = discretionDoc.benchmarkFine();
    }
    Double fine = number(vars.get("fineAmount"));
    if (fine == null && "daily-penalty".equals(key)) {
      fine = number(vars.get("dailyPenaltyAmount"));
    }
    if (discretionDoc != null) {
      discretionDoc = discretionDoc.withFineRatio(fine, benchmark);
    }
    Boolean paid = vars.get("paid") instanceof Boolean b ? b : null;
    Double collected = number(vars.get("paidAmount"));
    if (collected == null && Boolean.TRUE.equals(paid)) {
      collected = number(vars.get("totalDue"));
    }

    List<CaseDocument.Deadline> deadlines = deadlines(pi, vars);
    List<String> deadlineStates = deadlines.stream().map(d -> d.name() + ":" + d.state()).toList();

    boolean primary = ownFile || file == null;
    java.util.function.Consumer<String> again = requeue;
    List<DocumentTexts.Text> docs = !primary ? List.of()
        : quick && again != null ? documentTexts.latestOf(caseNo, () -> again.accept(processInstanceId))
        : documentTexts.latestOf(caseNo);

    Instant filedAt = ownFile ? file.createdAt() : pi.getStartTime().toInstant();
    return Optional.of(new CaseDocument(
        processInstanceId, caseNo, key, PROCESS_LABELS.getOrDefault(key, key), processInstanceId,
        pi.getBusinessKey(), partyName, partyType, partyId, region, place[0], place[1], place[2],
        domain, Vocabulary.label(Vocabulary.DOMAINS, domain), violationType,
        Vocabulary.label(Vocabulary.VIOLATION_TYPES, violationType), clueSource,
        units(caseNo, processInstanceId), status, statusLabel, active,
        openNames.isEmpty() ? null : String.join("、", openNames),
        open.stream().map(Task::getTaskDefinitionKey).distinct().toList(),
        outcome, Vocabulary.label(Vocabulary.OUTCOMES, outcome),
        benchmark, fine, number(vars.get("surchargeAmount")), collected, paid, discretionDoc,
        filedAt, MONTH.format(filedAt), pi.getEndTime() == null ? null : pi.getEndTime().toInstant(),
        instant(first(vars, "decisionDate", "decidedAt", "rulingDate")),
        instant(vars.get("paidDate")), Instant.now(), deadlines, deadlineStates,
        joined(vars, FACT_KEYS), notes(vars),
        docs.stream().map(DocumentTexts.Text::type).distinct().toList(),
        docs.stream().map(DocumentTexts.Text::title).distinct().toList(),
        docs.isEmpty() ? null : String.join("\n", docs.stream().map(DocumentTexts.Text::text)
            .filter(t -> !t.isEmpty()).toList())));
  }

  /** The units whose members may open the instance: the case's units and those granted the instance itself. */
  List<String> units(String caseNo, String processInstanceId) {
    Set<String> units = new TreeSet<>(access.unitsOf(caseNo));
    Map<String, String> unitOfGroup = new HashMap<>();
    accessProperties.caseGroups().forEach((unit, groups) -> groups.forEach(g -> unitOfGroup.putIfAbsent(g, unit)));
    for (Authorization a : authorizations.createAuthorizationQuery().resourceId(processInstanceId).list()) {
      if ((a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
          || a.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
          && a.getGroupId() != null && unitOfGroup.containsKey(a.getGroupId())) {
        units.add(unitOfGroup.get(a.getGroupId()));
      }
    }
    return List.copyOf(units);
  }

  private List<CaseDocument.Deadline> deadlines(HistoricProcessInstance pi, Map<String, Object> vars) {
    Map<String, String> dueVariables = dueVariables(pi.getProcessDefinitionId());
    Instant now = Instant.now();
    Map<String, List<CaseDocument.Deadline>> byName = new TreeMap<>();
    Map<String, String> taskLabels = new HashMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list()) {
      if (t.getDueDate() == null) {
        continue;
      }
      String name = dueVariables.getOrDefault(t.getTaskDefinitionKey(), t.getTaskDefinitionKey());
      taskLabels.putIfAbsent(name, t.getName());
      Instant due = t.getDueDate().toInstant();
      Instant end = t.getEndTime() == null ? null : t.getEndTime().toInstant();
      String state;
      if (end == null) {
        state = now.isAfter(due) ? CaseDocument.Deadline.MISSED : CaseDocument.Deadline.PENDING;
      } else if ("completed".equals(t.getDeleteReason())) {
        state = end.isAfter(due) ? CaseDocument.Deadline.MISSED : CaseDocument.Deadline.MET;
      } else if (!end.isBefore(due)) {
        state = CaseDocument.Deadline.MISSED; // cancelled at or after its due time: the deadline timer fired
      } else {
        continue; // cancelled before it was due: the case went another way
      }
      byName.computeIfAbsent(name, n -> new ArrayList<>())
          .add(new CaseDocument.Deadline(name, null, due, "completed".equals(t.getDeleteReason()) ? end : null, state));
    }
    List<CaseDocument.Deadline> out = new ArrayList<>();
    byName.forEach((name, list) -> {
      String state = list.stream().anyMatch(d -> CaseDocument.Deadline.MISSED.equals(d.state()))
          ? CaseDocument.Deadline.MISSED
          : list.stream().anyMatch(d -> CaseDocument.Deadline.PENDING.equals(d.state()))
              ? CaseDocument.Deadline.PENDING : CaseDocument.Deadline.MET;
      Instant due = list.stream().map(CaseDocument.Deadline::due).max(Instant::compareTo).orElse(null);
      Instant done = CaseDocument.Deadline.PENDING.equals(state) ? null
          : list.stream().map(CaseDocument.Deadline::done).filter(d -> d != null).max(Instant::compareTo).orElse(null);
      out.add(new CaseDocument.Deadline(name, DEADLINE_LABELS.getOrDefault(name, taskLabels.get(name)), due, done,
          state));
    });
    return out;
  }

  /** Per user task of the process definition, the deadline its due date names ({@code ${decisionDueAt}} → decisionDue). */
  private Map<String, String> dueVariables(String processDefinitionId) {
    return dueVariablesByDefinition.computeIfAbsent(processDefinitionId, id -> {
      Map<String, String> out = new HashMap<>();
      BpmnModelInstance model = repository.getBpmnModelInstance(id);
      if (model == null) {
        return out;
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String expression = task.getCamundaDueDate();
        if (expression == null) {
          continue;
        }
        Matcher m = DUE_EXPRESSION.matcher(expression.trim());
        if (m.matches()) {
          String variable = m.group(1);
          out.put(task.getId(), variable.endsWith("At") ? variable.substring(0, variable.length() - 2) : variable);
        }
      }
      return out;
    });
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      if (v.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.ObjectValue object
          && !object.isDeserialized()) {
        // a serialized Java object (e.g. a decision's result map, mediation-routing's "routing"): not indexed, and
        // never read (getValue() would throw "Object is not deserialized" and stall the whole outbox)
        continue;
      }
      if (v.getActivityInstanceId() != null && v.getActivityInstanceId().equals(processInstanceId)
          || !vars.containsKey(v.getName())) {
        vars.put(v.getName(), v.getValue());
      }
    }
    return vars;
  }

  private static CaseDocument.Discretion discretion(DiscretionRecord r) {
    Map<String, Object> factors = new TreeMap<>();
    r.result().inputs().forEach((k, v) -> {
      if (v != null && !(v instanceof Map) && !(v instanceof Collection)) {
        factors.put(k, v instanceof Number || v instanceof Boolean ? v : v.toString());
      }
    });
    StringBuilder key = new StringBuilder();
    factors.forEach((k, v) -> key.append(key.length() == 0 ? "" : ";").append(k).append('=').append(v));
    boolean reason = r.deviationReason() != null && !r.deviationReason().isBlank();
    return new CaseDocument.Discretion(r.result().outcome(), r.result().outcomeLabel(), r.result().decisionKey(),
        r.result().decisionVersion(), number(r.result().fineAmount()), number(r.result().fineMin()),
        number(r.result().fineMax()), number(r.officerFine()), r.deviationReason(), reason, key.toString(), factors,
        r.result().legalBasis(), r.result().evaluatedAt());
  }

  private static String labelOfStatus(String status) {
    try {
      return CaseStatus.valueOf(status).label();
    } catch (RuntimeException e) {
      return status;
    }
  }

  private static String notes(Map<String, Object> vars) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(vars).forEach((k, v) -> {
      if (v instanceof String s && !s.isBlank()
          && (k.endsWith("Reason") || k.endsWith("Reasons") || k.endsWith("Summary") || k.endsWith("Opinion"))) {
        parts.add(s);
      }
    });
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private static String joined(Map<String, Object> vars, String... keys) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      String s = text(vars.get(k));
      if (s != null) {
        parts.add(s);
      }
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private static String first(Map<String, Object> vars, String... keys) {
    for (String k : keys) {
      Object v = vars.get(k);
      if (v instanceof Collection<?> c && !c.isEmpty()) {
        return String.join("、", c.stream().map(String::valueOf).toList());
      }
      String s = text(v);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  static Double number(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
    }
    try {
      return Double.valueOf(v.toString().replace(",", "").strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(Object v) {
    if (v instanceof Date d) {
      return d.toInstant();
    }
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof String s && s.length() >= 10) {
      try {
        return java.time.LocalDate.parse(s.substring(0, 10)).atStartOfDay(CHINA).toInstant();
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  static Map<String, Object> orderedOf(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
