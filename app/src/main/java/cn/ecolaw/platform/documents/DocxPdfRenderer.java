package cn.ecolaw.platform.documents;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.docx4j.XmlUtils;
import org.docx4j.model.PropertyResolver;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Br;
import org.docx4j.wml.CTHeight;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBrType;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;

/**
 * Renders a filled DOCX to PDF with PDFBox, so that the PDF says exactly what the DOCX says. Supported:
 * page size and margins of the section, paragraph alignment (left, centre, right, justified), indents,
 * spacing and line spacing, bold and font size of runs, line and page breaks, tables with grid widths,
 * column spans, minimum row heights, vertical alignment and single borders (rows split across pages when
 * they must), and page numbers (— 1 —). CJK text is wrapped character by character; closing punctuation
 * never starts a line.
 */
final class DocxPdfRenderer {

  private static final float TWIP = 1f / 20f;
  private static final float CELL_PAD_X = 108 * TWIP;
  private static final float CELL_PAD_Y = 3f;
  private static final float DEFAULT_SIZE = 10.5f;
  private static final String CLOSING = "，。、；：？！）》」』】〕”’…—,.;:?!)]%·";
  private static final String OPENING = "（《「『【〔“‘([";

  private final DocumentFonts fonts;

  DocxPdfRenderer(DocumentFonts fonts) {
    this.fonts = fonts;
  }

