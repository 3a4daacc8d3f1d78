package cn.ecolaw.platform.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The generated documents of a case: list, DOCX and PDF downloads. */
@RestController
@RequestMapping("/api/cases/{caseNo}/documents")
public class DocumentController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final DocumentService documents;
  private final ApplicationEventPublisher events;

  public DocumentController(DocumentService documents, ApplicationEventPublisher events) {
    this.documents = documents;
    this.events = events;
  }

  @GetMapping
  public List<DocumentView> list(@PathVariable String caseNo) {
    String base = "/api/cases/" + UriUtils.encodePathSegment(caseNo, StandardCharsets.UTF_8) + "/documents/";
    return documents.list(caseNo).stream()
        .map(d -> new DocumentView(d.id(), d.type().name(), d.title(), d.version(), d.createdAt(), d.createdBy(),
            base + d.id() + "/docx", base + d.id() + "/pdf"))
        .toList();
  }

  @GetMapping("/{id}/docx")
  public ResponseEntity<byte[]> docx(@PathVariable String caseNo, @PathVariable long id,
      HttpServletResponse response) {
    GeneratedDocument document = documents.find(caseNo, id);
    byte[] body = documents.docx(caseNo, id);
    events.publishEvent(new DocumentDownloaded(document, "docx"));
    binary(response);
    return file(body, DOCX, document, "docx");
  }

  @GetMapping("/{id}/pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String caseNo, @PathVariable long id,
      HttpServletResponse response) {
    GeneratedDocument document = documents.find(caseNo, id);
    byte[] body = documents.pdf(caseNo, id);
    events.publishEvent(new DocumentDownloaded(document, "pdf"));
    binary(response);
    return file(body, MediaType.APPLICATION_PDF, document, "pdf");
  }

  /**
   * {@code server.servlet.encoding.force=true} sets UTF-8 on every response; a binary file has no charset,
   * so the forced encoding is taken off before the content type is written.
   */
  private static void binary(HttpServletResponse response) {
    response.setCharacterEncoding((String) null);
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, GeneratedDocument document, String ext) {
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(body.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(document, ext))
        .body(body);
  }

  /** {@code attachment; filename="document-12.pdf"; filename*=UTF-8''行政处罚决定书-湖环罚〔2026〕12号.pdf} (RFC 5987/6266). */
  static String contentDisposition(GeneratedDocument document, String ext) {
    String name = document.title() + "-" + document.caseNo()
        + (document.version() > 1 ? "-第" + document.version() + "版" : "") + "." + ext;
    String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    String encoded = URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    String ascii = document.type().name().toLowerCase().replace('_', '-') + "-" + document.id() + "." + ext;
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** One entry of the document list. */
  public record DocumentView(long id, String type, String title, int version, Instant createdAt, String createdBy,
      String docxUrl, String pdfUrl) {}
}
