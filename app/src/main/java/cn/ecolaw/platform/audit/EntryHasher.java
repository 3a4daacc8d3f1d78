package cn.ecolaw.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The MAC of an entry: HmacSHA256, with the trail's {@link AuditKey}, over a canonical serialisation of its fields
 * and the previous entry's MAC ({@code prev_hash}). Each field is written as {@code name=<length>:<value>} (UTF-8
 * characters counted) or {@code name=-} for null, one per line, in a fixed order, so that no two different entries
 * serialise alike. Stored in the column {@code hash} (64 hex characters, as the SHA-256 of version 1 was).
 *
 * <p>Version 1 (plain SHA-256, {@code audit-entry-v1}) could be recomputed by anyone who can write the table; it
 * is only still computed to accept the entries written before the key existed, up to the point where they were
 * sealed by a signed checkpoint ({@link TrailCheckpoints#sealLegacy}).
 */
final class EntryHasher {

  static final String GENESIS = "0".repeat(64);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private EntryHasher() {}

  static String mac(AuditKey key, long seq, String id, String caseNo, LocalDateTime occurredAt, String userId,
      String unit, String action, String target, String detail, String source, String processInstanceId,
      String historyRef, String prevHash) {
    return key.mac(canonical("audit-entry-v2", seq, id, caseNo, occurredAt, userId, unit, action, target, detail,
        source, processInstanceId, historyRef, prevHash));
  }

  static String mac(AuditKey key, AuditEntry e) {
    return mac(key, e.seq(), e.id(), e.caseNo(), e.occurredAt(), e.userId(), e.unit(), e.action(), e.target(),
        e.detail(), e.source(), e.processInstanceId(), e.historyRef(), e.prevHash());
  }

  /** The unkeyed SHA-256 of version 1 (entries written before the trail had a key). */
  static String legacyHash(AuditEntry e) {
    return AuditKey.sha256(canonical("audit-entry-v1", e.seq(), e.id(), e.caseNo(), e.occurredAt(), e.userId(),
        e.unit(), e.action(), e.target(), e.detail(), e.source(), e.processInstanceId(), e.historyRef(),
        e.prevHash()).getBytes(StandardCharsets.UTF_8));
  }

  private static String canonical(String version, long seq, String id, String caseNo, LocalDateTime occurredAt,
      String userId, String unit, String action, String target, String detail, String source,
      String processInstanceId, String historyRef, String prevHash) {
    StringBuilder s = new StringBuilder(version).append('\n');
    field(s, "seq", Long.toString(seq));
    field(s, "id", id);
    field(s, "case_no", caseNo);
    field(s, "occurred_at", occurredAt == null ? null : TIME.format(occurredAt));
    field(s, "user_id", userId);
    field(s, "unit", unit);
    field(s, "action", action);
    field(s, "target", target);
    field(s, "detail", detail);
    field(s, "source", source);
    field(s, "process_instance_id", processInstanceId);
    field(s, "history_ref", historyRef);
    field(s, "prev_hash", prevHash);
    return s.toString();
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append(name).append('=');
    if (value == null) {
      s.append('-');
    } else {
      s.append(value.length()).append(':').append(value);
    }
    s.append('\n');
  }
}
