package cn.ecolaw.platform.analytics;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who reads the dashboards and the thresholds of the fine-consistency alerts ({@code platform.analytics}).
 *
 * @param unitGroups groups that read the figures of their own unit(s) (the units they are members of): the bureau's
 *     supervisor ({@code eco-supervisor}) and head ({@code eco-head})
 * @param provinceGroups groups that read every unit's figures (province level: {@code reviewer-province}); the
 *     administrator always does
 * @param benchmarkTolerance a fine further than this from its benchmark (0.2 = 20 %) needs a written reason
 * @param outlierScore robust score 0.6745·|r − median|/MAD above which a fine is unusual in its type and grade
 * @param sameFactorsSpread highest/lowest fine among cases with the same factors above which they are 同案不同罚
 */
@ConfigurationProperties("platform.analytics")
public record AnalyticsProperties(
    List<String> unitGroups,
    List<String> provinceGroups,
    Double benchmarkTolerance,
    Double outlierScore,
    Double sameFactorsSpread) {

  public AnalyticsProperties {
    unitGroups = unitGroups == null ? List.of() : List.copyOf(unitGroups);
    provinceGroups = provinceGroups == null ? List.of() : List.copyOf(provinceGroups);
    benchmarkTolerance = benchmarkTolerance == null ? FineConsistency.Settings.DEFAULTS.benchmarkTolerance()
        : benchmarkTolerance;
    outlierScore = outlierScore == null ? FineConsistency.Settings.DEFAULTS.outlierScore() : outlierScore;
    sameFactorsSpread = sameFactorsSpread == null ? FineConsistency.Settings.DEFAULTS.sameFactorsSpread()
        : sameFactorsSpread;
  }

  public FineConsistency.Settings settings() {
    return new FineConsistency.Settings(benchmarkTolerance, outlierScore, sameFactorsSpread);
  }
}
