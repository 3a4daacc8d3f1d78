package cn.ecolaw.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of an entry: SHA-256 over a canonical serialisation of its fields and the previous entry's hash.
 * Each field is written as {@code name=<length>:<value>} (UTF-8 characters counted) or {@code name=-} for null,
 * one per line, in a fixed order, so that no two different entries serialise alike.
 */
final class EntryHasher {

  static final String GENESIS = "0".repeat(64);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private EntryHasher() {}

  static String hash(long seq, String id, String caseNo, LocalDateTime occurredAt, String userId, String unit,
      String action, String target, String detail, String source, String processInstanceId, String historyRef,
      String prevHash) {
    StringBuilder s = new StringBuilder("audit-entry-v1\n");
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
    return sha256(s.toString());
  }

  static String hash(AuditEntry e) {
    return hash(e.seq(), e.id(), e.caseNo(), e.occurredAt(), e.userId(), e.unit(), e.action(), e.target(),
        e.detail(), e.source(), e.processInstanceId(), e.historyRef(), e.prevHash());
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

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
