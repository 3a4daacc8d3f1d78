package cn.ecolaw.platform.documents;

import java.io.File;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Writes the injunction and restoration documents with sample data to a directory, to look at the pages. */
public final class CourtOrderDocumentPreview {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "/tmp/court-order-preview");
    dir.mkdirs();
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""),
        new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD));
    Map<String, Object> d = CourtOrderSamples.addTo(new HashMap<>());
    for (DocumentType type : new DocumentType[] {DocumentType.INJUNCTION_APPLICATION, DocumentType.INJUNCTION_RULING,
        DocumentType.INJUNCTION_CHALLENGE_DECISION, DocumentType.RESTORATION_ORDER,
        DocumentType.RESTORATION_PLAN_APPROVAL, DocumentType.RESTORATION_ACCEPTANCE}) {
      DocumentRenderer.Rendered files = renderer.render(type, d, type.title());
      String base = type.name().toLowerCase();
      Files.write(new File(dir, base + ".docx").toPath(), files.docx());
      Files.write(new File(dir, base + ".pdf").toPath(), files.pdf());
    }
    System.out.println("written to " + dir);
  }
}
