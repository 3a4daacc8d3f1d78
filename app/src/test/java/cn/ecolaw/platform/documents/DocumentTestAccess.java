package cn.ecolaw.platform.documents;

/** Lets tests of other packages read a generated PDF back (squeezed text) and check it is fit to sign. */
public final class DocumentTestAccess {

  private DocumentTestAccess() {}

  /** The PDF's text without whitespace. */
  public static String pdfText(byte[] pdf) throws Exception {
    return DocumentRendererTest.squeeze(DocumentRendererTest.pdfText(pdf));
  }

  /** What keeps the PDF from being signed (empty when fit). */
  public static java.util.List<String> problems(byte[] pdf) throws Exception {
    return PdfChecks.problems(pdf);
  }

  /** How many times the fonts' files have been parsed so far. */
  public static int fontParses(DocumentFonts fonts) {
    return fonts.parses();
  }

  /** Sample data that fills every field of a type's template. */
  public static java.util.Map<String, Object> sample(DocumentType type) {
    return DocumentSamples.data(type);
  }
}
