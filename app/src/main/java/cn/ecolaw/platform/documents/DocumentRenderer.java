package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Fills a template with data and renders the filled DOCX to PDF; touches no database. */
@Component
public class DocumentRenderer {

  private final DocumentTemplates templates;
  private final DocxPdfRenderer pdfRenderer;
  private final boolean reuseParsed;

  public DocumentRenderer(DocumentTemplates templates, DocumentFonts fonts) {
    this(templates, fonts, true);
  }

  /**
   * {@code reuseParsed} ({@code platform.documents.cache-parsed}, default true): formatting of replaced paragraphs is
   * reused rather than copied (see {@link DocxFiller}) and each paragraph's effective properties are computed once
   * per document; false does every step afresh for each document, as before.
   */
  @Autowired
  public DocumentRenderer(DocumentTemplates templates, DocumentFonts fonts,
      @Value("${platform.documents.cache-parsed:true}") boolean reuseParsed) {
    this.templates = templates;
    this.pdfRenderer = new DocxPdfRenderer(fonts, reuseParsed);
    this.reuseParsed = reuseParsed;
  }

  /** The DOCX and PDF of one document. */
  public Rendered render(DocumentType type, Map<String, ?> data, String title) {
    try {
      WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(templates.bytes(type)));
      new DocxFiller(new DocumentValues(data), reuseParsed).fill(pkg);
      ByteArrayOutputStream docx = new ByteArrayOutputStream();
      pkg.save(docx);
      byte[] pdf = pdfRenderer.render(pkg, title);
      return new Rendered(docx.toByteArray(), pdf);
    } catch (Docx4JException | IOException e) {
      throw new PlatformException(500, "DOC-502", "文书生成失败（" + type.title() + "）：" + e.getMessage());
    }
  }

  /** The two files of a generated document. */
  public record Rendered(byte[] docx, byte[] pdf) {}
}
