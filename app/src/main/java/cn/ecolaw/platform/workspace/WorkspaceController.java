package cn.ecolaw.platform.workspace;

import java.util.List;
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

  /** {@code ?q=&status=&flow=&region=&due=week|overdue}: the caller's unit's cases, nearest deadline first. */
  @GetMapping("/api/workspace/cases")
  public List<WorkspaceCases.Row> list(@RequestParam(required = false) String q,
      @RequestParam(required = false) String status, @RequestParam(required = false) String flow,
      @RequestParam(required = false) String region, @RequestParam(required = false) String due) {
    return cases.list(new WorkspaceCases.Filter(q, status, flow, region, due));
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
