package cn.ecolaw.platform.identity;

/**
 * Who may read a case changed (published synchronously, inside the transaction that changed it): a unit was given
 * access to the case ({@code caseNo}), or a group's read grant on one process instance's history was given or taken
 * back ({@code processInstanceId}). Read models that depend on who may read a case (the case list's deadlines) follow
 * it before the transaction commits.
 */
public record CaseReadChanged(String caseNo, String processInstanceId) {}
