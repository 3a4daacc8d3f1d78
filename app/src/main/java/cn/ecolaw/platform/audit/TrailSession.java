package cn.ecolaw.platform.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.Supplier;
import cn.ecolaw.platform.engine.TrailCommentCapture;
import org.camunda.bpm.engine.impl.interceptor.Session;

/**
 * The trail records of one engine command, collected while the command runs and appended when it flushes (inside
 * the engine's transaction, so a command that fails or rolls back leaves no entry). Collecting first lets the case
 * number be known for events that happen before it is set (the start of a case) and lets a task completion carry
 * the variables the task set.
 */
final class TrailSession implements Session {

  /** A variable change: {@code op} is create, update or delete; {@code historyRef} the ACT_HI_DETAIL id. */
  record VariableChange(String name, String op, Object oldValue, Object newValue, Supplier<String> historyRef) {}

  /** A record whose case number and history id may only be known at the end of the command. */
  static final class Pending {
    final String caseNo;
    final String processInstanceId;
    final LocalDateTime occurredAt = TrailValues.now();
    final Actor actor;
    final AuditAction action;
    final String target;
    final Map<String, Object> detail;
    final Supplier<String> historyRef;
    final VariableChange variable;
    /** A variable set to the value it had: only kept for a following task completion, never stored alone. */
    final boolean unchanged;

    Pending(String caseNo, String processInstanceId, Actor actor, AuditAction action, String target,
        Map<String, Object> detail, Supplier<String> historyRef, VariableChange variable) {
      this(caseNo, processInstanceId, actor, action, target, detail, historyRef, variable, false);
    }

    Pending(String caseNo, String processInstanceId, Actor actor, AuditAction action, String target,
        Map<String, Object> detail, Supplier<String> historyRef, VariableChange variable, boolean unchanged) {
      this.caseNo = caseNo;
      this.processInstanceId = processInstanceId;
      this.actor = actor;
      this.action = action;
      this.target = target;
      this.detail = detail;
      this.historyRef = historyRef;
      this.variable = variable;
      this.unchanged = unchanged;
    }
  }

  private final AuditTrail trail;
  private final AuditRepository repository;
  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, String> caseByProcessInstance = new HashMap<>();
  private Actor actor;

  TrailSession(AuditTrail trail, AuditRepository repository) {
    this.trail = trail;
    this.repository = repository;
  }

  Actor actor(Supplier<Actor> resolve) {
    if (actor == null) {
      actor = resolve.get();
    }
    return actor;
  }

  void add(Pending record) {
    pending.add(record);
  }

  /**
   * Learns the case of a process instance from a value its variable {@code caseNo} takes. The case an instance
   * belongs to is fixed by the command that starts it (the platform registers the case number there); later a
   * value only counts for an instance the trail and the history have never seen with a case. A completion or a
   * variable write that overwrites {@code caseNo} therefore does not move the instance's trail into another case:
   * the change itself is recorded under the case the instance really belongs to.
   */
  void knowCase(String processInstanceId, String caseNo) {
    if (processInstanceId == null || caseNo == null || caseNo.isBlank()) {
      return;
    }
    if (startsHere(processInstanceId) || caseOf(processInstanceId) == null) {
      caseByProcessInstance.put(processInstanceId, caseNo);
    }
  }

  private boolean startsHere(String processInstanceId) {
    for (Pending p : pending) {
      if (p.action == AuditAction.PROCESS_STARTED && processInstanceId.equals(p.processInstanceId)) {
        return true;
      }
    }
    return false;
  }

  /** A comment added, edited or deleted in this command, recorded under the case of its process instance. */
  void comment(TrailCommentCapture.CommentChange c, Actor actor) {
    if (c.processInstanceId() == null) {
      return;
    }
    AuditAction action = switch (c.op()) {
      case "add" -> AuditAction.COMMENT_ADDED;
      case "update" -> AuditAction.COMMENT_UPDATED;
      default -> AuditAction.COMMENT_DELETED;
    };
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("commentId", c.commentId());
    detail.put("taskId", c.taskId());
    if (!c.op().equals("add")) {
      detail.put("old", c.oldMessage());
    }
    if (!c.op().equals("delete")) {
      detail.put("new", c.newMessage());
    }
    String target = c.taskId() == null ? "流程实例意见" : c.taskDefinitionKey() + " " + c.taskName();
    String commentId = c.commentId();
    pending.add(new Pending(null, c.processInstanceId(), actor, action, target, detail, () -> commentId, null));
  }

