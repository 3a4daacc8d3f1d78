package cn.ecolaw.platform.dossier;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/cases/{caseNo}/dossier.pdf} (the current dossier, or {@code ?version=N}) and
 * {@code GET /api/cases/{caseNo}/dossier/versions}. Who may see the case may read its dossier (CaseAccessInterceptor:
 * 404 CASE-404, 403 AUTH-003).
 */
@RestController
public class DossierController {

  private final DossierService dossiers;

  public DossierController(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @GetMapping("/api/cases/{caseNo}/dossier.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String caseNo, @RequestParam(required = false) String version,
      HttpServletResponse response) {
    wellFormed(caseNo);
    DossierService.Dossier dossier = version == null ? dossiers.current(caseNo)
        : dossiers.version(caseNo, version(version));
    dossiers.recordRead(dossier);
    response.setCharacterEncoding((String) null); // a binary file has no charset (server.servlet.encoding.force)
    String encoded = URLEncoder.encode(dossier.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    String ascii = "dossier" + (dossier.version() == null ? "-preview" : "-v" + dossier.version().version()) + ".pdf";
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .contentLength(dossier.pdf().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
    if (dossier.version() != null) {
      ok.header("X-Dossier-Version", String.valueOf(dossier.version().version()))
          .header("X-Dossier-SHA256", dossier.version().sha256());
    }
    return ok.body(dossier.pdf());
  }

  @GetMapping("/api/cases/{caseNo}/dossier/versions")
  public List<VersionView> versions(@PathVariable String caseNo) {
    wellFormed(caseNo);
    String base = "/api/cases/" + UriUtils.encodePathSegment(caseNo, StandardCharsets.UTF_8) + "/dossier.pdf?version=";
    return dossiers.versions(caseNo).stream().map(v -> new VersionView(v.version(), v.createdAt(), v.createdBy(),
        v.reason(), v.sha256(), v.pages(), base + v.version())).toList();
  }

  /** One archived version as listed. */
  public record VersionView(int version, Instant createdAt, String createdBy, String reason, String sha256, int pages,
      String pdfUrl) {}

  private static void wellFormed(String caseNo) {
    if (!CaseNumbers.isWellFormed(caseNo)) {
      throw PlatformException.badRequest("CASE-001", "案号格式不正确，应如：湖环罚〔2026〕12号");
    }
  }

  private static int version(String text) {
    if (!text.matches("[1-9]\\d{0,5}")) {
      throw PlatformException.badRequest("DOSSIER-001", "电子卷宗版本号应为正整数，如 ?version=1");
    }
    return Integer.parseInt(text);
  }
}
