package cn.ecolaw.platform.audit;

import java.time.LocalDateTime;

/** One action to be appended to the trail of {@code caseNo}; {@link AuditTrail} assigns seq and hashes. */
public record TrailRecord(String caseNo, LocalDateTime occurredAt, Actor actor, AuditAction action, String target,
    String detail, String processInstanceId, String historyRef) {}
