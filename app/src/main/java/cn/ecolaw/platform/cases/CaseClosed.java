package cn.ecolaw.platform.cases;

/** Published when an enforcement case is closed ({@code caseOutcome} set), in the transaction that closes it. */
public record CaseClosed(String caseNo, String outcome) {}
