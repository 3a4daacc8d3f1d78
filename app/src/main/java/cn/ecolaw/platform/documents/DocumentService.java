package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the documents of a case from the DOCX templates and keeps them (DOCX and PDF, one row, one
 * transaction). The agency's name, address, phone, payment place, reconsideration body and court come from
 * {@code platform.agency.*} unless the caller passes them; {@code caseNo} and {@code issueDate} (today) too.
 */
@Service
public class DocumentService {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final DocumentRenderer renderer;
  private final DocumentRepository repository;
  private final ApplicationEventPublisher events;
  private final Map<String, Object> defaults = new LinkedHashMap<>();

  public DocumentService(
      DocumentRenderer renderer,
      DocumentRepository repository,
      ApplicationEventPublisher events,
      @Value("${platform.agency.name:}") String agencyName,
      @Value("${platform.agency.address:}") String agencyAddress,
      @Value("${platform.agency.phone:}") String agencyPhone,
      @Value("${platform.agency.payment-place:}") String paymentPlace,
      @Value("${platform.agency.reconsideration-body:}") String reconsiderationBody,
      @Value("${platform.agency.court:}") String court) {
    this.renderer = renderer;
    this.repository = repository;
    this.events = events;
    putIfText("agencyName", agencyName);
    putIfText("agencyAddress", agencyAddress);
    putIfText("agencyPhone", agencyPhone);
    putIfText("paymentPlace", paymentPlace);
    putIfText("reconsiderationBody", reconsiderationBody);
    putIfText("court", court);
  }

  /** Fills the template of {@code type}, renders the PDF and stores both as the next version. */
  @Transactional
  public GeneratedDocument generate(String caseNo, DocumentType type, Map<String, Object> data, String createdBy) {
    long started = System.nanoTime();
    if (caseNo == null || caseNo.isBlank()) {
      throw PlatformException.badRequest("DOC-001", "生成文书需要案号");
    }
    if (type == null) {
      throw PlatformException.badRequest("DOC-002", "请指定文书类型");
    }
    if (createdBy == null || createdBy.isBlank()) {
      throw PlatformException.badRequest("DOC-003", "生成文书需要记录操作人");
    }
    Map<String, Object> values = new LinkedHashMap<>(defaults);
    values.put("caseNo", caseNo);
    values.put("issueDate", LocalDate.now(ZONE));
    if (data != null) {
      data.forEach((key, value) -> {
        if (value != null) {
          values.put(key, value);
        }
      });
    }
    DocumentRenderer.Rendered files = renderer.render(type, values, type.title() + " " + caseNo);
    int version = repository.nextVersion(caseNo, type);
    Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    GeneratedDocument document;
    try {
      long id = repository.insert(caseNo, type, type.title(), version, createdAt, createdBy,
          files.docx(), files.pdf(), sha256(files.docx(), files.pdf()));
      document = new GeneratedDocument(id, caseNo, type, type.title(), createdAt, createdBy, version);
    } catch (DuplicateKeyException e) {
      throw PlatformException.conflict("DOC-409", "同一文书正在被同时生成，请稍后重试：" + type.title());
    }
    events.publishEvent(new DocumentGenerated(document, java.time.Duration.ofNanos(System.nanoTime() - started)));
    return document;
  }

  public List<GeneratedDocument> list(String caseNo) {
    return repository.list(caseNo);
  }

  public GeneratedDocument find(String caseNo, long id) {
    return repository.find(caseNo, id).orElseThrow(() -> notFound(caseNo, id));
  }

  public byte[] docx(String caseNo, long id) {
    return repository.file(caseNo, id, "docx").orElseThrow(() -> notFound(caseNo, id));
  }

  public byte[] pdf(String caseNo, long id) {
    return repository.file(caseNo, id, "pdf").orElseThrow(() -> notFound(caseNo, id));
  }

  private static PlatformException notFound(String caseNo, long id) {
    return PlatformException.notFound("DOC-404", "案件 " + caseNo + " 没有编号为 " + id + " 的文书");
  }

  private void putIfText(String key, String value) {
    if (value != null && !value.isBlank()) {
      defaults.put(key, value);
    }
  }

  private static String sha256(byte[] docx, byte[] pdf) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(docx);
      digest.update("\n".getBytes(StandardCharsets.US_ASCII));
      digest.update(pdf);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
