package cn.ecolaw.platform.caseview;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Reads a case together with its process, its open tasks, its deadlines and the court processes it started. */
@Service
public class CaseQueryService {

  private static final String[][] DEADLINES = {
      {"filingDue", "立案期限", "生态环境行政处罚办法第十八条"},
      {"decisionDue", "作出处罚决定期限", "行政处罚法第六十条"},
      {"statementDue", "陈述申辩及听证申请期限", "行政处罚法第六十四条"},
      {"serviceDue", "送达期限", "行政处罚法第六十一条"},
      {"paymentDue", "缴纳罚款期限", "行政处罚法第六十七条"},
      {"reinspectionDue", "复查期限", "环境保护主管部门实施按日连续处罚办法"},
      {"reconsiderationDue", "申请行政复议期限", "行政复议法第二十条"},
      {"litigationDue", "提起行政诉讼期限", "行政诉讼法第四十六条"},
      {"reminderDue", "催告期限（十个工作日）", "行政强制法第五十四条"},
      {"applicationDue", "申请法院强制执行期限", "行政强制法第五十三条"},
  };

  private static final String[] PENALTY_KEYS = {"benchmarkFine", "proposedFine", "fineAmount", "fineMin", "fineMax",
      "legalBasis", "deviationReason", "dailyPenaltyAmount", "dailyPenaltyDays", "dailyPenaltyOutcome",
      "dailyPenaltyUnpaid", "dailyPenaltyDecisionNo", "correctionOrderNo", "correctionOrderServedDate", "surchargeAmount", "totalDue",
      "paidAmount", "paidDate", "hearingRight", "hearingRequested", "legalReviewRequired",
      "collectiveDiscussionRequired", "remedyFiled", "remedyResult", "courtDocketNo", "courtResult"};

  /** The statutory deadlines a case records (variable, label, legal basis), for pages that list cases by deadline. */
  public static List<String[]> deadlineKinds() {
    return java.util.Arrays.stream(DEADLINES).map(String[]::clone).toList();
  }

  private final CaseFileRepository cases;
  private final HistoryService history;
  private final TaskService tasks;
  private final PenaltyDiscretionService discretion;
  private final cn.ecolaw.platform.enforcement.EnforcementCaseService enforcement;
  private final cn.ecolaw.platform.identity.CaseAccess access;
  private final RuntimeService runtime;
  private final cn.ecolaw.platform.engine.CaseHistoryReads reads;
  private final cn.ecolaw.platform.engine.CaseInstanceIndex instances;

  public CaseQueryService(CaseFileRepository cases, HistoryService history, TaskService tasks,
      PenaltyDiscretionService discretion, cn.ecolaw.platform.enforcement.EnforcementCaseService enforcement,
      cn.ecolaw.platform.identity.CaseAccess access, RuntimeService runtime,
      cn.ecolaw.platform.engine.CaseHistoryReads reads, cn.ecolaw.platform.engine.CaseInstanceIndex instances) {
    this.reads = reads;
    this.instances = instances;
    this.access = access;
    this.runtime = runtime;
    this.cases = cases;
    this.history = history;
    this.tasks = tasks;
    this.discretion = discretion;
    this.enforcement = enforcement;
  }

  public CaseView find(String caseNo) {
    CaseFile c = cases.find(caseNo)
        .orElseThrow(() -> PlatformException.notFound("CASE-404", "案件不存在：" + caseNo));
    HistoricProcessInstance pi = c.processInstanceId() == null ? null : history.createHistoricProcessInstanceQuery()
        .processInstanceId(c.processInstanceId()).singleResult();
    Map<String, Object> vars = variables(c.processInstanceId());
    List<HistoricProcessInstance> carrying = readableCarrying(caseNo, c.processInstanceId());
    boolean active = pi != null && pi.getEndTime() == null;
    CaseStatus status = CaseStatus.valueOf(c.status());
    return new CaseView(
        c.caseNo(), c.processInstanceId(),
        new CaseView.Party(c.partyName(), c.partyType(), Vocabulary.label(Vocabulary.PARTY_TYPES, c.partyType()),
            c.partyId(), (String) vars.get("partyAddress"), (String) vars.get("legalRepresentative")),
        c.region(), c.domain(), Vocabulary.label(Vocabulary.DOMAINS, c.domain()),
        c.violationType(), Vocabulary.label(Vocabulary.VIOLATION_TYPES, c.violationType()), c.clueSource(),
        (String) vars.get("facts"), status.name(), status.label(), active,
        c.outcome(), Vocabulary.label(Vocabulary.OUTCOMES, c.outcome()), c.createdAt(),
        openTasks(c.processInstanceId()), deadlines(vars, active), penalty(vars, active),
        discretion(caseNo), related(carrying),
        "/api/cases/" + c.caseNo() + "/documents", incidents(carrying, c.processInstanceId()));
  }

