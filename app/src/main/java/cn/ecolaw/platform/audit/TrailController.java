package cn.ecolaw.platform.audit;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseNo}/trail}: the trail of a case with the result of recomputing its hash chain. */
@RestController
public class TrailController {

  private final AuditTrail trail;
  private final TrailRecorder recorder;
  private final CaseFileRepository cases;

  public TrailController(AuditTrail trail, TrailRecorder recorder, CaseFileRepository cases) {
    this.trail = trail;
    this.recorder = recorder;
    this.cases = cases;
  }

  /** Viewing the trail is itself recorded (TRAIL_VIEWED) and is the last entry of the answer. */
  @GetMapping("/api/cases/{caseNo}/trail")
  public TrailView trail(@PathVariable String caseNo) {
    if (!trail.exists(caseNo) && !cases.exists(caseNo)) {
      throw PlatformException.notFound("AUDIT-404", "案件不存在或没有留痕记录：" + caseNo);
    }
    recorder.record(caseNo, AuditAction.TRAIL_VIEWED, caseNo, null, null, null);
    AuditTrail.Snapshot snapshot = trail.snapshot(caseNo);
    return new TrailView(caseNo, snapshot.entries(), snapshot.verification(), snapshot.integrity());
  }

  /**
   * The answer: entries oldest first (exactly those verified: a snapshot up to the chain head read at once),
   * whether the chain is intact, and what the verification was anchored to (key fingerprint, signed checkpoint).
   */
  public record TrailView(String caseNo, List<AuditEntry> entries, TrailVerification verification,
      TrailIntegrity integrity) {}
}
