package cn.ecolaw.platform.appraisal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An appraisal institution of the roster (鉴定机构名册). */
public record Institution(
    long id,
    String name,
    Set<AppraisalCategory> categories,
    String certificateNo,
    LocalDate certificateExpiry,
    List<String> conflictedParties,
    boolean active) {

  /** Registered for the category, certificate valid on {@code day}, active. */
  public boolean qualifiedFor(AppraisalCategory category, LocalDate day) {
    return active && categories.contains(category) && !certificateExpiry.isBefore(day);
  }

  /** Must not serve any of these parties (利害关系). */
  public boolean conflictedWith(List<String> parties) {
    return parties.stream().anyMatch(conflictedParties::contains);
  }
}
