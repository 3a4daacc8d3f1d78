package cn.ecolaw.platform.appraisal;

/**
 * A need for appraisal, from a court flow (requestedBy COURT) or from the bureau's case (BUREAU).
 *
 * @param parties the parties, separated by 、 (checked against the institutions' conflicts of interest)
 * @param estimatedAmount the estimated damage in yuan (input of decision {@code appraisal-route})
 */
public record AppraisalRequest(
    String caseNo,
    String requestedBy,
    String category,
    String matter,
    String parties,
    Double estimatedAmount,
    Boolean simpleCase,
    Boolean methodExists,
    Boolean tooSlowOrCostly) {}
