package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK TrueType fonts embedded (as subsets) in every PDF. Default: LXGW WenKai (霞鹜文楷, SIL OFL, Debian
 * package fonts-lxgw-wenkai). Paths are configurable with {@code platform.documents.font-regular} and
 * {@code platform.documents.font-bold}. A missing font is reported in Chinese at startup and refused with
 * {@code DOC-500} when a document is generated; the rest of the platform keeps running.
 */
@Component
public class DocumentFonts {

  static final String DEFAULT_REGULAR = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
  static final String DEFAULT_BOLD = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf";
  private static final Logger LOG = LoggerFactory.getLogger(DocumentFonts.class);

  private final FontFile regular;
  private final FontFile bold;

  public DocumentFonts(
      @Value("${platform.documents.font-regular:" + DEFAULT_REGULAR + "}") String regularPath,
      @Value("${platform.documents.font-bold:" + DEFAULT_BOLD + "}") String boldPath) {
    this.regular = FontFile.load("platform.documents.font-regular", regularPath);
    this.bold = FontFile.load("platform.documents.font-bold", boldPath);
  }

  /** The two fonts loaded into {@code document}; refused with DOC-500 when a font file is missing. */
  Pair open(PDDocument document) throws IOException {
    return new Pair(regular.open(document), bold.open(document), regular, bold);
  }

  record Pair(PDType0Font regular, PDType0Font bold, FontFile regularFile, FontFile boldFile) {}

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
        String problem = "PDF 字体文件不存在：" + path + "。请安装字体包 fonts-lxgw-wenkai（霞鹜文楷），"
            + "或在配置项 " + property + " 中指定一个中文 TrueType 字体文件（.ttf）。";
        LOG.error(problem);
        return new FontFile(property, path, null, null, problem);
      }
      try {
        byte[] bytes = Files.readAllBytes(file);
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
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
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      return PDType0Font.load(document, font, true);
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
