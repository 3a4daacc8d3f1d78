package cn.ecolaw.platform.cases;

/** Published when a case has been read through {@code GET /api/cases/{caseNo}}. */
public record CaseViewed(String caseNo, String processInstanceId) {}
