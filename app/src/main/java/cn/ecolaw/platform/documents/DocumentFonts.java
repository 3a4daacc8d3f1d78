package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @org.springframework.beans.factory.annotation.Autowired
  public DocumentFonts(
      @Value("${platform.documents.font-regular:" + DEFAULT_REGULAR + "}") String regularPath,
      @Value("${platform.documents.font-bold:" + DEFAULT_BOLD + "}") String boldPath,
      @Value("${platform.documents.font-latin:" + DEFAULT_LATIN + "}") String latinPath) {
    this.regular = FontFile.load("platform.documents.font-regular", regularPath);
    this.bold = FontFile.load("platform.documents.font-bold", boldPath);
    FontFile latinFile = latinPath == null || latinPath.isBlank() || !Files.isRegularFile(Path.of(latinPath))
        ? null : FontFile.load("platform.documents.font-latin", latinPath);
    this.latin = latinFile == null || latinFile.problem != null ? null : latinFile;
    if (this.latin == null) {
      LOG.warn("PDF 西文字体不可用：{}，西文和数字使用正文字体。可安装字体包 fonts-liberation2。", latinPath);
    }
  }

  /** The fonts loaded into {@code document}; refused with DOC-500 when a font file is missing. */
  Pair open(PDDocument document) throws IOException {
    PDType0Font regularFont = regular.open(document);
    return new Pair(regularFont, bold.open(document), latin == null ? regularFont : latin.open(document),
        regular, bold, latin == null ? regular : latin);
  }

  /**
   * The three fonts of the official layout loaded (as subsets) into {@code document}, for PDFs the platform draws
   * itself rather than from a template (the electronic dossier's cover, contents and forms). Refused with DOC-500
   * when a font file is missing.
   */
  public PdfFonts load(PDDocument document) throws IOException {
    Pair pair = open(document);
    return new PdfFonts(pair.regular(), pair.bold(), pair.latin(), regular::covers, latin == null ? regular::covers
        : latin::covers);
  }

  /**
   * The body (Song), heading (Hei) and Latin fonts of one PDF; {@code songCovers}/{@code latinCovers} tell whether a
   * code point has a glyph in the body or Latin font (else draw it in the heading font, which covers more).
   */
  public record PdfFonts(PDType0Font song, PDType0Font hei, PDType0Font latin,
      java.util.function.IntPredicate songCovers, java.util.function.IntPredicate latinCovers) {}

  record Pair(PDType0Font regular, PDType0Font bold, PDType0Font latin, FontFile regularFile, FontFile boldFile,
      FontFile latinFile) {}

  /** One font file: its bytes (parsed afresh for each PDF, so concurrent generation is safe) and its cmap. */
  static final class FontFile {
    private final String property;
    private final String path;
    private final byte[] bytes;
    private final CmapLookup cmap;
    private final String problem;

    private FontFile(String property, String path, byte[] bytes, CmapLookup cmap, String problem) {
      this.property = property;
      this.path = path;
      this.bytes = bytes;
      this.cmap = cmap;
      this.problem = problem;
    }

    static FontFile load(String property, String path) {
      Path file = Path.of(path);
      if (!Files.isRegularFile(file)) {
        String problem = "PDF 字体文件不存在：" + path + "。请安装字体包 " + PACKAGES + "，"
            + "或在配置项 " + property + " 中指定一个中文 TrueType 字体文件（.ttf 或 .ttc）。";
        LOG.error(problem);
        return new FontFile(property, path, null, null, problem);
      }
      try {
        byte[] bytes = Files.readAllBytes(file);
        TrueTypeFont font = parse(bytes);
        CmapLookup cmap = font.getUnicodeCmapLookup();
        return new FontFile(property, path, bytes, cmap, null);
      } catch (IOException | RuntimeException e) {
        String problem = "PDF 字体文件无法读取：" + path + "（" + e.getMessage() + "）。请检查配置项 " + property
            + " 指向有效的中文 TrueType 字体文件（.ttf）。";
        LOG.error(problem);
        return new FontFile(property, path, null, null, problem);
      }
    }

    PDType0Font open(PDDocument document) throws IOException {
      if (problem != null) {
        throw new PlatformException(500, "DOC-500", problem);
      }
      return PDType0Font.load(document, parse(bytes), true);
    }

    /** A .ttf, or the first face of a .ttc collection. */
    private static TrueTypeFont parse(byte[] bytes) throws IOException {
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
      return cmap != null && cmap.getGlyphId(codePoint) > 0;
    }

    String path() {
      return path;
    }

    String property() {
      return property;
    }
  }
}
