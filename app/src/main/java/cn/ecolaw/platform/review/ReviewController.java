package cn.ecolaw.platform.review;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 案卷评查: the scoring sheet (read, publish a new version), the draw of closed case files for review, and the
 * review office's statistics.
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {

  private final ScoringSheetService sheets;
  private final ReviewSampling sampling;
  private final ReviewService reviews;
  private final ReviewOffice office;

  public ReviewController(ScoringSheetService sheets, ReviewSampling sampling, ReviewService reviews,
      ReviewOffice office) {
    this.sheets = sheets;
    this.sampling = sampling;
    this.reviews = reviews;
    this.office = office;
  }

  /** The current version of the scoring sheet. */
  @GetMapping("/sheet")
  public ScoringSheet currentSheet() {
    return sheets.current();
  }

  @GetMapping("/sheet/{version}")
  public ScoringSheet sheet(@PathVariable int version) {
    return sheets.version(version);
  }

  /** Publishes a new version of the scoring sheet (the review office or a policy analyst). */
  @PostMapping("/sheet")
  @ResponseStatus(HttpStatus.CREATED)
  public ScoringSheet publish(@RequestBody SheetDraft draft, Principal user) {
    office.mayPublishSheet();
    return sheets.publish(draft, user == null ? null : user.getName());
  }

  /** Draws closed case files for review: one case-review process per file, seed recorded. */
  @PostMapping("/samples")
  @ResponseStatus(HttpStatus.CREATED)
  public Sample sample(@RequestBody SampleRequest request, Principal user) {
    office.mayDrawSamples();
    return sampling.draw(request, user == null ? null : user.getName());
  }

  @GetMapping("/statistics")
  public ReviewStatistics statistics() {
    office.mayReadStatistics();
    return reviews.statistics();
  }
}
