package cn.ecolaw.platform.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One document of the case index: one process instance of any flow (an enforcement case, the court's
 * non-litigation execution, an injunction, a restoration, a mediation, an appraisal, a judicial confirmation, a
 * review, a daily penalty), built from the database by {@link CaseDocuments}. The field names are the index's
 * ({@code search/case-index.json}) and are what the dashboards aggregate over; see docs/search.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDocument(
    String id,
    String caseNo,
    String process,
    String processLabel,
    String processInstanceId,
    String businessKey,
    String partyName,
    String partyType,
    String partyCreditCode,
    String region,
    String province,
    String city,
    String county,
    String domain,
    String domainLabel,
    String violationType,
    String violationTypeLabel,
    String clueSource,
    List<String> units,
    String status,
    String statusLabel,
    boolean active,
    String currentStep,
    List<String> currentTasks,
    String outcome,
    String outcomeLabel,
    Double benchmarkFine,
    Double fine,
    Double surcharge,
    Double collected,
    Boolean paid,
    Discretion discretion,
    Instant filedAt,
    String month,
    Instant endedAt,
    Instant decidedAt,
    Instant paidAt,
    Instant updatedAt,
    List<Deadline> deadlines,
    List<String> deadlineStates,
    String facts,
    String notes,
    List<String> documentTypes,
    List<String> documentTitles,
    String documentsText) {

  /** A statutory deadline of the instance: met (done by the due time), pending (open, not yet due) or missed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Deadline(String name, String label, Instant due, Instant done, String state) {
    public static final String MET = "met";
    public static final String PENDING = "pending";
    public static final String MISSED = "missed";
  }

  /**
   * The discretion record of an enforcement case: the grade the {@code penalty-discretion} table gave
   * ({@code NO_PENALTY}, {@code MITIGATED}, {@code LIGHTER}, {@code STANDARD}, {@code HEAVIER}), the benchmark fine,
   * the officer's fine and reason when they differ, and the factors the table was given ({@code factorsKey}: the
   * same text for the same factors, to compare cases whose factors match), and {@code fineRatio}, the fine imposed ÷
   * the benchmark fine.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Discretion(
      String grade,
      String gradeLabel,
      String decisionKey,
      Integer decisionVersion,
      Double benchmarkFine,
      Double fineMin,
      Double fineMax,
      Double officerFine,
      String deviationReason,
      boolean hasDeviationReason,
      String factorsKey,
      Map<String, Object> factors,
      String legalBasis,
      Instant evaluatedAt,
      Double fineRatio) {

    public Discretion(String grade, String gradeLabel, String decisionKey, Integer decisionVersion,
        Double benchmarkFine, Double fineMin, Double fineMax, Double officerFine, String deviationReason,
        boolean hasDeviationReason, String factorsKey, Map<String, Object> factors, String legalBasis,
        Instant evaluatedAt) {
      this(grade, gradeLabel, decisionKey, decisionVersion, benchmarkFine, fineMin, fineMax, officerFine,
          deviationReason, hasDeviationReason, factorsKey, factors, legalBasis, evaluatedAt, null);
    }

    /**
     * With {@code fineRatio}: the fine imposed ÷ the benchmark fine (1 = the benchmark exactly), when both are known,
     * the benchmark is positive and the fine not negative; the fine-consistency statistics aggregate it in the index.
     */
    public Discretion withFineRatio(Double fine, Double benchmark) {
      Double ratio = fine != null && benchmark != null && benchmark > 0 && fine >= 0 ? fine / benchmark : null;
      return new Discretion(grade, gradeLabel, decisionKey, decisionVersion, benchmarkFine, fineMin, fineMax,
          officerFine, deviationReason, hasDeviationReason, factorsKey, factors, legalBasis, evaluatedAt, ratio);
    }
  }
}
