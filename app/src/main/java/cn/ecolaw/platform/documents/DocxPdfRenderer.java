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
 * spacing and line spacing, bold, font size and character spacing of runs, line and page breaks, tables with grid widths,
 * column spans, minimum row heights, vertical alignment and single borders (rows split across pages when
 * they must), the section's document grid (GB/T 9704: 22 lines of 28 characters; East Asian characters advance
 * by the grid's character pitch), and page numbers as GB/T 9704-2012 places them (“— 1 —”, 4号, 7 mm below
 * the type area, odd pages right and even pages left, one character in). Runs whose East Asian font is a Hei
 * (黑体) are set in the heading font, the rest in the Song body font; bold Song is drawn stroked (as 小标宋).
 * Line breaking follows the Chinese rules (禁则): closing punctuation never starts a line, opening punctuation
 * never ends one, and article numbers (第八十三条), dates, amounts and case numbers stay on one line where
 * they fit.
 */
final class DocxPdfRenderer {

  private static final float TWIP = 1f / 20f;
  private static final float CELL_PAD_X = 108 * TWIP;
  private static final float CELL_PAD_Y = 3f;
  private static final float DEFAULT_SIZE = 10.5f;
  static final String CLOSING = "，。、；：？！）》」』】〕”’…—,.;:?!)]%·";
  static final String OPENING = "（《「『【〔“‘([";
  /** Punctuation that may hang into the right margin rather than start the next line. */
  private static final String HANGING = "，。、；：？！,.";
  /** Runs kept on one line where they fit: article numbers, dates, amounts, numbers with their units. */
  private static final java.util.regex.Pattern KEEP_TOGETHER = java.util.regex.Pattern.compile(
      "第[一二三四五六七八九十百千零〇两\\d]+[条款项章节编目]"
      + "|第[（(][一二三四五六七八九十\\d]+[）)]项"
      + "|\\d{4}年\\d{1,2}月(\\d{1,2}日(\\d{1,2}时(\\d{1,2}分)?)?)?"
      + "|[¥￥]\\d[\\d,]*(\\.\\d+)?"
      + "|\\d[\\d,]*(\\.\\d+)?(万元|元|万|倍|日|个工作日|个月|年|月|时|分|号|份|张|次|名|项|%|mg/L)"
      + "|[一二三四五六七八九十百千]+(个工作日|日|个月|年)");
  private static final float STROKE_BOLD = 0.035f;
  private static final String QUOTES = "“”‘’";

  private final DocumentFonts fonts;
  private final boolean memoize;

  DocxPdfRenderer(DocumentFonts fonts) {
    this(fonts, true);
  }

  /** {@code memoize}: each paragraph's effective properties computed once per document (false: at each use). */
  DocxPdfRenderer(DocumentFonts fonts, boolean memoize) {
    this.fonts = fonts;
    this.memoize = memoize;
  }

