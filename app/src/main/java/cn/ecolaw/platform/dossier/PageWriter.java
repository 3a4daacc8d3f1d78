package cn.ecolaw.platform.dossier;

import cn.ecolaw.platform.documents.DocumentFonts.PdfFonts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws the dossier's own pages (cover, contents, evidence list, discretion record, trail summary, 备考表) on the
 * GB/T 9704-2012 type area (A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) with the documents'
 * fonts: text in the Song face, headings in the Hei face, Latin letters and digits in the Latin face. Lines break
 * by character, keep Latin words and numbers whole, and follow the Chinese rules: closing punctuation hangs at the
 * end of a line rather than starting the next, opening punctuation moves to the next line.
 */
final class PageWriter implements AutoCloseable {

  static final float MM = 72f / 25.4f;
  static final PDRectangle A4 = PDRectangle.A4;
  static final float TOP = 37 * MM;
  static final float BOTTOM = 35 * MM;
  static final float LEFT = 28 * MM;
  static final float RIGHT = 26 * MM;
  static final String CLOSING = "，。、；：？！）》」』】〕”’…—,.;:?!)]%·";
  static final String OPENING = "（《「『【〔“‘([";

  enum Align { LEFT, CENTER, RIGHT }

  private final PDDocument document;
  private final PdfFonts fonts;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream stream;
  private float y;

  PageWriter(PDDocument document, PdfFonts fonts) {
    this.document = document;
    this.fonts = fonts;
  }

  /** The pages written so far, in order. */
  List<PDPage> pages() {
    return pages;
  }

  static float width() {
    return A4.getWidth() - LEFT - RIGHT;
  }

  void newPage() throws IOException {
    closeStream();
    PDPage page = new PDPage(A4);
    document.addPage(page);
    pages.add(page);
    stream = new PDPageContentStream(document, page);
    y = A4.getHeight() - TOP;
  }

  float y() {
    return y;
  }

  void moveTo(float newY) {
    y = newY;
  }

  void space(float points) throws IOException {
    y -= points;
    if (y < BOTTOM) {
      newPage();
    }
  }

  /** A paragraph wrapped to the type area; {@code indent} in characters on the first line. */
  void paragraph(String text, float size, boolean hei, Align align, int indent) throws IOException {
    paragraph(text, size, hei, align, indent, size * 1.75f);
  }

  void paragraph(String text, float size, boolean hei, Align align, int indent, float leading) throws IOException {
    for (String part : text.split("\n", -1)) {
      List<String> lines = wrap(part, size, hei, width(), indent * size);
      for (int i = 0; i < lines.size(); i++) {
        if (y - leading < BOTTOM) {
          newPage();
        }
        y -= leading;
        float x0 = LEFT + (i == 0 ? indent * size : 0);
        float w = textWidth(lines.get(i), size, hei);
        float x = switch (align) {
          case LEFT -> x0;
          case CENTER -> LEFT + (width() - w) / 2;
          case RIGHT -> LEFT + width() - w;
        };
        draw(lines.get(i), x, y + leading * 0.3f, size, hei);
      }
    }
  }

  /**
   * A ruled table: {@code widths} as fractions of the type area; the header row is repeated on each new page. A
   * row never splits across pages.
   */
  void table(float[] widths, String[] header, List<String[]> rows, float size) throws IOException {
    float total = width();
    float[] w = new float[widths.length];
    for (int i = 0; i < widths.length; i++) {
      w[i] = widths[i] * total;
    }
    row(w, header, size, true);
    for (String[] r : rows) {
      float needed = rowHeight(w, r, size);
      if (y - needed < BOTTOM) {
        newPage();
        row(w, header, size, true);
      }
      row(w, r, size, false);
    }
  }

  private float rowHeight(float[] w, String[] cells, float size) {
    float leading = size * 1.45f;
    int lines = 1;
    for (int i = 0; i < cells.length; i++) {
      lines = Math.max(lines, wrap(cells[i] == null ? "" : cells[i], size, false, w[i] - 8, 0).size());
    }
    return lines * leading + 8;
  }

