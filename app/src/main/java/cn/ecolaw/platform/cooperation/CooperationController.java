package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.documents.DocumentDownloaded;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 线索移送 and 会商 at {@code /api}: start a transfer, list a unit's transfers in and out, follow one (both sides);
 * convene a consultation in a case, list and read those convened by or addressed to the unit, read a shared document
 * while the consultation is open.
 */
@RestController
public class CooperationController {

  private static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ClueTransfers transfers;
  private final Consultations consultations;
  private final DocumentService documents;
  private final ApplicationEventPublisher events;

  public CooperationController(ClueTransfers transfers, Consultations consultations, DocumentService documents,
      ApplicationEventPublisher events) {
    this.transfers = transfers;
    this.consultations = consultations;
    this.documents = documents;
    this.events = events;
  }

  @PostMapping("/api/clues")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> transfer(@RequestBody(required = false) Map<String, Object> body) {
    return transfers.request(body);
  }

  /** {@code direction}: {@code in} (transferred to the unit), {@code out} (sent by it), or both when absent. */
  @GetMapping("/api/clues")
  public List<Map<String, Object>> transfers(@RequestParam(required = false) String direction,
      @RequestParam(defaultValue = "100") int limit) {
    return transfers.list(direction, limit);
  }

  @GetMapping("/api/clues/{transferNo}")
  public Map<String, Object> transfer(@PathVariable String transferNo) {
    return transfers.get(transferNo);
  }

  @GetMapping("/api/clues/{transferNo}/documents/{id}/{format}")
  public ResponseEntity<byte[]> transferDocument(@PathVariable String transferNo, @PathVariable long id,
      @PathVariable String format, HttpServletResponse response) {
    if (!"pdf".equals(format) && !"docx".equals(format)) {
      throw PlatformException.notFound("REQ-404", "文书格式只能是 pdf 或 docx");
    }
    byte[] body = transfers.document(transferNo, id, format);
    GeneratedDocument d = documents.find(transfers.readable(transferNo).caseNo(), id);
    events.publishEvent(new DocumentDownloaded(d, format));
    return file(body, "pdf".equals(format) ? MediaType.APPLICATION_PDF : DOCX, d, format, response);
  }

  @PostMapping("/api/cases/{caseNo}/consultations")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> convene(@PathVariable String caseNo,
      @RequestBody(required = false) Map<String, Object> body) {
    return consultations.convene(caseNo, body);
  }

  @GetMapping("/api/consultations")
  public List<Map<String, Object>> consultations(@RequestParam(defaultValue = "100") int limit) {
    return consultations.list(limit);
  }

  @GetMapping("/api/consultations/{consultationNo}")
  public Map<String, Object> consultation(@PathVariable String consultationNo) {
    return consultations.get(consultationNo);
  }

  @GetMapping("/api/consultations/{consultationNo}/documents/{id}/pdf")
  public ResponseEntity<byte[]> sharedDocument(@PathVariable String consultationNo, @PathVariable long id,
      HttpServletResponse response) {
    byte[] body = consultations.sharedPdf(consultationNo, id);
    GeneratedDocument d = documents.find(consultations.readable(consultationNo).caseNo(), id);
    events.publishEvent(new DocumentDownloaded(d, "pdf"));
    return file(body, MediaType.APPLICATION_PDF, d, "pdf", response);
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, GeneratedDocument d, String ext,
      HttpServletResponse response) {
    response.setCharacterEncoding((String) null);
    String ascii = d.type().name().toLowerCase().replace('_', '-') + "-" + d.id() + "." + ext;
    return ResponseEntity.ok().contentType(type).contentLength(body.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"").body(body);
  }
}