  byte[] render(WordprocessingMLPackage pkg, String title) throws IOException {
    DocumentFonts.Pair loaded = null;
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("生态环境执法与司法衔接案件平台");
      loaded = fonts.open(document);
      new Job(pkg, document, loaded, memoize).run();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out); // writes the font subsets: the parsed fonts are in use until here
      return out.toByteArray();
    } catch (Docx4JException e) {
      throw new IOException(e);
    } finally {
      if (loaded != null) {
        loaded.release();
      }
    }
  }

  /** One rendering: the page cursor and the current content stream. */
  private static final class Job {
    private final WordprocessingMLPackage pkg;
    private final PDDocument document;
    private final DocumentFonts.Pair fonts;
    private final PropertyResolver resolver;
    private final Map<String, Float> widths = new HashMap<>();
    private final Map<PPr, PPr> effectivePPrs = new java.util.IdentityHashMap<>();
    private final boolean memoize;
    private final float pageWidth;
    private final float pageHeight;
    private final float marginTop;
    private final float marginBottom;
    private final float marginLeft;
    private final float marginRight;
    /** The East Asian character pitch over the default font size (1 when the section has no character grid). */
    private final float gridScale;
    private PDPageContentStream stream;
    private float y;

    Job(WordprocessingMLPackage pkg, PDDocument document, DocumentFonts.Pair fonts, boolean memoize)
        throws Docx4JException {
      this.memoize = memoize;
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
      gridScale = gridScale(section, size(resolver.getEffectiveRPr(null, null)));
    }

    /**
     * A {@code linesAndChars} document grid sets the pitch of East Asian characters to the default font size plus
     * {@code charSpace}/4096 pt, as Word does (GB/T 9704: 28 characters in the 156 mm type area).
     */
    private static float gridScale(SectPr section, float baseSize) {
      if (section == null || section.getDocGrid() == null || section.getDocGrid().getCharSpace() == null
          || section.getDocGrid().getType() == null
          || section.getDocGrid().getType() != org.docx4j.wml.STDocGrid.LINES_AND_CHARS) {
        return 1f;
      }
      float pitch = baseSize + section.getDocGrid().getCharSpace().floatValue() / 4096f;
      return pitch <= 0 ? 1f : Math.min(1.5f, pitch / baseSize);
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

    /**
     * GB/T 9704-2012 7.5: 4号 half-width Arabic numerals between one-em dashes, the line 7 mm below the type
     * area; odd pages flush right and even pages flush left, one character in from the type area's edge.
     */
    private void numberPages() throws IOException {
      int count = document.getNumberOfPages();
      float size = 14f;
      float baseline = marginBottom - 7f / 25.4f * 72f - size * 0.88f;
      for (int i = 0; i < count; i++) {
        PDPage page = document.getPage(i);
        String label = "— " + (i + 1) + " —";
        float width = fonts.regular().getStringWidth(label) / 1000f * size;
        boolean odd = (i + 1) % 2 == 1;
        float x = odd ? pageWidth - marginRight - size - width : marginLeft + size;
        try (PDPageContentStream footer =
            new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
          footer.beginText();
          footer.setFont(fonts.regular(), size);
          footer.newLineAtOffset(x, Math.max(20f, baseline));
          footer.showText(label);
          footer.endText();
        }
      }
    }

    private void renderContent(List<Object> content) throws IOException {
      List<Block> kept = new ArrayList<>();
      for (Object child : content) {
        Object item = XmlUtils.unwrap(child);
        if (item instanceof P paragraph) {
          kept.addAll(layout(paragraph, contentWidth()));
          if (!keepNext(paragraph)) {
            placeTogether(kept);
            kept = new ArrayList<>();
          }
          continue;
        }
        if (!kept.isEmpty()) {
          placeTogether(kept);
          kept = new ArrayList<>();
        }
        if (item instanceof Tbl table) {
          renderTable(table);
        } else if (item instanceof ContentAccessor container && !(item instanceof SectPr)) {
          renderContent(container.getContent());
        }
      }
      if (!kept.isEmpty()) {
        placeTogether(kept);
      }
    }

    /**
     * The effective paragraph properties (styles applied), computed once per paragraph: docx4j deep-copies the style
     * chain for each call, and each paragraph is asked twice (keep-with-next, then layout).
     */
    private PPr effectivePPr(PPr direct) {
      if (!memoize) {
        return resolver.getEffectivePPr(direct);
      }
      PPr known = effectivePPrs.get(direct);
      if (known == null && !effectivePPrs.containsKey(direct)) {
        known = resolver.getEffectivePPr(direct);
        effectivePPrs.put(direct, known);
      }
      return known;
    }

    private boolean keepNext(P paragraph) {
      PPr pPr = effectivePPr(paragraph.getPPr());
      return pPr != null && pPr.getKeepNext() != null && pPr.getKeepNext().isVal();
    }

    /**
     * Paragraphs kept with the next (w:keepNext, e.g. the signature, seal and date block with the text it closes,
     * GB/T 9704-2012 7.3.5): when they do not fit on this page but fit on one, they start the next page together.
     */
    private void placeTogether(List<Block> blocks) throws IOException {
      float height = 0;
      boolean breaks = false;
      for (Block block : blocks) {
        height += block.height;
        breaks |= block.pageBreak;
      }
      if (blocks.size() > 1 && !breaks && !atTop() && height > y - marginBottom + 0.01f
          && height <= top() - marginBottom) {
        newPage();
      }
      place(blocks);
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
      PPr pPr = effectivePPr(paragraph.getPPr());
      List<Glyph> glyphs = new ArrayList<>();
      boolean onGrid = pPr == null || pPr.getSnapToGrid() == null || pPr.getSnapToGrid().isVal();
      collectRuns(paragraph.getContent(), paragraph.getPPr(), glyphs, onGrid ? gridScale : 1f);
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
        first = ind.getFirstLineChars().floatValue() / 100f * markSize * (onGrid ? gridScale : 1f);
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
      boolean[] joined = joinedToPrevious(glyphs, available);
      LineBuilder line = new LineBuilder(available - first, left + first);
      List<LineBuilder> lines = new ArrayList<>();
      int i = 0;
      while (i < glyphs.size()) {
        Glyph glyph = glyphs.get(i);
        if (glyph.kind == Kind.LINE_BREAK || glyph.kind == Kind.PAGE_BREAK) {
          line.explicitEnd = true;
          line.breakAfter = glyph.kind == Kind.PAGE_BREAK;
          lines.add(line);
          line = new LineBuilder(available, left);
          i++;
          continue;
        }
        if (glyph.kind == Kind.SPACE && line.wrapped && line.glyphs.isEmpty()) {
          i++; // a space does not start a wrapped line
          continue;
        }
        int end = i + 1;
        while (end < glyphs.size() && joined[end]) {
          end++;
        }
        float unitWidth = 0;
        for (int k = i; k < end; k++) {
          unitWidth += glyphs.get(k).width;
        }
        float room = line.available - line.width;
        if (unitWidth <= room + 0.01f || line.glyphs.isEmpty() && unitWidth <= line.available + 0.01f) {
          line.addAll(glyphs.subList(i, end));
          i = end;
          continue;
        }
        Glyph last = glyphs.get(end - 1);
        if (end - i > 1 && HANGING.indexOf(last.text.isEmpty() ? ' ' : last.text.charAt(0)) >= 0
            && unitWidth - last.width <= room + 0.01f) {
          line.addAll(glyphs.subList(i, end)); // 。，、 hang into the margin rather than start the next line
          i = end;
          continue;
        }
        if (!line.glyphs.isEmpty()) {
          lines.add(line);
          line = new LineBuilder(available, left);
          line.wrapped = true;
          continue;
        }
        // a unit longer than a whole line (a long code): break it where the rules allow, else anywhere
        int k = i;
        float used = 0;
        while (k < end && used + glyphs.get(k).width <= line.available + 0.01f) {
          used += glyphs.get(k).width;
          k++;
        }
        int cut = k;
        while (cut > i + 1 && !breakable(glyphs, cut)) {
          cut--;
        }
        if (cut == i + 1 && !breakable(glyphs, cut)) {
          cut = Math.max(i + 1, k);
        }
        line.addAll(glyphs.subList(i, cut));
        lines.add(line);
        line = new LineBuilder(available, left);
        line.wrapped = true;
        i = cut;
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

    /**
     * For each glyph, whether the line may not break before it: closing punctuation never starts a line,
     * opening punctuation never ends one, Latin words and numbers stay whole, and the {@link #KEEP_TOGETHER}
     * runs stay whole when they take at most a third of the line.
     */
    private static boolean[] joinedToPrevious(List<Glyph> glyphs, float lineWidth) {
      boolean[] joined = new boolean[glyphs.size()];
      StringBuilder text = new StringBuilder();
      int[] glyphAt = new int[0];
      List<Integer> owners = new ArrayList<>();
      for (int g = 0; g < glyphs.size(); g++) {
        Glyph glyph = glyphs.get(g);
        String t = glyph.kind == Kind.TEXT ? glyph.text : glyph.kind == Kind.SPACE ? " " : "\n";
        text.append(t);
        for (int c = 0; c < t.length(); c++) {
          owners.add(g);
        }
      }
      glyphAt = owners.stream().mapToInt(Integer::intValue).toArray();
      for (int g = 1; g < glyphs.size(); g++) {
        joined[g] = !breakable(glyphs, g);
      }
      java.util.regex.Matcher m = KEEP_TOGETHER.matcher(text);
      while (m.find()) {
        int from = glyphAt[m.start()];
        int to = glyphAt[m.end() - 1];
        float w = 0;
        for (int g = from; g <= to; g++) {
          w += glyphs.get(g).width;
        }
        if (w <= lineWidth / 3f) {
          for (int g = from + 1; g <= to; g++) {
            joined[g] = true;
          }
        }
      }
      return joined;
    }

    /** Whether the line may break between glyph {@code at - 1} and glyph {@code at} (禁则 and whole words). */
    private static boolean breakable(List<Glyph> glyphs, int at) {
      Glyph before = glyphs.get(at - 1);
      Glyph after = glyphs.get(at);
      if (after.kind == Kind.SPACE) {
        return true;
      }
      if (after.kind != Kind.TEXT || before.kind == Kind.LINE_BREAK || before.kind == Kind.PAGE_BREAK) {
        return true;
      }
      if (CLOSING.indexOf(after.text.charAt(0)) >= 0) {
        return false;
      }
      if (before.kind == Kind.TEXT && OPENING.indexOf(before.text.charAt(0)) >= 0) {
        return false;
      }
      return !(isWordChar(before) && isWordChar(after));
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

    private void collectRuns(List<Object> content, PPr pPr, List<Glyph> glyphs, float grid) {
      for (Object child : content) {
        Object item = XmlUtils.unwrap(child);
        if (item instanceof R run) {
          RPr rPr = resolver.getEffectiveRPr(run.getRPr(), pPr);
          boolean bold = rPr != null && rPr.getB() != null && rPr.getB().isVal();
          boolean hei = isHei(rPr);
          float size = size(rPr);
          float tracking = rPr == null || rPr.getSpacing() == null || rPr.getSpacing().getVal() == null
              ? 0 : rPr.getSpacing().getVal().floatValue() * TWIP;
          for (Object runChild : run.getContent()) {
            if (runChild instanceof JAXBElement<?> element) {
              String name = element.getName().getLocalPart();
              if (name.equals("instrText") || name.equals("delText") || name.equals("delInstrText")) {
                continue;
              }
            }
            Object element = XmlUtils.unwrap(runChild);
            if (element instanceof Text text && text.getValue() != null) {
              text.getValue().codePoints().forEach(cp -> glyphs.add(glyph(cp, bold, hei, size, grid, tracking)));
            } else if (element instanceof R.Tab) {
              Glyph space = glyph(' ', bold, hei, size, grid, tracking);
              for (int i = 0; i < 4; i++) {
                glyphs.add(space);
              }
            } else if (element instanceof Br br) {
              glyphs.add(new Glyph(br.getType() == STBrType.PAGE ? Kind.PAGE_BREAK : Kind.LINE_BREAK,
                  "", fonts.regular(), size, 0, 0, false));
            }
          }
        } else if (item instanceof ContentAccessor container) {
          collectRuns(container.getContent(), pPr, glyphs, grid);
        }
      }
    }

    /** Whether the run's East Asian font is a Hei (黑体, SimHei, 方正黑体 ...): the heading font. */
    private static boolean isHei(RPr rPr) {
      if (rPr == null || rPr.getRFonts() == null) {
        return false;
      }
      String name = rPr.getRFonts().getEastAsia();
      return name != null && (name.contains("黑") || name.toLowerCase(java.util.Locale.ROOT).contains("hei"));
    }

    private Glyph glyph(int codePoint, boolean bold, boolean hei, float size, float grid, float tracking) {
      int cp = codePoint;
      PDType0Font font;
      boolean stroke = false;
      if ((hei || QUOTES.indexOf(cp) >= 0) && fonts.boldFile().covers(cp)) {
        font = fonts.bold(); // the body font's curly quotes are Latin-proportioned and read back out of place
        stroke = bold && !hei;
      } else if (!hei && latin(cp) && fonts.latinFile().covers(cp)) {
        font = fonts.latin();
        stroke = bold;
      } else if (fonts.regularFile().covers(cp)) {
        font = fonts.regular();
        stroke = bold;
      } else if (fonts.boldFile().covers(cp)) {
        font = fonts.bold();
      } else {
        font = fonts.regular();
        cp = fonts.regularFile().covers('□') ? '□' : '?';
      }
      String text = new String(Character.toChars(cp));
      Kind kind = Character.isWhitespace(cp) || cp == 0x3000 ? Kind.SPACE : Kind.TEXT;
      float natural = width(font, text) * size;
      float advance = natural;
      if (grid != 1f && natural >= size * 0.9f) {
        advance = size * grid; // a full-width character on the document grid
      }
      advance += tracking; // w:spacing of the run (GB/T 9704: 28 characters of 3号 a line)
      return new Glyph(kind, text, font, size, advance, natural, stroke);
    }

    /** Latin letters, digits and their punctuation, set in the Latin font (Times New Roman in the templates). */
    private static boolean latin(int cp) {
      return DocxPdfRenderer.latin(cp);
    }

    private float width(PDType0Font font, String text) {
      String key = (font == fonts.bold() ? "b" : font == fonts.latin() ? "l" : "r") + text;
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

  /** The code points set in the Latin font (Latin letters, digits, their punctuation, ¥). */
  static boolean latin(int cp) {
    return cp > 0x20 && cp < 0x7F || cp == 0xA5;
  }

  private static float twips(BigInteger value, float fallbackTwips) {
    return (value == null ? fallbackTwips : value.floatValue()) * TWIP;
  }

  private enum Kind { TEXT, SPACE, LINE_BREAK, PAGE_BREAK }

  /** One character: {@code width} is its advance on the line, {@code natural} the font's own advance. */
  private record Glyph(Kind kind, String text, PDType0Font font, float size, float width, float natural,
      boolean stroke) {}

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
    boolean wrapped;

    LineBuilder(float available, float indent) {
      this.available = available;
      this.indent = indent;
    }

    void addAll(List<Glyph> more) {
      for (Glyph glyph : more) {
        glyphs.add(glyph);
        width += glyph.width;
      }
    }

    float maxSize(float fallback) {
      float max = 0;
      for (Glyph glyph : glyphs) {
        max = Math.max(max, glyph.size);
      }
      return max == 0 ? fallback : max;
    }
  }

  private static boolean latinLike(Glyph glyph) {
    if (glyph.kind != Kind.TEXT || glyph.text.isEmpty()) {
      return false;
    }
    char c = glyph.text.charAt(0);
    return c < 0x2E80 && c != '—' && c != '…' && c != '“' && c != '”' && c != '‘' && c != '’';
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
      // justified CJK text stretches between characters, never inside a Latin word or number (2026, ¥150,000.00)
      boolean[] stretch = new boolean[glyphs.size()];
      int gaps = 0;
      for (int g = 0; g < glyphs.size() - 1; g++) {
        stretch[g] = !(latinLike(glyphs.get(g)) && latinLike(glyphs.get(g + 1)));
        gaps += stretch[g] ? 1 : 0;
      }
      if (jc == JcEnumeration.CENTER) {
        x += (content.available - width) / 2;
      } else if (jc == JcEnumeration.RIGHT || jc == JcEnumeration.END) {
        x += content.available - width;
      } else if (justify && gaps > 0 && width < content.available) {
        extra = (content.available - width) / gaps;
        if (extra > size * 0.5f) {
          // A line ended early by an unbreakable run (a credit code, an id): spreading it would leave gaps
          // wider than half an em between characters, so it stays flush left like Word does.
          extra = 0;
        }
      }
      float baseline = top - height / 2 - size * 0.36f;
      int i = 0;
      while (i < glyphs.size()) {
        Glyph first = glyphs.get(i);
        List<Object> shown = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float runWidth = 0;
        int j = i;
        while (j < glyphs.size() && glyphs.get(j).font == first.font && glyphs.get(j).size == first.size
            && glyphs.get(j).stroke == first.stroke) {
          Glyph glyph = glyphs.get(j);
          text.append(glyph.text);
          float added = stretch[j] ? extra : 0;
          float shift = glyph.natural - glyph.width - added;
          if (Math.abs(shift) > 0.001f) {
            shown.add(text.toString());
            text.setLength(0);
            shown.add(shift / glyph.size * 1000f);
          }
          runWidth += glyph.width + added;
          j++;
        }
        if (text.length() > 0) {
          shown.add(text.toString());
        }
        stream.beginText();
        stream.setFont(first.font, first.size);
        if (first.stroke) {
          stream.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL_STROKE);
          stream.setLineWidth(first.size * STROKE_BOLD);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showTextWithPositioning(shown.toArray());
        if (first.stroke) {
          stream.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL);
        }
        stream.endText();
        if (first.stroke) {
          stream.setLineWidth(0.6f);
        }
        x += runWidth;
        i = j;
      }
    }
  }
}
