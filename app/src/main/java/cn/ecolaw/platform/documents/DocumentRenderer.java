package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.springframework.stereotype.Component;

/** Fills a template with data and renders the filled DOCX to PDF; touches no database. */
@Component
public class DocumentRenderer {

  private final DocumentTemplates templates;
  private final DocxPdfRenderer pdfRenderer;

  public DocumentRenderer(DocumentTemplates templates, DocumentFonts fonts) {
    this.templates = templates;
    this.pdfRenderer = new DocxPdfRenderer(fonts);
  }

  /** The DOCX and PDF of one document. */
  public Rendered render(DocumentType type, Map<String, ?> data, String title) {
    try {
      WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(templates.bytes(type)));
      new DocxFiller(new DocumentValues(data)).fill(pkg);
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