  /**
   * An attachment (evidence photo, file or link) added in this command, recorded under the case of its process
   * instance with the file's size and SHA-256, so the trail proves which file was filed.
   */
  void attachment(TrailCommentCapture.AttachmentChange a, Actor actor) {
    if (a.processInstanceId() == null) {
      return;
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("attachmentId", a.attachmentId());
    detail.put("taskId", a.taskId());
    detail.put("name", a.name());
    detail.put("type", a.type());
    if (a.url() != null) {
      detail.put("url", a.url());
    }
    if (a.sha256() != null) {
      detail.put("size", a.size());
      detail.put("sha256", a.sha256());
    }
    String target = a.taskId() == null ? "流程实例附件" : a.taskDefinitionKey() + " " + a.taskName();
    String attachmentId = a.attachmentId();
    pending.add(new Pending(null, a.processInstanceId(), actor, AuditAction.ATTACHMENT_ADDED, target, detail,
        () -> attachmentId, null));
  }

  /** Puts a start variable into the detail of the instance's PROCESS_STARTED record; false when there is none. */
  boolean addToStart(String processInstanceId, VariableChange change) {
    for (Pending p : pending) {
      if (p.action == AuditAction.PROCESS_STARTED && p.processInstanceId.equals(processInstanceId)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) p.detail.computeIfAbsent("variables",
            key -> new LinkedHashMap<String, Object>());
        variables.put(change.name(), change.newValue());
        return true;
      }
    }
    return false;
  }

  /**
   * An update that set a variable to the value it had: no entry of its own, but it still counts among the values a
   * task completion submitted.
   */
  void addUnchanged(String processInstanceId, VariableChange change) {
    pending.add(new Pending(null, processInstanceId, actor, AuditAction.VARIABLE_CHANGED, change.name(), null,
        change.historyRef(), change, true));
  }

  /**
   * Takes the variable changes of the process instance that directly precede now (those a task completion set),
   * merged per variable name: the first old value, the last new value.
   */
  Map<String, Object> takeRecentVariables(String processInstanceId) {
    List<VariableChange> taken = new ArrayList<>();
    ListIterator<Pending> it = pending.listIterator(pending.size());
    while (it.hasPrevious()) {
      Pending p = it.previous();
      if (p.variable == null || !p.processInstanceId.equals(processInstanceId)) {
        break;
      }
      taken.add(0, p.variable);
      it.remove();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (VariableChange v : taken) {
      @SuppressWarnings("unchecked")
      Map<String, Object> change = (Map<String, Object>) out.get(v.name());
      if (change == null) {
        change = new LinkedHashMap<>();
        if (v.op().equals("update")) {
          change.put("old", v.oldValue());
        }
        out.put(v.name(), change);
      }
      change.put("new", v.newValue());
    }
    return out;
  }

  @Override
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<TrailRecord> records = new ArrayList<>();
    for (Pending p : pending) {
      if (p.unchanged) {
        continue;
      }
      String caseNo = p.caseNo != null ? p.caseNo : caseOf(p.processInstanceId);
      if (caseNo == null) {
        continue;
      }
      records.add(new TrailRecord(caseNo, p.occurredAt, p.actor, p.action, p.target,
          TrailValues.json(p.detail), p.processInstanceId, p.historyRef == null ? null : p.historyRef.get()));
    }
    pending.clear();
    trail.append(records);
  }

  private String caseOf(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    return caseByProcessInstance.computeIfAbsent(processInstanceId,
        pid -> repository.caseOfProcessInstance(pid).orElse(null));
  }

  @Override
  public void close() {
    pending.clear();
  }
}
