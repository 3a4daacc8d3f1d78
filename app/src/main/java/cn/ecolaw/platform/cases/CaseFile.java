package cn.ecolaw.platform.cases;

import java.time.Instant;

/** One administrative penalty case as the bureau files it. */
public record CaseFile(
    String caseNo,
    String processInstanceId,
    String partyName,
    String partyType,
    String partyId,
    String region,
    String domain,
    String violationType,
    String clueSource,
    String status,
    String outcome,
    Instant createdAt,
    Instant updatedAt) {}
