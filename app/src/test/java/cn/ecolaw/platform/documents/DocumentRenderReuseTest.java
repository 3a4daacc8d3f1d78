package cn.ecolaw.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The renderer keeps what it parsed (fonts, edited templates, run formatting) and readies itself in the background at
 * start; the documents stay exactly what they were when every document parsed everything afresh.
 */
class DocumentRenderReuseTest {

  private static final DocumentFonts FRESH_FONTS = new DocumentFonts(DocumentFonts.DEFAULT_REGULAR,
      DocumentFonts.DEFAULT_BOLD, DocumentFonts.DEFAULT_LATIN, false);
  private static final DocumentRenderer FRESH = new DocumentRenderer(new DocumentTemplates("", false), FRESH_FONTS,
      false);
  private static final DocumentRenderer REUSING = new DocumentRenderer(new DocumentTemplates(""),
      new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD));

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void reusedFontsAndFormattingRenderTheSameDocxAndPdfAsFreshOnes(DocumentType type) throws Exception {
    // given the sample values of the type
    Map<String, Object> data = DocumentSamples.data(type);

    // when both paths render it
    DocumentRenderer.Rendered fresh = FRESH.render(type, data, type.title());
    DocumentRenderer.Rendered reused = REUSING.render(type, data, type.title());

    // then the PDFs are byte for byte the same but for the file identifier, and the DOCX parts are the same
    assertThat(withoutFileId(reused.pdf())).isEqualTo(withoutFileId(fresh.pdf()));
    assertThat(parts(reused.docx())).isEqualTo(parts(fresh.docx()));
  }

  @Test
  void eachFontFileIsParsedOnceNotForEveryDocument() {
    // given a fresh set of fonts
    DocumentFonts fonts = new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""), fonts);
    int files = 3; // body, heading, Latin

    // when five documents are rendered one after the other
    for (int i = 0; i < 5; i++) {
      renderer.render(DocumentType.PRIOR_NOTICE, DocumentSamples.data(DocumentType.PRIOR_NOTICE), "事先告知书");
    }

    // then each font file was parsed once (the old path parsed each one again for every document)
    assertThat(fonts.parses()).isEqualTo(files);
    int before = FRESH_FONTS.parses();
    FRESH.render(DocumentType.PRIOR_NOTICE, DocumentSamples.data(DocumentType.PRIOR_NOTICE), "事先告知书");
    assertThat(FRESH_FONTS.parses() - before).isEqualTo(files);
  }

  @Test
  void concurrentDocumentsEachGetTheirOwnParsedFontsAndTheSameResult() throws Exception {
    // given the reference PDFs of two types rendered one at a time
    DocumentType[] types = {DocumentType.PENALTY_DECISION, DocumentType.REVIEW_SHEET};
    Map<DocumentType, String> reference = new TreeMap<>();
    for (DocumentType type : types) {
      reference.put(type, withoutFileId(FRESH.render(type, DocumentSamples.data(type), type.title()).pdf()));
    }
    DocumentFonts fonts = new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""), fonts);

    // when four threads render them at the same time with one set of fonts
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String[]>> results = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      DocumentType type = types[i % 2];
      results.add(pool.submit(() -> new String[] {type.name(),
          withoutFileId(renderer.render(type, DocumentSamples.data(type), type.title()).pdf())}));
    }
    pool.shutdown();

    // then every PDF is the one rendered alone, and no more copies were parsed than documents ran at once
    for (Future<String[]> result : results) {
      String[] done = result.get();
      assertThat(done[1]).as(done[0]).isEqualTo(reference.get(DocumentType.valueOf(done[0])));
    }
    assertThat(fonts.parses()).isLessThanOrEqualTo(3 * 4);
  }

  @Test
  void noMoreParsedCopiesExistThanConfiguredHoweverManyDocumentsRunAtOnce() throws Exception {
    // given fonts bounded to 2 parsed copies each (a copy of the CJK fonts weighs about 70 MB of heap: an unbounded
    // pool ran a 640 MB node out of memory under 8 clerks and the job executor)
    DocumentFonts fonts = new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD,
        DocumentFonts.DEFAULT_LATIN, true, 2);
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""), fonts);
    String reference = withoutFileId(FRESH.render(DocumentType.PENALTY_DECISION,
        DocumentSamples.data(DocumentType.PENALTY_DECISION), "决定书").pdf());

    // when six threads render eighteen documents at the same time
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      results.add(pool.submit(() -> withoutFileId(renderer.render(DocumentType.PENALTY_DECISION,
          DocumentSamples.data(DocumentType.PENALTY_DECISION), "决定书").pdf())));
    }
    pool.shutdown();

    // then every document is right, the documents waited for a copy rather than parsing a third one, and every
    // copy came back to the pool
    for (Future<String> result : results) {
      assertThat(result.get()).isEqualTo(reference);
    }
    assertThat(fonts.parses()).isLessThanOrEqualTo(3 * 2);
    assertThat(DocumentTestAccess.copies(fonts)).containsOnly(2);
    assertThat(DocumentTestAccess.idle(fonts)).containsOnly(2);
  }

  @Test
  void theWarmUpParsesFontsAndTemplatesSoTheFirstDocumentParsesNothing() throws Exception {
    // given documents that have not been used yet
    DocumentFonts fonts = new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
    DocumentTemplates templates = new DocumentTemplates("");
    DocumentRenderer renderer = new DocumentRenderer(templates, fonts);
    DocumentWarmUp warmUp = new DocumentWarmUp(renderer, fonts, templates, true);
    assertThat(fonts.parses()).isZero(); // the start does not wait for the fonts

    // when the warm-up has run in the background
    warmUp.start();
    assertThat(warmUp.done().get()).isNotNegative();

    // then the first document parses no font
    renderer.render(DocumentType.PENALTY_DECISION, DocumentSamples.data(DocumentType.PENALTY_DECISION), "决定书");
    assertThat(fonts.parses()).isEqualTo(3);
  }

  @Test
  void theWarmUpNeverFailsTheStartWhenAFontIsMissing() throws Exception {
    // given a body font that does not exist
    DocumentFonts fonts = new DocumentFonts("/nonexistent/font.ttf", DocumentFonts.DEFAULT_BOLD);
    DocumentTemplates templates = new DocumentTemplates("");
    DocumentWarmUp warmUp = new DocumentWarmUp(new DocumentRenderer(templates, fonts), fonts, templates, true);

    // when the warm-up starts, then the start goes on and the warm-up reports that it did not finish
    warmUp.start();
    assertThat(warmUp.done().get()).isEqualTo(-1L);
  }

  @Test
  void theWarmUpCanBeTurnedOff() throws Exception {
    DocumentFonts fonts = new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
    DocumentTemplates templates = new DocumentTemplates("");
    DocumentWarmUp warmUp = new DocumentWarmUp(new DocumentRenderer(templates, fonts), fonts, templates, false);

    warmUp.start();

    assertThat(warmUp.done().get()).isZero();
    assertThat(fonts.parses()).isZero();
  }

  @Test
  void anEditedTemplateIsReadAgainOnlyWhenItChanges(@TempDir Path dir) throws Exception {
    // given a clerk's edited template of the 行政处罚决定书
    Path file = dir.resolve(DocumentType.PENALTY_DECISION.template());
    byte[] first = new DocumentTemplates("").bytes(DocumentType.PRIOR_NOTICE);
    Files.write(file, first);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
    DocumentTemplates templates = new DocumentTemplates(dir.toString());

    // when it is used twice unchanged, then it was read once
    byte[] once = templates.bytes(DocumentType.PENALTY_DECISION);
    assertThat(templates.bytes(DocumentType.PENALTY_DECISION)).isSameAs(once).isEqualTo(first);

    // when the clerk saves another version, then the next document uses it
    byte[] second = new DocumentTemplates("").bytes(DocumentType.HEARING_NOTICE);
    Files.write(file, second);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-02T00:00:00Z")));
    assertThat(templates.bytes(DocumentType.PENALTY_DECISION)).isEqualTo(second);
  }

  /** The PDF as text with its /ID (a hash of the time of saving) blanked. */
  static String withoutFileId(byte[] pdf) {
    return new String(pdf, StandardCharsets.ISO_8859_1).replaceAll("/ID \\[<[0-9A-F]+> <[0-9A-F]+>]", "/ID []");
  }

  /** The parts of a DOCX by name (the zip's own timestamps left out). */
  static Map<String, String> parts(byte[] docx) throws IOException {
    Map<String, String> parts = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return parts;
  }
}
