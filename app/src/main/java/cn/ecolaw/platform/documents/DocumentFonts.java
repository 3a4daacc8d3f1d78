package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK TrueType fonts embedded (as subsets) in every PDF, as GB/T 9704-2012 asks of official documents: a
 * Song-style body font (宋体/仿宋 in the templates) and a Hei-style heading font (黑体). Defaults: AR PL SungtiL GB
 * (文鼎ＰＬ简报宋, Arphic Public License, Debian package fonts-arphic-gbsn00lp) and WenQuanYi Zen Hei (文泉驿正黑,
 * GPL-2 with the font embedding exception, Debian package fonts-wqy-zenhei; a TrueType collection, its first
 * face is used). Both licences allow embedding and redistribution. A character the body font lacks is drawn in
 * the heading font. Latin letters and digits of body text are set in Liberation Serif (SIL OFL, Debian package
 * fonts-liberation2, metric-compatible with Times New Roman, which GB/T 9704 templates name), optional: without
 * it they stay in the body font. Paths are configurable with {@code platform.documents.font-regular},
 * {@code platform.documents.font-bold} and {@code platform.documents.font-latin} (.ttf, or .ttc for a
 * collection's first face). A missing font is reported
 * in Chinese at startup and refused with {@code DOC-500} when a document is generated; the rest of the platform
 * keeps running.
 */
@Component
public class DocumentFonts {

  static final String DEFAULT_REGULAR = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
  static final String DEFAULT_BOLD = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
  static final String DEFAULT_LATIN = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
  /** The Debian packages of the default fonts (scripts/setup.sh installs them). */
  static final String PACKAGES = "fonts-arphic-gbsn00lp（文鼎简报宋）和 fonts-wqy-zenhei（文泉驿正黑）";
  private static final Logger LOG = LoggerFactory.getLogger(DocumentFonts.class);

  private final FontFile regular;
  private final FontFile bold;
  private final FontFile latin;

  public DocumentFonts(String regularPath, String boldPath) {
    this(regularPath, boldPath, DEFAULT_LATIN);
  }

  public DocumentFonts(String regularPath, String boldPath, String latinPath) {
    this(regularPath, boldPath, latinPath, true);
  }

  public DocumentFonts(String regularPath, String boldPath, String latinPath, boolean cacheParsed) {
    this(regularPath, boldPath, latinPath, cacheParsed, 0);
  }

  /**
   * {@code cacheParsed}: each font file is parsed once and the parsed fonts are reused, one document at a time per
   * parsed copy (a parsed TrueType font is not thread-safe); {@code false} parses every font for every document, as
   * the platform did before (property {@code platform.documents.cache-parsed}: the benchmark's baseline and an escape
   * hatch).
   *
   * <p>{@code copies}: how many parsed copies of each font may exist at once ({@code platform.documents.font-copies};
   * 0, the default, means one per processor and at least 2). A parsed copy of the CJK fonts weighs about 70 MB of
   * heap (the heading font's collection alone about 50), so the pool is bounded: a document that finds every copy
   * lent waits for one to come back (rendering is CPU-bound, more copies than processors would not finish sooner)
   * and is refused with DOC-503 after {@link FontFile#WAIT_SECONDS} seconds.
   */
  @org.springframework.beans.factory.annotation.Autowired
  public DocumentFonts(
      @Value("${platform.documents.font-regular:" + DEFAULT_REGULAR + "}") String regularPath,
      @Value("${platform.documents.font-bold:" + DEFAULT_BOLD + "}") String boldPath,
      @Value("${platform.documents.font-latin:" + DEFAULT_LATIN + "}") String latinPath,
      @Value("${platform.documents.cache-parsed:true}") boolean cacheParsed,
      @Value("${platform.documents.font-copies:0}") int copies) {
    int max = copies > 0 ? copies : Math.max(2, Runtime.getRuntime().availableProcessors());
    this.regular = FontFile.load("platform.documents.font-regular", regularPath, cacheParsed, null, max);
    this.bold = FontFile.load("platform.documents.font-bold", boldPath, cacheParsed, null, max);
    FontFile latinFile = latinPath == null || latinPath.isBlank() || !Files.isRegularFile(Path.of(latinPath))
        ? null : FontFile.load("platform.documents.font-latin", latinPath, cacheParsed, DocxPdfRenderer::latin, max);
    // before: the Latin font was parsed at once and left out when it could not be read; now that is found out when
    // it is first parsed (the warm-up) and the body font is used instead (see open)
    this.latin = latinFile == null || !cacheParsed && latinFile.problem() != null ? null : latinFile;
    if (this.latin == null) {
      LOG.warn("PDF 西文字体不可用：{}，西文和数字使用正文字体。可安装字体包 fonts-liberation2。", latinPath);
    }
  }

  /**
   * Parses the three font files now (when they have not been parsed yet), so that the first document does not
   * wait for it; a font that cannot be read is logged (in Chinese) and refused later as before.
   */
  void warmUp() {
    regular.parsed();
    bold.parsed();
    if (latin != null) {
      latin.parsed();
    }
  }

  /** Parsed copies in existence, per font file (body, heading, Latin when present). */
  List<Integer> copies() {
    return latin == null ? List.of(regular.copies(), bold.copies())
        : List.of(regular.copies(), bold.copies(), latin.copies());
  }

  /** Parsed copies idle in the pool, per font file. */
  List<Integer> idle() {
    return latin == null ? List.of(regular.idle(), bold.idle()) : List.of(regular.idle(), bold.idle(), latin.idle());
  }

  /** How many times the font files have been parsed so far (all three). */
  int parses() {
    return regular.parses() + bold.parses() + (latin == null ? 0 : latin.parses());
  }

  /**
   * The fonts loaded into {@code document}; refused with DOC-500 when a font file is missing. The caller gives the
   * parsed fonts back with {@link Pair#release()} once the document is saved (the subset is written on save).
   */
  Pair open(PDDocument document) throws IOException {
    Lease regularLease = regular.lease();
    Lease boldLease = null;
    Lease latinLease = null;
    try {
      PDType0Font regularFont = regularLease.load(document);
      boldLease = bold.lease();
      PDType0Font boldFont = boldLease.load(document);
      PDType0Font latinFont = regularFont;
      if (latin != null && latin.problem() == null) {
        latinLease = latin.lease();
        latinFont = latinLease.load(document);
      }
      boolean ownLatin = latinLease != null;
      return new Pair(regularFont, boldFont, latinFont, regular, bold, ownLatin ? latin : regular,
          List.of(regularLease, boldLease, ownLatin ? latinLease : regularLease));
    } catch (IOException | RuntimeException e) {
      regularLease.release();
      if (boldLease != null) {
        boldLease.release();
      }
      if (latinLease != null) {
        latinLease.release();
      }
      throw e;
    }
  }

  /**
   * The three fonts of the official layout loaded (as subsets) into {@code document}, for PDFs the platform draws
   * itself rather than from a template (the electronic dossier's cover, contents and forms). Refused with DOC-500
   * when a font file is missing. The fonts are parsed afresh for this document (it may be kept open a while); see
   * {@link #lease} for pooled ones.
   */
  public PdfFonts load(PDDocument document) throws IOException {
    PDType0Font song = regular.fresh(document);
    PDType0Font hei = bold.fresh(document);
    boolean ownLatin = latin != null && latin.problem() == null;
    PDType0Font latinFont = ownLatin ? latin.fresh(document) : song;
    return new PdfFonts(song, hei, latinFont, regular::covers, ownLatin ? latin::covers : regular::covers);
  }

  /**
   * As {@link #load}, but with the pooled parsed fonts that documents use (no font parsed again once the pool holds
   * one): the caller closes the lease once {@code document} is saved (the subsets are written on save), and not
   * before. Refused with DOC-500 when a font file is missing.
   */
  public LeasedFonts lease(PDDocument document) throws IOException {
    Pair pair = open(document);
    boolean ownLatin = pair.latinFile() != regular;
    return new LeasedFonts(new PdfFonts(pair.regular(), pair.bold(), pair.latin(), regular::covers,
        ownLatin ? latin::covers : regular::covers), pair::release);
  }

  /** Pooled fonts lent to one PDF until it is saved: {@link #close} gives them back (once). */
  public static final class LeasedFonts implements AutoCloseable {
    private final PdfFonts fonts;
    private Runnable release;

    LeasedFonts(PdfFonts fonts, Runnable release) {
      this.fonts = fonts;
      this.release = release;
    }

    public PdfFonts fonts() {
      return fonts;
    }

    @Override
    public void close() {
      Runnable r = release;
      release = null;
      if (r != null) {
        r.run();
      }
    }
  }

  /**
   * The body (Song), heading (Hei) and Latin fonts of one PDF; {@code songCovers}/{@code latinCovers} tell whether a
   * code point has a glyph in the body or Latin font (else draw it in the heading font, which covers more).
   */
  public record PdfFonts(PDType0Font song, PDType0Font hei, PDType0Font latin,
      java.util.function.IntPredicate songCovers, java.util.function.IntPredicate latinCovers) {}

  record Pair(PDType0Font regular, PDType0Font bold, PDType0Font latin, FontFile regularFile, FontFile boldFile,
      FontFile latinFile, List<Lease> leases) {
    /** Gives the parsed fonts back for the next document (each once; the same lease may appear twice). */
    void release() {
      java.util.Set<Lease> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (Lease lease : leases) {
        if (done.add(lease)) {
          lease.release();
        }
      }
    }
  }

  /** A parsed font lent to one document until it is saved. */
  static final class Lease {
    private final FontFile file;
    private final TrueTypeFont font;

    private Lease(FontFile file, TrueTypeFont font) {
      this.file = file;
      this.font = font;
    }

    PDType0Font load(PDDocument document) throws IOException {
      return PDType0Font.load(document, font, true);
    }

    void release() {
      file.giveBack(font);
    }
  }

  /**
   * One font file: its bytes, read once; parsed on first use (or by the warm-up) for its cmap; the parsed fonts are
   * pooled, a parsed copy lent to one document at a time, so concurrent generation is safe and no document parses a
   * font another one has already parsed. At most {@code maxCopies} parsed copies exist at once: a lease finding all of
   * them lent waits for one.
   */
  static final class FontFile {
    /** How long a document waits for a parsed copy when every copy is lent, before DOC-503. */
    static final long WAIT_SECONDS = 60;
    private final String property;
    private final String path;
    private final byte[] bytes;
    private final boolean pooled;
    private final String missing;
    private final java.util.concurrent.LinkedBlockingDeque<TrueTypeFont> idle =
        new java.util.concurrent.LinkedBlockingDeque<>();
    private final int maxCopies;
    /** Parsed copies in existence (idle or lent), pooled mode only. */
    private final java.util.concurrent.atomic.AtomicInteger copies = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Parsed parsed;
    private final java.util.function.IntPredicate setIn;
    /** Whether GSUB can be left off for this file (decided at the first pooled parse). */
    private volatile boolean gsubInert;

    /** The first parse: the cmap answering {@link #covers}, or why the file cannot be read. */
    private record Parsed(CmapLookup cmap, String problem) {}

    private FontFile(String property, String path, byte[] bytes, boolean pooled, String missing,
        java.util.function.IntPredicate setIn, int maxCopies) {
      this.setIn = setIn;
      this.maxCopies = Math.max(1, maxCopies);
      this.property = property;
      this.path = path;
      this.bytes = bytes;
      this.pooled = pooled;
      this.missing = missing;
    }

    static FontFile load(String property, String path) {
      return load(property, path, true);
    }

    static FontFile load(String property, String path, boolean pooled) {
      return load(property, path, pooled, null, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * {@code setIn}: the only code points the renderer sets in this font, when it is so limited (the Latin font:
     * ASCII and ¥). Then the font's glyph substitutions (GSUB), which PDFBox otherwise applies to every string shown
     * at a cost of a regular expression built per string (a fifth of a document's time), are turned off when none
     * of the substitutions PDFBox would apply (ccmp, liga, clig of a Latin-script font) can match a sequence of
     * those code points: the PDF stays the same glyph for glyph. Liberation Serif's only such feature, ccmp, joins
     * IPA tone letters (U+02E5..U+02E9), which are never set in it.
     */
    static FontFile load(String property, String path, boolean pooled, java.util.function.IntPredicate setIn,
        int maxCopies) {
      Path file = Path.of(path);
      if (!Files.isRegularFile(file)) {
        String problem = "PDF 字体文件不存在：" + path + "。请安装字体包 " + PACKAGES + "，"
            + "或在配置项 " + property + " 中指定一个中文 TrueType 字体文件（.ttf 或 .ttc）。";
        LOG.error(problem);
        return new FontFile(property, path, null, pooled, problem, setIn, maxCopies);
      }
      try {
        FontFile font = new FontFile(property, path, Files.readAllBytes(file), pooled, null, setIn, maxCopies);
        if (!pooled) {
          font.parsed(); // as before: parsed at start
        }
        return font;
      } catch (IOException e) {
        String problem = unreadable(property, path, e);
        LOG.error(problem);
        return new FontFile(property, path, null, pooled, problem, setIn, maxCopies);
      }
    }

    private static String unreadable(String property, String path, Exception e) {
      return "PDF 字体文件无法读取：" + path + "（" + e.getMessage() + "）。请检查配置项 " + property
          + " 指向有效的中文 TrueType 字体文件（.ttf）。";
    }

    /** Parses the file once (thread-safe); the parsed font becomes the pool's first copy. */
    private Parsed parsed() {
      Parsed done = parsed;
      if (done != null) {
        return done;
      }
      synchronized (this) {
        if (parsed != null) {
          return parsed;
        }
        if (missing != null) {
          parsed = new Parsed(null, missing);
          return parsed;
        }
        try {
          if (pooled) {
            copies.incrementAndGet(); // the pool's first copy
          }
          TrueTypeFont font = parse(bytes);
          CmapLookup cmap = font.getUnicodeCmapLookup();
          if (pooled && setIn != null && gsubInert(font, cmap, setIn)) {
            gsubInert = true;
            font.setEnableGsub(false);
          }
          parsed = new Parsed(cmap, null);
          giveBack(font);
        } catch (IOException | RuntimeException e) {
          String problem = unreadable(property, path, e);
          LOG.error(problem);
          parsed = new Parsed(null, problem);
        }
        return parsed;
      }
    }

    String problem() {
      return parsed().problem();
    }

    /** A parsed copy of the font for one document: an idle one, else parsed now. */
    Lease lease() throws IOException {
      String problem = problem();
      if (problem != null) {
        throw new PlatformException(500, "DOC-500", problem);
      }
      TrueTypeFont font = idle.pollFirst();
      if (font != null) {
        return new Lease(this, font);
      }
      if (!pooled) {
        return new Lease(this, parseCopy());
      }
      if (copies.incrementAndGet() <= maxCopies) {
        try {
          return new Lease(this, parseCopy());
        } catch (IOException | RuntimeException e) {
          copies.decrementAndGet();
          throw e;
        }
      }
      copies.decrementAndGet();
      try {
        font = idle.pollFirst(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        font = null;
      }
      if (font == null) {
        throw new PlatformException(503, "DOC-503", "文书生成繁忙：同时生成的 PDF 文书过多，" + WAIT_SECONDS
            + " 秒内未能取得字体，请稍后重试。可调整配置项 platform.documents.font-copies。");
      }
      return new Lease(this, font);
    }

    private TrueTypeFont parseCopy() throws IOException {
      TrueTypeFont parsedNow = parse(bytes);
      if (gsubInert) {
        parsedNow.setEnableGsub(false);
      }
      return parsedNow;
    }

    /** Whether no substitution PDFBox applies to a Latin-script font can match a run of {@code setIn} code points. */
    static boolean gsubInert(TrueTypeFont font, CmapLookup cmap, java.util.function.IntPredicate setIn)
        throws IOException {
      org.apache.fontbox.ttf.model.GsubData gsub = font.getGsubData();
      if (gsub == org.apache.fontbox.ttf.model.GsubData.NO_DATA_FOUND) {
        return true;
      }
      if (gsub.getLanguage() != org.apache.fontbox.ttf.model.Language.LATIN) {
        return false;
      }
      java.util.Set<Integer> glyphs = new java.util.HashSet<>();
      for (int cp = 0; cp <= 0xFFFF; cp++) {
        if (setIn.test(cp)) {
          glyphs.add(cmap.getGlyphId(cp));
        }
      }
      for (String feature : List.of("ccmp", "liga", "clig")) {
        if (!gsub.isFeatureSupported(feature)) {
          continue;
        }
        for (List<Integer> sequence : gsub.getFeature(feature).getAllGlyphIdsForSubstitution()) {
          if (glyphs.containsAll(sequence)) {
            return false;
          }
        }
      }
      return true;
    }

    private void giveBack(TrueTypeFont font) {
      if (!pooled) {
        return;
      }
      idle.offerFirst(font);
    }

    /** The font parsed afresh and loaded into {@code document}, for a caller that does not give it back. */
    PDType0Font fresh(PDDocument document) throws IOException {
      String problem = problem();
      if (problem != null) {
        throw new PlatformException(500, "DOC-500", problem);
      }
      return PDType0Font.load(document, parse(bytes), true);
    }

    /** A .ttf, or the first face of a .ttc collection (counted). */
    private TrueTypeFont parse(byte[] bytes) throws IOException {
      parses.incrementAndGet();
      return parseFont(bytes);
    }

    private static TrueTypeFont parseFont(byte[] bytes) throws IOException {
      if (bytes.length > 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f') {
        TrueTypeFont[] first = new TrueTypeFont[1];
        TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
        collection.processAllFonts(font -> {
          if (first[0] == null) {
            first[0] = font;
          }
        });
        if (first[0] == null) {
          throw new IOException("字体集合中没有字体");
        }
        return first[0];
      }
      return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    /** Whether the font has a glyph for this Unicode code point. */
    boolean covers(int codePoint) {
      CmapLookup cmap = parsed().cmap();
      return cmap != null && cmap.getGlyphId(codePoint) > 0;
    }

    int idle() {
      return idle.size();
    }

    int copies() {
      return copies.get();
    }

    int parses() {
      return parses.get();
    }

    String path() {
      return path;
    }

    String property() {
      return property;
    }
  }
}
