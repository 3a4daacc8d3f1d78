package cn.ecolaw.platform.confirmation;

import java.time.LocalDate;

/**
 * An application for judicial confirmation (司法确认): a compensation agreement (生态环境损害赔偿磋商协议, applied by the
 * bureau and the responsible party) or a mediation agreement (applied jointly by the parties within 30 days).
 *
 * @param caseNo the originating case or dispute number
 * @param agreementType {@link #COMPENSATION} or {@link #MEDIATION}
 * @param applicants the applicants, separated by 、
 * @param originInstanceId the process instance the agreement came from (may be null)
 */
public record ConfirmationApplication(
    String caseNo,
    String agreementType,
    String applicants,
    LocalDate agreementDate,
    String agreementTerms,
    String originInstanceId) {

  public static final String COMPENSATION = "COMPENSATION";
  public static final String MEDIATION = "MEDIATION";
}
