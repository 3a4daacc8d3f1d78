package cn.ecolaw.platform.dossier;

import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import cn.ecolaw.platform.audit.AuditAction;
import cn.ecolaw.platform.audit.TrailRecorder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The electronic dossier (电子卷宗) of a case. A closed case's dossier is archived: version 1 when it closes, a new
 * version whenever what the file consists of changes afterwards (a document added, the outcome changed), each with
 * its reason; a version once stored is never rewritten. An open case's dossier is a preview built afresh.
 */
@Service
public class DossierService {

  private final DossierSources sources;
  private final DossierPdf pdf;
  private final DossierRepository repository;
  private final CaseFileRepository cases;
  private final IdentityService identity;
  private final TrailRecorder trail;

  DossierService(DossierSources sources, DossierPdf pdf, DossierRepository repository, CaseFileRepository cases,
      IdentityService identity, TrailRecorder trail) {
    this.trail = trail;
    this.sources = sources;
    this.pdf = pdf;
    this.repository = repository;
    this.cases = cases;
    this.identity = identity;
  }

  /** A dossier PDF: the archived version it is (null for the preview of an open case). */
  public record Dossier(byte[] pdf, DossierVersion version, String caseNo) {
    public String fileName() {
      return "电子卷宗-" + caseNo + (version == null ? "-预览" : "-第" + version.version() + "版") + ".pdf";
    }
  }

  /**
   * The current dossier: for a closed case the latest archived version (archived first when the case has none yet,
   * or has changed since the latest); for an open case a preview. CASE-404 when there is no such case.
   */
  public Dossier current(String caseNo) {
    boolean closed = closed(caseNo);
    if (!closed) {
      DossierContent content = sources.gather(caseNo);
      return new Dossier(pdf.build(content, new DossierPdf.Edition(null, null, Dates.today())).pdf(), null, caseNo);
    }
    archive(caseNo, repository.latest(caseNo).isEmpty() ? "首次调阅时归档" : "案件材料变更后重新归档");
    return version(caseNo, repository.latest(caseNo).orElseThrow().version());
  }

  /** The trail's record that the dossier was read (downloaded or shown). */
  public void recordRead(Dossier dossier) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("title", dossier.version() == null ? "电子卷宗（预览）" : "电子卷宗（第" + dossier.version().version() + "版）");
    detail.put("version", dossier.version() == null ? null : dossier.version().version());
    detail.put("format", "pdf");
    trail.record(dossier.caseNo(), AuditAction.DOCUMENT_DOWNLOADED, dossier.version() == null ? "电子卷宗 预览"
        : "电子卷宗 第" + dossier.version().version() + "版", detail, null, null);
  }

  /** One archived version, exactly as stored; DOSSIER-404 when it does not exist. */
  public Dossier version(String caseNo, int version) {
    requireCase(caseNo);
    DossierVersion v = repository.list(caseNo).stream().filter(x -> x.version() == version).findFirst()
        .orElseThrow(() -> PlatformException.notFound("DOSSIER-404", "案件" + caseNo + "没有第" + version + "版电子卷宗"));
    byte[] bytes = repository.pdf(caseNo, version).orElseThrow();
    if (!sha256(bytes).equals(v.sha256())) {
      throw new PlatformException(500, "DOSSIER-501", "第" + version + "版电子卷宗与归档时登记的校验值不符，可能已被改动，请联系管理员");
    }
    return new Dossier(bytes, v, caseNo);
  }

  /** The archived versions, oldest first (empty for an open case never closed). */
  public List<DossierVersion> versions(String caseNo) {
    requireCase(caseNo);
    return repository.list(caseNo);
  }

  /**
   * Archives the case's dossier when it is closed and has no version yet or has changed since the latest; returns
   * the new version, or empty when nothing was archived. Runs in a transaction of its own (also after the commit
   * of the step that closed the case).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Optional<DossierVersion> archive(String caseNo, String reason) {
    if (!closed(caseNo)) {
      return Optional.empty();
    }
    DossierContent content = sources.gather(caseNo);
    Optional<DossierVersion> latest = repository.latest(caseNo);
    if (latest.isPresent() && latest.get().fingerprint().equals(content.fingerprint())) {
      return Optional.empty();
    }
    int next = latest.map(v -> v.version() + 1).orElse(1);
    DossierPdf.Built built = pdf.build(content, new DossierPdf.Edition(next, reason, Dates.today()));
    String user = Caller.userIdOf(identity);
    DossierVersion version = new DossierVersion(caseNo, next, DossierRepository.now(), user == null ? "system" : user,
        reason, content.fingerprint(), sha256(built.pdf()), built.pages());
    try {
      repository.insert(version, built.pdf());
    } catch (DuplicateKeyException e) {
      return Optional.empty(); // archived at the same moment by another request: that version stands
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("title", "电子卷宗（第" + next + "版）");
    detail.put("version", next);
    detail.put("reason", reason);
    detail.put("sha256", version.sha256());
    detail.put("pages", version.pages());
    trail.record(caseNo, AuditAction.DOCUMENT_GENERATED, "电子卷宗 第" + next + "版", detail, null, null);
    return Optional.of(version);
  }

  /** Whether the case exists and is closed. */
  public boolean closed(String caseNo) {
    return cases.find(caseNo).map(c -> CaseStatus.CLOSED.name().equals(c.status())).orElse(false);
  }

  private String requireCase(String caseNo) {
    return cases.find(caseNo).map(c -> c.status())
        .orElseThrow(() -> PlatformException.notFound("CASE-404", "案件不存在：" + caseNo));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
