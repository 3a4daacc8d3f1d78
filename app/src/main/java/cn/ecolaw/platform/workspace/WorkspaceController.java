package cn.ecolaw.platform.workspace;

import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's data: the unit's cases by deadline, a case's timeline, a party's file. Case access is the one of
 * {@code /api/cases/**} ({@code CaseAccessInterceptor} checks every {@code {caseNo}}; lists hold visible cases only).
 */
@RestController
public class WorkspaceController {

  private final WorkspaceCases cases;
  private final CaseTimeline timeline;
  private final PartyFile parties;

  public WorkspaceController(WorkspaceCases cases, CaseTimeline timeline, PartyFile parties) {
    this.cases = cases;
    this.timeline = timeline;
    this.parties = parties;
  }

  /**
   * {@code ?q=&status=&flow=&region=&due=week|overdue&page=0&size=50}: one page of the caller's unit's cases, nearest
   * deadline first; the body is the page's rows (as before), the header {@code X-Total-Count} how many match in all
   * (at least that many when {@code X-Total-Count-Capped: true}: counting stops at 10,000).
   */
  @GetMapping("/api/workspace/cases")
  public ResponseEntity<List<WorkspaceCases.Row>> list(@RequestParam(required = false) String q,
      @RequestParam(required = false) String status, @RequestParam(required = false) String flow,
      @RequestParam(required = false) String region, @RequestParam(required = false) String due,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    WorkspaceCases.Result result = cases.list(new WorkspaceCases.Filter(q, status, flow, region, due),
        number(page, 0, "WS-004", "页码"), number(size, WorkspaceCases.DEFAULT_SIZE, "WS-005", "每页条数"));
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(result.total()));
    if (result.capped()) {
      ok.header(TOTAL_COUNT_CAPPED, "true");
    }
    return ok.body(result.rows());
  }

  /** The header with the number of cases the list's filters match (all pages). */
  public static final String TOTAL_COUNT = "X-Total-Count";

  /** Present ("true") when counting stopped at {@code CaseListIndex.COUNT_CAP}: at least that many match. */
  public static final String TOTAL_COUNT_CAPPED = "X-Total-Count-Capped";

  private static int number(String value, int absent, String code, String name) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    String digits = value.trim();
    // ASCII digits only: Integer.parseInt also reads "٣" or "１" (other scripts' digits) as numbers
    if (!digits.matches("[+-]?[0-9]{1,10}") || Math.abs(Long.parseLong(digits)) > Integer.MAX_VALUE) {
      throw PlatformException.badRequest(code, name + "必须是整数：" + value);
    }
    return Integer.parseInt(digits);
  }

  @GetMapping("/api/cases/{caseNo}/timeline")
  public CaseTimeline.Timeline timeline(@PathVariable String caseNo) {
    return timeline.of(caseNo);
  }

  /** 一源一档: every case, penalty, injunction and restoration of one credit code (or ID number), with totals. */
  @GetMapping("/api/parties/{partyId}")
  public PartyFile.View party(@PathVariable String partyId) {
    return parties.of(partyId);
  }
}
