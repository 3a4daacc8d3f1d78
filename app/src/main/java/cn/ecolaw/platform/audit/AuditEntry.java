package cn.ecolaw.platform.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;

/** A stored entry of a case's trail (table {@code audit_entry}). {@code hash} covers every other field. */
public record AuditEntry(long seq, String id, String caseNo, LocalDateTime occurredAt, String userId, String unit,
    String action, String target, String detail, String source, String processInstanceId, String historyRef,
    String prevHash, String hash) {

  /** The action in Chinese; an action name the platform does not know (a tampered row) is shown as it is. */
  @JsonProperty
  public String actionLabel() {
    for (AuditAction a : AuditAction.values()) {
      if (a.name().equals(action)) {
        return a.label();
      }
    }
    return action;
  }
}
