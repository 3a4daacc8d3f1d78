package cn.ecolaw.platform.review;

import java.util.Map;

/** Everything the tiers gave one case file, as the process holds it when the grade is known. */
public record ReviewRecord(String processInstanceId, String caseNo, String unit, String partyName,
    Map<ReviewTier, TierScore> scores, Map<ReviewTier, String> opinions, ReviewTier finalTier, String grade,
    String arbitrationReason) {}
