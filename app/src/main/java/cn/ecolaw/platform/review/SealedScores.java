package cn.ecolaw.platform.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The independence of 市级初评 and 省级复评: a tier's score and findings are sealed in {@code review_sealed_score} when
 * its task completes and taken out of the process, so that the other tier reads them neither from its task
 * ({@code /task/{id}/variables}, the form) nor from the instance; the review office does not read the review's
 * history at all ({@link ReviewAuthorizations}). When both are in, {@link CompareScoresDelegate} reveals them: the
 * sealed values are written back as the contract's process variables ({@code cityScore}, {@code provinceScore}, …),
 * over anything another tier may have put there.
 */
@Repository
public class SealedScores {

  /** A sealed tier: what its form said, and the total the platform computed from it. */
  public record Sealed(BigDecimal total, boolean vetoFailed, String vetoItems, String deductions, String opinion,
      String scoredBy) {}

  private final JdbcTemplate jdbc;

  public SealedScores(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Seals the tier's scoring form (read from the completing task) and removes it from the process. */
  public void seal(String processInstanceId, ReviewTier tier, TierScore score, VariableScope task,
      VariableScope process, String user) {
    Object opinion = task.getVariable(tier.opinionVariable());
    Object deductions = task.getVariable(tier.deductionsVariable());
    jdbc.update("DELETE FROM review_sealed_score WHERE process_instance_id = ? AND tier = ?", processInstanceId,
        tier.name());
    jdbc.update("""
        INSERT INTO review_sealed_score (process_instance_id, tier, total_score, veto_failed, veto_items, deductions,
          opinion, scored_by, scored_at) VALUES (?,?,?,?,?,?,?,?,?)""",
        processInstanceId, tier.name(), score.total(), score.vetoFailed(), score.vetoCodes(),
        deductions == null ? null : deductions.toString(), opinion == null ? null : opinion.toString(), user,
        Timestamp.from(Instant.now()));
    for (String name : new String[] {tier.scoreVariable(), tier.vetoFailedVariable(), tier.vetoItemsVariable(),
        tier.deductionsVariable(), tier.opinionVariable()}) {
      process.removeVariable(name);
    }
  }

  public Optional<Sealed> find(String processInstanceId, ReviewTier tier) {
    return jdbc.query("SELECT * FROM review_sealed_score WHERE process_instance_id = ? AND tier = ?",
        (rs, i) -> new Sealed(rs.getBigDecimal("total_score"), rs.getBoolean("veto_failed"),
            rs.getString("veto_items"), rs.getString("deductions"), rs.getString("opinion"), rs.getString("scored_by")),
        processInstanceId, tier.name()).stream().findFirst();
  }

  /** Writes the sealed tiers back into the process (a tier sealed before this store existed is left as it is). */
  public void reveal(String processInstanceId, VariableScope process, ReviewTier... tiers) {
    for (ReviewTier tier : tiers) {
      find(processInstanceId, tier).ifPresent(s -> {
        process.setVariable(tier.scoreVariable(), s.total().doubleValue());
        process.setVariable(tier.vetoFailedVariable(), s.vetoFailed());
        process.setVariable(tier.vetoItemsVariable(), s.vetoItems());
        process.setVariable(tier.deductionsVariable(), s.deductions());
        process.setVariable(tier.opinionVariable(), s.opinion());
      });
    }
  }
}