  /** Open incidents of the case's own instance and of every readable instance carrying its number (court, ...). */
  private List<CaseView.IncidentView> incidents(List<HistoricProcessInstance> carrying, String ownInstanceId) {
    List<String> instances = new ArrayList<>();
    if (ownInstanceId != null) {
      instances.add(ownInstanceId);
    }
    carrying.forEach(pi -> instances.add(pi.getId()));
    List<CaseView.IncidentView> out = new ArrayList<>();
    for (String pid : instances) {
      for (Incident i : runtime.createIncidentQuery().processInstanceId(pid).orderByIncidentTimestamp().asc().list()) {
        String definitionId = i.getProcessDefinitionId();
        out.add(new CaseView.IncidentView(i.getId(), i.getIncidentType(),
            definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':')), pid,
            i.getActivityId(), i.getIncidentMessage(), i.getIncidentTimestamp().toInstant()));
      }
    }
    return out;
  }

  /** The latest cases the caller may see (all of them for the administrator and engine-internal work). */
  public List<CaseFile> list(int limit) {
    int n = Math.max(1, Math.min(limit, 500));
    return access.restriction().map(units -> cases.listForUnits(units, n)).orElseGet(() -> cases.list(n));
  }

  /** Empty when the caller sees every case; else the units whose cases the caller may list ({@code case_access}). */
  public java.util.Optional<java.util.Set<String>> listRestriction() {
    return access.restriction();
  }

  /** The given cases' files (no access check: for numbers a list found among the caller's cases). */
  public List<CaseFile> files(java.util.Collection<String> caseNos) {
    return cases.byNumbers(caseNos);
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    if (processInstanceId == null) {
      return vars;
    }
    List<HistoricVariableInstance> all = reads.variablesOfReadableInstance(processInstanceId)
        .orElseGet(() -> history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
            .disableCustomObjectDeserialization().list());
    for (HistoricVariableInstance v : all) {
      if (v.getActivityInstanceId() != null && v.getActivityInstanceId().equals(processInstanceId)
          || !vars.containsKey(v.getName())) {
        vars.put(v.getName(), v.getValue());
      }
    }
    return vars;
  }

  private List<CaseView.TaskView> openTasks(String processInstanceId) {
    List<CaseView.TaskView> out = new ArrayList<>();
    if (processInstanceId == null) {
      return out;
    }
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list()) {
      String group = tasks.getIdentityLinksForTask(t.getId()).stream()
          .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).findFirst().orElse(null);
      String groupName = cn.ecolaw.platform.identity.DemoUsers.groupName(group);
      out.add(new CaseView.TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), group, t.getAssignee(),
          t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
          groupName == null ? group : groupName));
    }
    return out;
  }

  private List<CaseView.Deadline> deadlines(Map<String, Object> vars, boolean active) {
    LocalDate today = Dates.today();
    List<CaseView.Deadline> out = new ArrayList<>();
    for (String[] d : DEADLINES) {
      Object value = vars.get(d[0]);
      if (value != null) {
        LocalDate date = Dates.toLocalDate(value);
        out.add(new CaseView.Deadline(d[0], d[1], date.toString(), d[2], active && today.isAfter(date)));
      }
    }
    return out;
  }

  private Map<String, Object> penalty(Map<String, Object> vars, boolean active) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : PENALTY_KEYS) {
      if (vars.get(key) != null) {
        out.put(key, vars.get(key));
      }
    }
    if (active && vars.get("paymentDue") != null && vars.get("fineAmount") != null
        && !Boolean.TRUE.equals(vars.get("paid"))) {
      out.put("surchargeToDate", enforcement.surchargeAsOf(vars, Dates.today()));
    }
    return out;
  }

  private Map<String, Object> discretion(String caseNo) {
    return discretion.latest(caseNo).map(this::discretionView).orElse(Map.of());
  }

  private Map<String, Object> discretionView(DiscretionRecord r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decisionKey", r.result().decisionKey());
    out.put("decisionVersion", r.result().decisionVersion());
    out.put("evaluatedAt", r.result().evaluatedAt());
    out.put("inputs", r.result().inputs());
    out.put("outcome", r.result().outcome());
    out.put("outcomeLabel", r.result().outcomeLabel());
    out.put("fineAmount", r.result().fineAmount());
    out.put("fineMin", r.result().fineMin());
    out.put("fineMax", r.result().fineMax());
    out.put("legalBasis", r.result().legalBasis());
    out.put("officerFine", r.officerFine());
    out.put("deviationReason", r.deviationReason());
    return out;
  }

  /** The readable instances carrying the case number (by index; the engine's check on the instances). */
  private List<CaseView.RelatedProcess> related(List<HistoricProcessInstance> carrying) {
    List<CaseView.RelatedProcess> out = new ArrayList<>();
    for (HistoricProcessInstance pi : carrying) {
      String pid = pi.getId();
      HistoricVariableInstance outcome = reads.variablesOfInstanceReadBefore(pid, "caseOutcome").stream()
          .findFirst().orElse(null);
      out.add(new CaseView.RelatedProcess(pi.getProcessDefinitionKey(), pid, pi.getBusinessKey(),
          pi.getEndTime() == null, outcome == null ? null : String.valueOf(outcome.getValue()), openTasks(pid)));
    }
    return out;
  }

  /** The instances other than the case's own that carry its number and that the caller may read, in that order. */
  private List<HistoricProcessInstance> readableCarrying(String caseNo, String ownInstanceId) {
    java.util.Set<String> pids = new java.util.LinkedHashSet<>(
        instances.instancesCarrying(List.of(caseNo)).getOrDefault(caseNo, java.util.Set.of()));
    pids.remove(ownInstanceId);
    if (pids.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> readable = new HashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceIds(pids).list()
        .forEach(pi -> readable.put(pi.getId(), pi));
    return pids.stream().map(readable::get).filter(java.util.Objects::nonNull).toList();
  }

}
