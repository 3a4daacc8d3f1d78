package cn.ecolaw.platform.workspace;

import cn.ecolaw.platform.audit.AuditAction;
import cn.ecolaw.platform.audit.AuditEntry;
import cn.ecolaw.platform.audit.AuditTrail;
import cn.ecolaw.platform.caseview.CaseQueryService;
import cn.ecolaw.platform.caseview.CaseView;
import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Every step of a case, in order: each task of the case's processes (who did it, when, and the statutory deadline
 * it met or missed: a task's due date is the deadline the calendar computed for it), the processes' start and end,
 * the decisions computed and the documents produced (from the trail, which records who acted).
 */
@Service
public class CaseTimeline {

  private final CaseQueryService query;
  private final HistoryService history;
  private final AuditTrail trail;
  private final IdentityService identity;
  private final PenaltyDiscretionService discretion;

  public CaseTimeline(CaseQueryService query, HistoryService history, AuditTrail trail, IdentityService identity,
      PenaltyDiscretionService discretion) {
    this.discretion = discretion;
    this.query = query;
    this.history = history;
    this.trail = trail;
    this.identity = identity;
  }

  /**
   * One step. {@code deadlineState}: {@code MET} (done by the deadline), {@code MISSED} (done after it),
   * {@code PENDING} (open, still in time), {@code OVERDUE} (open, deadline passed); null when the step has none.
   */
  public record Step(Instant at, String kind, String processKey, String processLabel, String name, String userId,
      String userName, String unit, Instant started, Instant ended, String deadline, String deadlineLabel,
      String deadlineBasis, String deadlineState, String taskId) {}

  /** The steps, the statutory deadlines, and the discretion record in plain Chinese (null before the discretion). */
  public record Timeline(String caseNo, List<Step> steps, List<CaseView.Deadline> deadlines, String discretionText) {}

  public Timeline of(String caseNo) {
    CaseView view = query.find(caseNo);
    Map<String, String> processes = new LinkedHashMap<>();
    if (view.processInstanceId() != null) {
      processes.put(view.processInstanceId(), "enforcement-case");
    }
    view.relatedProcesses().forEach(r -> processes.put(r.processInstanceId(), r.processKey()));
    Map<LocalDate, CaseView.Deadline> deadlineByDate = new HashMap<>();
    view.deadlines().forEach(d -> deadlineByDate.putIfAbsent(LocalDate.parse(d.date()), d));

    List<AuditEntry> entries = trail.entries(caseNo);
    Map<String, AuditEntry> completedBy = new HashMap<>();
    for (AuditEntry e : entries) {
      if (AuditAction.TASK_COMPLETED.name().equals(e.action()) && e.historyRef() != null) {
        completedBy.put(e.historyRef(), e);
      }
    }
    Map<String, String> names = new HashMap<>();
    LocalDate today = Dates.today();
    List<Step> steps = new ArrayList<>();
    processes.forEach((pid, key) -> {
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pid).list()) {
        if (t.getEndTime() != null && !completedBy.containsKey(t.getId()) && t.getDeleteReason() != null
            && !"completed".equals(t.getDeleteReason())) {
          continue; // cancelled by a boundary event or the end of the process: not a step anybody took
        }
        AuditEntry done = completedBy.get(t.getId());
        String user = done != null && done.userId() != null ? done.userId() : t.getAssignee();
        LocalDate due = t.getDueDate() == null ? null : Dates.toLocalDate(t.getDueDate());
        CaseView.Deadline statutory = due == null ? null : deadlineByDate.get(due);
        Instant started = t.getStartTime().toInstant();
        Instant ended = t.getEndTime() == null ? null : t.getEndTime().toInstant();
        steps.add(new Step(ended == null ? started : ended, "TASK", key, WorkspaceCases.FLOWS.getOrDefault(key, key),
            t.getName(), user, name(user, names), done == null ? null : done.unit(), started, ended,
            due == null ? null : due.toString(),
            statutory == null ? (due == null ? null : t.getName() + "期限") : statutory.label(),
            statutory == null ? null : statutory.basis(), state(due, ended, today), ended == null ? t.getId() : null));
      }
    });
    for (AuditEntry e : entries) {
      String kind = switch (AuditAction.valueOf(e.action())) {
        case PROCESS_STARTED, PROCESS_ENDED -> "PROCESS";
        case DECISION_EVALUATED -> "DECISION";
        case DOCUMENT_GENERATED -> "DOCUMENT";
        default -> null;
      };
      if (kind == null) {
        continue;
      }
      String key = processes.get(e.processInstanceId());
      Instant at = e.occurredAt().atZone(Dates.ZONE).toInstant();
      steps.add(new Step(at, kind, key, key == null ? null : WorkspaceCases.FLOWS.getOrDefault(key, key),
          e.actionLabel() + (e.target() == null ? "" : "：" + e.target()), e.userId(), name(e.userId(), names),
          e.unit(), at, at, null, null, null, null, null));
    }
    steps.sort(Comparator.comparing(Step::at).thenComparing(s -> s.kind().equals("PROCESS") ? 0 : 1));
    return new Timeline(view.caseNo(), steps, view.deadlines(), discretion.latest(caseNo).map(CaseTimeline::plain)
        .orElse(null));
  }

  /** The decision's record (factors, grade, benchmark, range, basis) and the officer's fine and deviation reason. */
  static String plain(DiscretionRecord r) {
    StringBuilder s = new StringBuilder(r.result().summary().strip());
    if (r.officerFine() != null) {
      s.append("\n执法人员拟定罚款：").append(r.officerFine()).append("元");
    }
    if (r.deviationReason() != null && !r.deviationReason().isBlank()) {
      s.append("\n偏离基准的理由：").append(r.deviationReason());
    }
    return s.toString();
  }

  static String state(LocalDate due, Instant ended, LocalDate today) {
    if (due == null) {
      return null;
    }
    if (ended == null) {
      return today.isAfter(due) ? "OVERDUE" : "PENDING";
    }
    return Dates.toLocalDate(java.util.Date.from(ended)).isAfter(due) ? "MISSED" : "MET";
  }

  private String name(String userId, Map<String, String> cache) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    return cache.computeIfAbsent(userId, id -> {
      User u = identity.createUserQuery().userId(id).singleResult();
      return u == null ? id : (nonNull(u.getFirstName()) + " " + nonNull(u.getLastName())).trim();
    });
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
