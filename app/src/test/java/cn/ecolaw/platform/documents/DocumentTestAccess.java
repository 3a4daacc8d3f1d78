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

  /** Parsed copies in existence per font file. */
  public static java.util.List<Integer> copies(DocumentFonts fonts) {
    return fonts.copies();
  }

  /** Parsed copies idle in the pool per font file. */
  public static java.util.List<Integer> idle(DocumentFonts fonts) {
    return fonts.idle();
  }

  /** Sample data that fills every field of a type's template. */
  public static java.util.Map<String, Object> sample(DocumentType type) {
    return DocumentSamples.data(type);
  }
}
