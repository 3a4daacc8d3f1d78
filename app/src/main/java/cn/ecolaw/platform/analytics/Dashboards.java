package cn.ecolaw.platform.analytics;

import java.util.List;

/** The answers of {@code /api/analytics/*}: what the dashboard page charts. */
public final class Dashboards {

  private Dashboards() {}

  /** A count in one month. */
  public record MonthCount(String month, long count) {}

  /**
   * One bar of the caseload: a domain, a region or a month; {@code months} its count per month (every month of the
   * answer, zeros included), {@code change} the last month's count minus the one before (the trend).
   */
  public record CaseloadBucket(String key, String label, long count, List<MonthCount> months, long lastMonth,
      long previousMonth, long change) {}

  public record Caseload(String scope, String by, String process, String from, String to, long total,
      List<String> months, List<CaseloadBucket> buckets) {}

  /** Met / pending / missed of one deadline (or of all deadlines of a flow or unit). */
  public record DeadlineRow(String name, String label, long met, long pending, long missed) {}

  public record DeadlineGroup(String key, String label, long met, long pending, long missed,
      List<DeadlineRow> deadlines) {}

  /** A case with a missed deadline, for the list under the chart. */
  public record MissedCase(String caseNo, String process, String processLabel, String partyName,
      List<String> missed) {}

  public record Deadlines(String scope, long met, long pending, long missed, List<DeadlineGroup> byFlow,
      List<DeadlineGroup> byUnit, List<MissedCase> missedCases) {}

  public record Count(String key, String label, long count) {}

  /**
   * The seed's headline numbers: enforcement cases; clues transferred (received by transfer from another agency
   * and transferred to the police); cases handled by the court (its flows); information shared (each enforcement
   * case readable by another unit than its own counts once per further unit; {@code sharedByUnit}: how many
   * enforcement cases each unit may read, for a unit's reader the other units only); fines imposed and collected.
   */
  public record Headline(String scope, long enforcementCases, long cluesTransferred, long cluesReceived,
      long cluesToPolice, long courtCases, List<Count> courtByProcess, long informationShared,
      List<Count> sharedByUnit, double finesImposed, double finesCollected) {}

  public record FineConsistencyAnswer(String scope, String method, FineConsistency.Report report,
      java.util.Map<String, String> violationTypeLabels, java.util.Map<String, String> gradeLabels,
      boolean truncated) {}

  public record ReviewResults(String scope, cn.ecolaw.platform.review.ReviewStatistics statistics) {}
}