  byte[] render(WordprocessingMLPackage pkg, String title) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("生态环境执法与司法衔接案件平台");
      new Job(pkg, document, fonts.open(document)).run();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (Docx4JException e) {
      throw new IOException(e);
    }
  }

  /** One rendering: the page cursor and the current content stream. */
  private static final class Job {
    private final WordprocessingMLPackage pkg;
    private final PDDocument document;
    private final DocumentFonts.Pair fonts;
    private final PropertyResolver resolver;
    private final Map<String, Float> widths = new HashMap<>();
    private final float pageWidth;
    private final float pageHeight;
    private final float marginTop;
    private final float marginBottom;
    private final float marginLeft;
    private final float marginRight;
    private PDPageContentStream stream;
    private float y;

    Job(WordprocessingMLPackage pkg, PDDocument document, DocumentFonts.Pair fonts) throws Docx4JException {
      this.pkg = pkg;
      this.document = document;
      this.fonts = fonts;
      this.resolver = pkg.getMainDocumentPart().getPropertyResolver();
      SectPr section = pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
      SectPr.PgSz size = section == null ? null : section.getPgSz();
      SectPr.PgMar margins = section == null ? null : section.getPgMar();
      pageWidth = twips(size == null ? null : size.getW(), 11906);
      pageHeight = twips(size == null ? null : size.getH(), 16838);
      marginTop = twips(margins == null ? null : margins.getTop(), 1440);
      marginBottom = twips(margins == null ? null : margins.getBottom(), 1440);
      marginLeft = twips(margins == null ? null : margins.getLeft(), 1800);
      marginRight = twips(margins == null ? null : margins.getRight(), 1800);
    }

    void run() throws IOException {
      newPage();
      renderContent(pkg.getMainDocumentPart().getContent());
      stream.close();
      numberPages();
    }

    private float contentWidth() {
      return pageWidth - marginLeft - marginRight;
    }

    private float top() {
      return pageHeight - marginTop;
    }

    private boolean atTop() {
      return y >= top() - 0.01f;
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(new PDRectangle(pageWidth, pageHeight));
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      stream.setLineWidth(0.6f);
      y = top();
    }

    private void numberPages() throws IOException {
      int count = document.getNumberOfPages();
      for (int i = 0; i < count; i++) {
        PDPage page = document.getPage(i);
        String label = "— " + (i + 1) + " —";
        float size = 14f;
        float width = fonts.regular().getStringWidth(label) / 1000f * size;
        try (PDPageContentStream footer =
            new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
          footer.beginText();
          footer.setFont(fonts.regular(), size);
          footer.newLineAtOffset((pageWidth - width) / 2, Math.max(20f, marginBottom / 2 - size / 2));
          footer.showText(label);
          footer.endText();
        }
      }
    }

    private void renderContent(List<Object> content) throws IOException {
      for (Object child : content) {
        Object item = XmlUtils.unwrap(child);
        if (item instanceof P paragraph) {
          place(layout(paragraph, contentWidth()));
        } else if (item instanceof Tbl table) {
          renderTable(table);
        } else if (item instanceof ContentAccessor container && !(item instanceof SectPr)) {
          renderContent(container.getContent());
        }
      }
    }

    private void place(List<Block> blocks) throws IOException {
      for (Block block : blocks) {
        if (block.pageBreak) {
          newPage();
          continue;
        }
        if (block.line == null) {
          if (!atTop()) {
            y = Math.max(marginBottom, y - block.height);
          }
          continue;
        }
        if (y - block.height < marginBottom - 0.01f && !atTop()) {
          newPage();
        }
        block.line.draw(stream, marginLeft, y);
        y -= block.height;
      }
    }

    // ---------------------------------------------------------------- tables

    private void renderTable(Tbl table) throws IOException {
      List<Float> grid = new ArrayList<>();
      if (table.getTblGrid() != null) {
        table.getTblGrid().getGridCol().forEach(col -> grid.add(twips(col.getW(), 1000)));
      }
      float total = (float) grid.stream().mapToDouble(Float::doubleValue).sum();
      float scale = total > contentWidth() || total <= 0 ? contentWidth() / Math.max(total, 1f) : 1f;
      float left = marginLeft;
      if (table.getTblPr() != null && table.getTblPr().getJc() != null
          && table.getTblPr().getJc().getVal() == JcEnumeration.CENTER) {
        left = marginLeft + (contentWidth() - total * scale) / 2;
      }
      for (Object rowChild : table.getContent()) {
        if (!(XmlUtils.unwrap(rowChild) instanceof Tr row)) {
          continue;
        }
        List<Cell> cells = new ArrayList<>();
        int column = 0;
        float x = left;
        for (Object cellChild : row.getContent()) {
          if (!(XmlUtils.unwrap(cellChild) instanceof Tc tc)) {
            continue;
          }
          int span = span(tc.getTcPr());
          float width = 0;
          for (int c = column; c < column + span; c++) {
            width += (c < grid.size() ? grid.get(c) : 1000 * TWIP) * scale;
          }
          column += span;
          List<Block> blocks = new ArrayList<>();
          collectCell(tc.getContent(), width - 2 * CELL_PAD_X, blocks);
          cells.add(new Cell(x, width, blocks, verticalAlign(tc.getTcPr())));
          x += width;
        }
        renderRow(cells, minHeight(row));
      }
    }

    private void collectCell(List<Object> content, float width, List<Block> blocks) {
      for (Object child : content) {
        Object item = XmlUtils.unwrap(child);
        if (item instanceof P paragraph) {
          for (Block block : layout(paragraph, width)) {
            if (!block.pageBreak) {
              blocks.add(block);
            }
          }
        } else if (item instanceof ContentAccessor container) {
          collectCell(container.getContent(), width, blocks);
        }
      }
    }

    private void renderRow(List<Cell> cells, float minHeight) throws IOException {
      float needed = Math.max(minHeight, tallest(cells) + 2 * CELL_PAD_Y);
      if (needed > y - marginBottom && !atTop() && needed <= top() - marginBottom) {
        newPage();
      }
      List<Cell> remaining = cells;
      while (true) {
        float available = y - marginBottom;
        if (needed <= available) {
          drawCells(remaining, needed, true);
          y -= needed;
          return;
        }
        List<Cell> rest = new ArrayList<>();
        List<Cell> now = new ArrayList<>();
        for (Cell cell : remaining) {
          float used = 0;
          int taken = 0;
          while (taken < cell.blocks.size()
              && (used + cell.blocks.get(taken).height <= available - 2 * CELL_PAD_Y || taken == 0 && atTop()
              && used == 0 && cell.blocks.get(taken).height > available - 2 * CELL_PAD_Y)) {
            used += cell.blocks.get(taken).height;
            taken++;
          }
          now.add(new Cell(cell.x, cell.width, cell.blocks.subList(0, taken), STVerticalJc.TOP));
          rest.add(new Cell(cell.x, cell.width, cell.blocks.subList(taken, cell.blocks.size()), STVerticalJc.TOP));
        }
        drawCells(now, available, false);
        newPage();
        remaining = rest;
        needed = tallest(rest) + 2 * CELL_PAD_Y;
      }
    }

    private void drawCells(List<Cell> cells, float height, boolean align) throws IOException {
      for (Cell cell : cells) {
        stream.addRect(cell.x, y - height, cell.width, height);
        stream.stroke();
        float contentHeight = height(cell.blocks);
        float offset = CELL_PAD_Y;
        if (align && cell.align == STVerticalJc.CENTER) {
          offset = (height - contentHeight) / 2;
        } else if (align && cell.align == STVerticalJc.BOTTOM) {
          offset = height - contentHeight - CELL_PAD_Y;
        }
        float top = y - offset;
        for (Block block : cell.blocks) {
          if (block.line != null) {
            block.line.draw(stream, cell.x + CELL_PAD_X, top);
          }
          top -= block.height;
        }
      }
    }

    private static float tallest(List<Cell> cells) {
      float max = 0;
      for (Cell cell : cells) {
        max = Math.max(max, height(cell.blocks));
      }
      return max;
    }

    private static float height(List<Block> blocks) {
      float sum = 0;
      for (Block block : blocks) {
        sum += block.height;
      }
      return sum;
    }

    private static int span(TcPr tcPr) {
      if (tcPr == null || tcPr.getGridSpan() == null || tcPr.getGridSpan().getVal() == null) {
        return 1;
      }
      return Math.max(1, tcPr.getGridSpan().getVal().intValue());
    }

    private static STVerticalJc verticalAlign(TcPr tcPr) {
      if (tcPr == null || tcPr.getVAlign() == null || tcPr.getVAlign().getVal() == null) {
        return STVerticalJc.TOP;
      }
      return tcPr.getVAlign().getVal();
    }

    private static float minHeight(Tr row) {
      if (row.getTrPr() == null) {
        return 0;
      }
      for (JAXBElement<?> element : row.getTrPr().getCnfStyleOrDivIdOrGridBefore()) {
        if (element.getValue() instanceof CTHeight height && height.getVal() != null) {
          return height.getVal().floatValue() * TWIP;
        }
      }
      return 0;
    }

    // ---------------------------------------------------------------- paragraphs

    private List<Block> layout(P paragraph, float width) {
      PPr pPr = resolver.getEffectivePPr(paragraph.getPPr());
      List<Glyph> glyphs = new ArrayList<>();
      collectRuns(paragraph.getContent(), paragraph.getPPr(), glyphs);
      float markSize = size(resolver.getEffectiveRPr(null, paragraph.getPPr()));
      if (paragraph.getPPr() != null && paragraph.getPPr().getRPr() != null
          && paragraph.getPPr().getRPr().getSz() != null) {
        markSize = paragraph.getPPr().getRPr().getSz().getVal().floatValue() / 2f;
      }

      JcEnumeration jc = pPr != null && pPr.getJc() != null ? pPr.getJc().getVal() : JcEnumeration.LEFT;
      PPrBase.Ind ind = pPr == null ? null : pPr.getInd();
      float left = ind == null ? 0 : twips(ind.getLeft(), 0);
      float right = ind == null ? 0 : twips(ind.getRight(), 0);
      float first = 0;
      if (ind != null && ind.getFirstLineChars() != null && ind.getFirstLineChars().intValue() != 0) {
        first = ind.getFirstLineChars().floatValue() / 100f * markSize;
      } else if (ind != null) {
        first = twips(ind.getFirstLine(), 0) - twips(ind.getHanging(), 0);
      }
      PPrBase.Spacing spacing = pPr == null ? null : pPr.getSpacing();
      float before = spacing == null ? 0 : twips(spacing.getBefore(), 0);
      float after = spacing == null ? 0 : twips(spacing.getAfter(), 0);

      List<Block> blocks = new ArrayList<>();
      if (pPr != null && pPr.getPageBreakBefore() != null && pPr.getPageBreakBefore().isVal()) {
        blocks.add(Block.newPage());
      }
      if (before > 0) {
        blocks.add(Block.space(before));
      }
      float available = width - left - right;
      LineBuilder line = new LineBuilder(available - first, left + first);
      List<LineBuilder> lines = new ArrayList<>();
      for (int i = 0; i < glyphs.size(); i++) {
        Glyph glyph = glyphs.get(i);
        if (glyph.kind == Kind.LINE_BREAK || glyph.kind == Kind.PAGE_BREAK) {
          line.explicitEnd = true;
          lines.add(line);
          if (glyph.kind == Kind.PAGE_BREAK) {
            line.breakAfter = true;
          }
          line = new LineBuilder(available, left);
          continue;
        }
        int end = wordEnd(glyphs, i);
        float wordWidth = 0;
        for (int k = i; k < end; k++) {
          wordWidth += glyphs.get(k).width;
        }
        if (line.width + wordWidth > line.available + 0.01f && !line.glyphs.isEmpty()) {
          if (glyph.kind == Kind.SPACE) {
            continue;
          }
          boolean hang = end - i == 1 && CLOSING.indexOf(glyph.text.charAt(0)) >= 0
              && line.width + wordWidth <= line.available + glyph.size * 1.05f;
          if (!hang) {
            Glyph carried = line.dropTrailingOpening();
            lines.add(line);
            line = new LineBuilder(available, left);
            if (carried != null) {
              line.add(carried);
            }
            if (wordWidth > available) {
              line.add(glyph);
              continue;
            }
          }
        }
        if (end - i > 1 && wordWidth <= line.available - line.width) {
          for (int k = i; k < end; k++) {
            line.add(glyphs.get(k));
          }
          i = end - 1;
        } else {
          line.add(glyph);
        }
      }
      lines.add(line);

      for (LineBuilder built : lines) {
        float lineHeight = lineHeight(spacing, built.maxSize(markSize));
        boolean justify = (jc == JcEnumeration.BOTH || jc == JcEnumeration.DISTRIBUTE)
            && built != lines.get(lines.size() - 1) && !built.explicitEnd;
        blocks.add(Block.text(lineHeight, new Line(built, jc, justify, lineHeight)));
        if (built.breakAfter) {
          blocks.add(Block.newPage());
        }
      }
      if (after > 0) {
        blocks.add(Block.space(after));
      }
      return blocks;
    }

    /** End (exclusive) of the unbreakable word starting at {@code start}: Latin letters and digits stay together. */
    private static int wordEnd(List<Glyph> glyphs, int start) {
      if (!isWordChar(glyphs.get(start))) {
        return start + 1;
      }
      int end = start + 1;
      while (end < glyphs.size() && isWordChar(glyphs.get(end))) {
        end++;
      }
      return end;
    }

    private static boolean isWordChar(Glyph glyph) {
      if (glyph.kind != Kind.TEXT || glyph.text.length() != 1) {
        return false;
      }
      char c = glyph.text.charAt(0);
      return c < 0x2E80 && (Character.isLetterOrDigit(c) || c == '.' || c == ',' || c == '-' || c == '_'
          || c == '/' || c == '@' || c == '%');
    }

    private static float lineHeight(PPrBase.Spacing spacing, float size) {
      float natural = size * 1.35f;
      if (spacing == null || spacing.getLine() == null) {
        return natural;
      }
      float value = spacing.getLine().floatValue();
      STLineSpacingRule rule = spacing.getLineRule();
      if (rule == STLineSpacingRule.EXACT) {
        return value * TWIP;
      }
      if (rule == STLineSpacingRule.AT_LEAST) {
        return Math.max(value * TWIP, natural);
      }
      return natural * value / 240f;
    }

    private void collectRuns(List<Object> content, PPr pPr, List<Glyph> glyphs) {
      for (Object child : content) {
        Object item = XmlUtils.unwrap(child);
        if (item instanceof R run) {
          RPr rPr = resolver.getEffectiveRPr(run.getRPr(), pPr);
          boolean bold = rPr != null && rPr.getB() != null && rPr.getB().isVal();
          float size = size(rPr);
          for (Object runChild : run.getContent()) {
            if (runChild instanceof JAXBElement<?> element) {
              String name = element.getName().getLocalPart();
              if (name.equals("instrText") || name.equals("delText") || name.equals("delInstrText")) {
                continue;
              }
            }
            Object element = XmlUtils.unwrap(runChild);
            if (element instanceof Text text && text.getValue() != null) {
              text.getValue().codePoints().forEach(cp -> glyphs.add(glyph(cp, bold, size)));
            } else if (element instanceof R.Tab) {
              Glyph space = glyph(' ', bold, size);
              for (int i = 0; i < 4; i++) {
                glyphs.add(space);
              }
            } else if (element instanceof Br br) {
              glyphs.add(new Glyph(br.getType() == STBrType.PAGE ? Kind.PAGE_BREAK : Kind.LINE_BREAK,
                  "", fonts.regular(), size, 0));
            }
          }
        } else if (item instanceof ContentAccessor container) {
          collectRuns(container.getContent(), pPr, glyphs);
        }
      }
    }

    private Glyph glyph(int codePoint, boolean bold, float size) {
      int cp = codePoint;
      PDType0Font font = bold && fonts.boldFile().covers(cp) ? fonts.bold() : fonts.regular();
      if (font == fonts.regular() && !fonts.regularFile().covers(cp)) {
        cp = fonts.regularFile().covers('□') ? '□' : '?';
      }
      String text = new String(Character.toChars(cp));
      Kind kind = Character.isWhitespace(cp) || cp == 0x3000 ? Kind.SPACE : Kind.TEXT;
      return new Glyph(kind, text, font, size, width(font, text) * size);
    }

    private float width(PDType0Font font, String text) {
      String key = (font == fonts.bold() ? "b" : "r") + text;
      Float cached = widths.get(key);
      if (cached != null) {
        return cached;
      }
      float width;
      try {
        width = font.getStringWidth(text) / 1000f;
      } catch (IOException | IllegalArgumentException e) {
        width = 1f;
      }
      widths.put(key, width);
      return width;
    }

    private static float size(RPr rPr) {
      if (rPr == null || rPr.getSz() == null || rPr.getSz().getVal() == null) {
        return DEFAULT_SIZE;
      }
      return rPr.getSz().getVal().floatValue() / 2f;
    }
  }

  private static float twips(BigInteger value, float fallbackTwips) {
    return (value == null ? fallbackTwips : value.floatValue()) * TWIP;
  }

  private enum Kind { TEXT, SPACE, LINE_BREAK, PAGE_BREAK }

  private record Glyph(Kind kind, String text, PDType0Font font, float size, float width) {}

  private record Cell(float x, float width, List<Block> blocks, STVerticalJc align) {}

  /** A vertical slice of the flow: a line of text, vertical space, or a page break. */
  private record Block(float height, Line line, boolean pageBreak) {
    static Block text(float height, Line line) {
      return new Block(height, line, false);
    }

    static Block space(float height) {
      return new Block(height, null, false);
    }

    static Block newPage() {
      return new Block(0, null, true);
    }
  }

  private static final class LineBuilder {
    final List<Glyph> glyphs = new ArrayList<>();
    final float available;
    final float indent;
    float width;
    boolean explicitEnd;
    boolean breakAfter;

    LineBuilder(float available, float indent) {
      this.available = available;
      this.indent = indent;
    }

    void add(Glyph glyph) {
      glyphs.add(glyph);
      width += glyph.width;
    }

    /** An opening bracket must not end a line: take it off so it starts the next one. */
    Glyph dropTrailingOpening() {
      if (glyphs.size() < 2) {
        return null;
      }
      Glyph last = glyphs.get(glyphs.size() - 1);
      if (last.kind == Kind.TEXT && OPENING.indexOf(last.text.charAt(0)) >= 0) {
        glyphs.remove(glyphs.size() - 1);
        width -= last.width;
        return last;
      }
      return null;
    }

    float maxSize(float fallback) {
      float max = 0;
      for (Glyph glyph : glyphs) {
        max = Math.max(max, glyph.size);
      }
      return max == 0 ? fallback : max;
    }
  }

  /** A laid-out line, drawn at a given left edge and top. */
  private record Line(LineBuilder content, JcEnumeration jc, boolean justify, float height) {
    void draw(PDPageContentStream stream, float left, float top) throws IOException {
      List<Glyph> glyphs = new ArrayList<>(content.glyphs);
      while (!glyphs.isEmpty() && glyphs.get(glyphs.size() - 1).kind == Kind.SPACE) {
        glyphs.remove(glyphs.size() - 1);
      }
      if (glyphs.isEmpty()) {
        return;
      }
      float width = 0;
      float size = 0;
      for (Glyph glyph : glyphs) {
        width += glyph.width;
        size = Math.max(size, glyph.size);
      }
      float x = left + content.indent;
      float extra = 0;
      if (jc == JcEnumeration.CENTER) {
        x += (content.available - width) / 2;
      } else if (jc == JcEnumeration.RIGHT || jc == JcEnumeration.END) {
        x += content.available - width;
      } else if (justify && glyphs.size() > 1 && width < content.available) {
        extra = (content.available - width) / (glyphs.size() - 1);
        if (extra > size * 0.25f) {
          // A line ended early by an unbreakable Latin run (a credit code, an id): spreading it would leave
          // gaps wider than a quarter em between characters, so it stays flush left like Word does.
          extra = 0;
        }
      }
      float baseline = top - height / 2 - size * 0.36f;
      int i = 0;
      while (i < glyphs.size()) {
        Glyph first = glyphs.get(i);
        StringBuilder text = new StringBuilder();
        float runWidth = 0;
        int j = i;
        while (j < glyphs.size() && glyphs.get(j).font == first.font && glyphs.get(j).size == first.size) {
          text.append(glyphs.get(j).text);
          runWidth += glyphs.get(j).width + extra;
          j++;
        }
        stream.beginText();
        stream.setFont(first.font, first.size);
        stream.setCharacterSpacing(extra);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text.toString());
        stream.endText();
        x += runWidth;
        i = j;
      }
    }
  }
}
