package cn.ecolaw.platform.analytics;

import cn.ecolaw.platform.review.ReviewService;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' dashboards ({@code /ui/dashboard/}): caseload, statutory deadlines, fine consistency (同案不同罚),
 * review results and the headline numbers, each for the units the reader may see ({@link AnalyticsAccess}).
 */
@RestController
@RequestMapping("/api/analytics")
public class AnalyticsController {

  private final AnalyticsAccess access;
  private final AnalyticsService analytics;
  private final ReviewService reviews;

  public AnalyticsController(AnalyticsAccess access, AnalyticsService analytics, ReviewService reviews) {
    this.access = access;
    this.analytics = analytics;
    this.reviews = reviews;
  }

  /** Cases by domain, region or month (yyyy-MM {@code from}/{@code to}), with each bucket's month series. */
  @GetMapping("/caseload")
  public Dashboards.Caseload caseload(@RequestParam(required = false) String by,
      @RequestParam(required = false) String process, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return analytics.caseload(access.scope(), by, process, from, to);
  }

  /** Statutory deadlines met, pending and missed, per flow and per unit, and the cases with a missed one. */
  @GetMapping("/deadlines")
  public Dashboards.Deadlines deadlines(@RequestParam(required = false) String process) {
    return analytics.deadlines(access.scope(), process == null ? "all" : process);
  }

  /** 同案不同罚: fine/benchmark per violation type and grade (median, MAD, box) and the alerts. */
  @GetMapping("/fine-consistency")
  public Dashboards.FineConsistencyAnswer fineConsistency(@RequestParam(required = false) String violationType) {
    return analytics.fineConsistency(access.scope(), violationType);
  }

  /** The seed's headline numbers: clues transferred, court cases handled, information shared. */
  @GetMapping("/headline")
  public Dashboards.Headline headline() {
    return analytics.headline(access.scope());
  }

  /** Review results (problems found and corrected by unit and problem type) of the reader's units; from the database. */
  @GetMapping("/reviews")
  public Dashboards.ReviewResults reviews() {
    Scope scope = access.scope();
    if (scope.all()) {
      return new Dashboards.ReviewResults(scope.label(), reviews.statistics(null));
    }
    Set<String> units = new LinkedHashSet<>(scope.units());
    scope.units().forEach(u -> units.add(scope.nameOf(u)));
    return new Dashboards.ReviewResults(scope.label(), reviews.statistics(units));
  }
}
