package cn.ecolaw.platform.court;

/**
 * What a bureau hands to the court when it applies for enforcement without litigation (ACEL 55): the case, the
 * parties, the amount and the documents that make the application.
 */
public record EnforcementApplication(
    String caseNo,
    String enforcementCaseInstanceId,
    String applicant,
    String respondent,
    String respondentId,
    double amountDue,
    String applicationDocumentId) {}