  private void row(float[] w, String[] cells, float size, boolean header) throws IOException {
    float leading = size * 1.45f;
    float height = rowHeight(w, cells, size);
    float x = LEFT;
    float top = y;
    for (int i = 0; i < cells.length; i++) {
      List<String> lines = wrap(cells[i] == null ? "" : cells[i], size, header, w[i] - 8, 0);
      float lineY = top - 4;
      float blockHeight = lines.size() * leading;
      lineY -= (height - 8 - blockHeight) / 2;
      for (String line : lines) {
        lineY -= leading;
        float lw = textWidth(line, size, header);
        boolean centre = header || lines.size() == 1 && line.matches("[0-9\\-]+");
        float lx = centre ? x + (w[i] - lw) / 2 : x + 4;
        draw(line, lx, lineY + leading * 0.28f, size, header);
      }
      x += w[i];
    }
    x = LEFT;
    for (float cell : w) {
      stream.addRect(x, top - height, cell, height);
      x += cell;
    }
    stream.setLineWidth(0.6f);
    stream.stroke();
    y = top - height;
  }

  /** A label and a value with a rule under the value (the cover's fields). */
  void field(String label, String value, float size, float labelWidth) throws IOException {
    float leading = size * 2.2f;
    List<String> lines = wrap(value, size, false, width() - labelWidth, 0);
    for (int i = 0; i < lines.size(); i++) {
      y -= leading;
      if (i == 0) {
        draw(label, LEFT, y, size, true);
      }
      draw(lines.get(i), LEFT + labelWidth + 4, y, size, false);
      stream.moveTo(LEFT + labelWidth, y - 5);
      stream.lineTo(LEFT + width(), y - 5);
      stream.setLineWidth(0.5f);
      stream.stroke();
    }
  }

  /** Text at a point (no wrapping). */
  void draw(String text, float x, float baseline, float size, boolean hei) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.newLineAtOffset(x, baseline);
    PDType0Font current = null;
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      PDType0Font font = fontFor(cp, hei);
      if (font != current && run.length() > 0) {
        stream.showText(run.toString());
        run.setLength(0);
      }
      if (font != current) {
        stream.setFont(font, size);
        current = font;
      }
      run.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    if (run.length() > 0) {
      stream.showText(run.toString());
    }
    stream.endText();
  }

  float textWidth(String text, float size, boolean hei) throws IOException {
    float w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      w += charWidth(cp, size, hei);
      i += Character.charCount(cp);
    }
    return w;
  }

  private float charWidth(int cp, float size, boolean hei) throws IOException {
    PDType0Font font = fontFor(cp, hei);
    return font.getStringWidth(new String(Character.toChars(cp))) / 1000f * size;
  }

  private PDType0Font fontFor(int cp, boolean hei) {
    if (cp < 128 && cp > 32 && fonts.latinCovers().test(cp)) {
      return fonts.latin();
    }
    if (hei || !fonts.songCovers().test(cp)) {
      return fonts.hei();
    }
    return fonts.song();
  }

  /** Breaks text into lines of at most {@code width} points (the first {@code firstIndent} narrower). */
  List<String> wrap(String text, float size, boolean hei, float width, float firstIndent) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      lines.add("");
      return lines;
    }
    List<String> units = units(text);
    StringBuilder line = new StringBuilder();
    float used = 0;
    float room = width - firstIndent;
    try {
      for (int i = 0; i < units.size(); i++) {
        String unit = units.get(i);
        float uw = textWidth(unit, size, hei);
        boolean hang = CLOSING.indexOf(unit.charAt(0)) >= 0 && unit.length() == 1;
        if (used + uw > room && line.length() > 0 && !hang) {
          // an opening punctuation mark never ends a line: carry it over
          String carried = "";
          if (OPENING.indexOf(line.charAt(line.length() - 1)) >= 0) {
            carried = line.substring(line.length() - 1);
            line.setLength(line.length() - 1);
          }
          lines.add(line.toString());
          line.setLength(0);
          line.append(carried);
          used = textWidth(carried, size, hei);
          room = width;
        }
        line.append(unit);
        used += uw;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Characters, with runs of Latin letters, digits and number punctuation kept whole. */
  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int j = i + Character.charCount(cp);
      if (isWordChar(cp)) {
        while (j < text.length() && (isWordChar(text.codePointAt(j))
            || ".,:-/%".indexOf(text.charAt(j)) >= 0 && j + 1 < text.length() && isWordChar(text.codePointAt(j + 1)))) {
          j++;
        }
      }
      units.add(text.substring(i, j));
      i = j;
    }
    return units;
  }

  private static boolean isWordChar(int cp) {
    return cp < 128 && Character.isLetterOrDigit(cp);
  }

  private void closeStream() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeStream();
  }
}
