package cn.ecolaw.platform.documents;

import java.io.File;
import java.nio.file.Files;

/** Writes every document type with sample data to a directory, to look at the pages. */
public final class DocumentPreview {
  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "/tmp/doc-preview");
    dir.mkdirs();
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""),
        new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD));
    for (DocumentType type : DocumentType.values()) {
      DocumentRenderer.Rendered files = renderer.render(type, DocumentSamples.data(type), type.title());
      String base = type.name().toLowerCase();
      Files.write(new File(dir, base + ".docx").toPath(), files.docx());
      Files.write(new File(dir, base + ".pdf").toPath(), files.pdf());
    }
    System.out.println("written to " + dir);
  }
}
