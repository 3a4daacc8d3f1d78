package cn.ecolaw.platform.court;

/**
 * What a bureau hands to the court when it applies for enforcement without litigation (ACEL 55): the case, the
 * parties, the amount, the application itself and every document of the case file (decision, service receipt,
 * reminder...) by their ids in {@code /api/cases/{caseNo}/documents}.
 */
public record EnforcementApplication(
    String caseNo,
    String enforcementCaseInstanceId,
    String applicant,
    String respondent,
    String respondentId,
    double amountDue,
    String applicationDocumentId,
    java.util.List<String> documentIds) {}
