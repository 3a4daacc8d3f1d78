package cn.ecolaw.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LibreOffice (headless, Debian's libreoffice-writer-nogui, installed by scripts/setup.sh) is the reference
 * rendering of the same filled DOCX: our PDF must carry the same text in the same order and have the same page
 * count ±1. Fails, never skips, when LibreOffice is missing. Also measures both (see DECISIONS.md).
 */
class LibreOfficeReferenceTest {

  private static final DocumentFonts FONTS =
      new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
  private static final DocumentRenderer RENDERER = new DocumentRenderer(new DocumentTemplates(""), FONTS);
  private static final Map<DocumentType, byte[]> OURS = new EnumMap<>(DocumentType.class);
  private static final Map<DocumentType, byte[]> REFERENCE = new EnumMap<>(DocumentType.class);
  private static final List<String> REPORT = new ArrayList<>();

  @TempDir
  static Path dir;

  @BeforeAll
  static void renderAllTwice() throws Exception {
    String soffice = soffice();
    Path docx = Files.createDirectories(dir.resolve("docx"));
    Path out = Files.createDirectories(dir.resolve("lo"));
    List<String> command = new ArrayList<>(List.of(soffice, "--headless", "--norestore", "--nolockcheck",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", out.toString()));
    for (int warm = 0; warm < 2; warm++) { // the second round is measured, after the JIT has warmed up
      for (DocumentType type : DocumentType.values()) {
        RENDERER.render(type, DocumentSamples.data(type), type.title());
      }
    }
    long ours = System.nanoTime();
    for (DocumentType type : DocumentType.values()) {
      DocumentRenderer.Rendered files = RENDERER.render(type, DocumentSamples.data(type), type.title());
      OURS.put(type, files.pdf());
      Path file = docx.resolve(type.name() + ".docx");
      Files.write(file, files.docx());
      command.add(file.toString());
    }
    double oursMs = (System.nanoTime() - ours) / 1e6;

    // one LibreOffice process converting a single document (start-up included), then all in one batch
    long single = System.nanoTime();
    run(List.of(soffice, "--headless", "--norestore", "--nolockcheck",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
        dir.resolve("single").toString(), docx.resolve(DocumentType.PENALTY_DECISION.name() + ".docx").toString()));
    double singleMs = (System.nanoTime() - single) / 1e6;
    long batch = System.nanoTime();
    run(command);
    double batchMs = (System.nanoTime() - batch) / 1e6;
    for (DocumentType type : DocumentType.values()) {
      File pdf = out.resolve(type.name() + ".pdf").toFile();
      if (!pdf.isFile()) {
        fail("LibreOffice 未生成 " + pdf + "（" + type.title() + "）");
      }
      REFERENCE.put(type, Files.readAllBytes(pdf.toPath()));
    }
    int n = DocumentType.values().length;
    REPORT.add(String.format("documents=%d ours_total_ms=%.0f ours_ms_per_document=%.1f "
        + "libreoffice_single_process_one_document_ms=%.0f libreoffice_batch_total_ms=%.0f "
        + "libreoffice_batch_ms_per_document=%.1f", n, oursMs, oursMs / n, singleMs, batchMs, batchMs / n));
  }

  @AfterAll
  static void writeReport() throws Exception {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("libreoffice-reference.txt"), REPORT, StandardCharsets.UTF_8);
    }
    REPORT.forEach(System.out::println);
  }

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void sameTextInTheSameOrderAndSamePageCountAsLibreOffice(DocumentType type) throws Exception {
    // given the same filled DOCX rendered by us and by LibreOffice
    byte[] ours = OURS.get(type);
    byte[] reference = REFERENCE.get(type);
    // then the text is the same, in the same order (page numbers aside), and the page counts differ by at most one
    // (in drawing order; LibreOffice sets “” in a fallback font whose marks PDFBox reads back next to the
    // wrong characters: then the quotes are counted, and the rest compared in order)
    String ourText = text(ours);
    String referenceText = text(reference);
    if (!ourText.equals(referenceText)) {
      assertThat(ourText.replaceAll("[^“”‘’]", "")).isEqualTo(referenceText.replaceAll("[^“”‘’]", ""));
      assertThat(ourText.replaceAll("[“”‘’]", "")).isEqualTo(referenceText.replaceAll("[“”‘’]", ""));
    }
    int ourPages = pages(ours);
    int referencePages = pages(reference);
    REPORT.add(String.format("%s pages ours=%d libreoffice=%d", type.name(), ourPages, referencePages));
    assertThat(Math.abs(ourPages - referencePages)).as(type + " 页数").isLessThanOrEqualTo(1);
  }

  @Test
  void libreOfficeIsInstalled() {
    assertThat(new File(soffice())).canRead();
  }

  private static String soffice() {
    for (String candidate : List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
        "/usr/local/bin/soffice")) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    return fail("缺少 LibreOffice（soffice），它是文书 PDF 的参照渲染。请运行 bash scripts/setup.sh "
        + "（安装 Debian 包 libreoffice-writer-nogui）。");
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("soffice.log").toFile()).start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("LibreOffice 转换超时（300 秒）");
    }
    if (process.exitValue() != 0) {
      fail("LibreOffice 转换失败：" + Files.readString(dir.resolve("soffice.log")));
    }
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // the characters in the order the PDF draws them (paragraph by paragraph, cell by cell), not regrouped into
      // visual lines: two renderings that wrap a table cell differently still compare equal
      StringBuilder drawn = new StringBuilder();
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
          drawn.append(text.getUnicode());
        }
      };
      stripper.getText(document);
      return drawn.toString().replaceAll("[\\s\\u3000]+", "").replaceAll("—\\d+—", "");
    }
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }
}
