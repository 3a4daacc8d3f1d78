package cn.ecolaw.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Documents fit to sign (GB/T 9704-2012 where it applies to 行政执法文书, and the rules of Chinese line breaking):
 * every PDF is read back with PDFBox.
 */
class DocumentFitToSignTest {

  private static final DocumentFonts FONTS =
      new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
  private static final DocumentRenderer RENDERER = new DocumentRenderer(new DocumentTemplates(""), FONTS);
  private static final float MM = 72f / 25.4f;

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void everyDocumentReadBackHasNoLineStartPunctuationNoCodeNoEnglish(DocumentType type) throws Exception {
    // given the sample data of the document, when it is rendered, then its PDF text passes the clerk's checks
    byte[] pdf = RENDERER.render(type, DocumentSamples.data(type), type.title()).pdf();
    List<String> problems = new ArrayList<>(PdfChecks.problems(pdf));
    if (type == DocumentType.REVIEW_SHEET || type == DocumentType.RECTIFICATION_NOTICE) {
      // the reviewers' own sheet and its notice to the reviewed bureau cite the published scoring table's item
      // numbers (INV-03); no party is served with them
      problems.removeIf(p -> p.matches("出现(英文词|内部代码)：[A-Z]{2,5}(-\\d{2})?（.*") && p.matches(".*[A-Z]{2,5}-\\d{2}.*"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theChecksCatchInternalCodesEnglishAndLineStartPunctuation() throws Exception {
    // given values carrying what must never reach a party
    Map<String, Object> data = DocumentSamples.data(DocumentType.PENALTY_DECISION);
    data.put("violationTypeLabel", "WATER_EXCEED");
    data.put("facts", "经查，裁量结果为HEAVIER。");
    byte[] pdf = RENDERER.render(DocumentType.PENALTY_DECISION, data, "t").pdf();
    // then the read-back names them
    assertThat(String.join("\n", PdfChecks.problems(pdf))).contains("WATER_EXCEED", "HEAVIER");
  }

  @Test
  void closingPunctuationNeverStartsALineOpeningNeverEndsOne() throws Exception {
    // given paragraphs where every position of the line end meets "）。", "”，", "《" and "（"
    TemplateAuthoring.Doc doc = new TemplateAuthoring.Doc();
    StringBuilder prefix = new StringBuilder();
    for (int shift = 0; shift < 30; shift++) {
      doc.para(prefix + "依据《中华人民共和国水污染防治法》（二〇一七年修正）。处罚“从轻”，理由（见附件）。"
          + "经查（现场检查笔录）：“超标排放”；《决定书》（湖环罚〔2026〕12号）。");
      prefix.append('甲');
    }
    // when it is rendered
    List<String> lines = PdfChecks.lines(render(doc));
    // then no line starts with closing punctuation and none ends with opening punctuation
    assertThat(lines).hasSizeGreaterThan(60);
    assertThat(lines).noneMatch(l -> DocxPdfRenderer.CLOSING.indexOf(l.charAt(0)) >= 0 && !l.matches("—\\s*\\d+\\s*—"));
    assertThat(lines).noneMatch(l -> DocxPdfRenderer.OPENING.indexOf(l.charAt(l.length() - 1)) >= 0);
  }

  @Test
  void articleNumbersDatesAndAmountsAreNotBrokenAcrossLines() throws Exception {
    // given the article, the date and the amount at every position of the line end
    TemplateAuthoring.Doc doc = new TemplateAuthoring.Doc();
    StringBuilder prefix = new StringBuilder();
    for (int shift = 0; shift < 30; shift++) {
      doc.para(prefix + "依据第八十三条于2026年11月22日罚款¥150,000.00元");
      prefix.append('甲');
    }
    // when it is rendered, then each stays whole on one line
    List<String> lines = PdfChecks.lines(render(doc)).stream().map(DocumentRendererTest::squeeze).toList();
    long whole = lines.stream().filter(l -> l.contains("第八十三条")).count();
    assertThat(whole).isEqualTo(30);
    assertThat(lines.stream().filter(l -> l.contains("2026年11月22日")).count()).isEqualTo(30);
    assertThat(lines.stream().filter(l -> l.contains("¥150,000.00")).count()).isEqualTo(30);
  }

  @Test
  void gbt9704PageHas22LinesOf28Characters() throws Exception {
    // given 30 lines' worth of body text in 3号 on the GB/T 9704 grid
    TemplateAuthoring.Doc doc = new TemplateAuthoring.Doc();
    doc.flush("甲".repeat(28 * 30));
    // when it is rendered
    byte[] pdf = render(doc);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      List<String> firstPage = new ArrayList<>();
      for (String line : stripper.getText(document).split("\\R")) {
        if (line.contains("甲")) {
          firstPage.add(line.strip());
        }
      }
      // then the first page holds 22 lines of 28 characters, on A4
      assertThat(firstPage).hasSize(22).allSatisfy(line -> assertThat(line).hasSize(28));
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(210 * MM, org.assertj.core.data.Offset.offset(1f));
      assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(297 * MM, org.assertj.core.data.Offset.offset(1f));
    }
  }

  @Test
  void marginsPageNumbersAndFontsFollowGbt9704() throws Exception {
    // given a two-page document with a heading
    TemplateAuthoring.Doc doc = new TemplateAuthoring.Doc();
    doc.title("行政处罚决定书");
    doc.heading("一、违法事实和证据");
    doc.flush("甲".repeat(28 * 30));
    List<TextPosition> positions = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(render(doc))) {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
          positions.addAll(textPositions);
        }
      };
      stripper.getText(document);
    }
    // then body text starts 28 mm from the left and 37 mm from the top, and ends 26 mm from the right
    List<TextPosition> body = positions.stream().filter(p -> p.getUnicode().equals("甲")).toList();
    float left = (float) body.stream().mapToDouble(TextPosition::getXDirAdj).min().orElseThrow();
    float right = (float) body.stream().mapToDouble(p -> p.getXDirAdj() + p.getWidthDirAdj()).max().orElseThrow();
    assertThat(left).isCloseTo(28 * MM, org.assertj.core.data.Offset.offset(0.5f));
    assertThat(210 * MM - right).isCloseTo(26 * MM, org.assertj.core.data.Offset.offset(0.8f));
    // the body is in the Song font, the heading in the Hei font, the title in the Song font drawn bold
    assertThat(body.get(0).getFont().getName()).contains("BousungEG");
    TextPosition heading = positions.stream().filter(p -> p.getUnicode().equals("违")).findFirst().orElseThrow();
    assertThat(heading.getFont().getName()).contains("WenQuanYiZenHei");
    // page numbers “— 1 —” (odd: right, one character in) and “— 2 —” (even: left, one character in), below the type area
    List<TextPosition> dashes = positions.stream().filter(p -> p.getUnicode().equals("—")).toList();
    assertThat(dashes).hasSize(4);
    float oddRight = dashes.get(1).getXDirAdj() + dashes.get(1).getWidthDirAdj();
    assertThat(210 * MM - oddRight).isCloseTo(26 * MM + 14, org.assertj.core.data.Offset.offset(1.5f));
    assertThat(dashes.get(2).getXDirAdj()).isCloseTo(28 * MM + 14, org.assertj.core.data.Offset.offset(1.5f));
    assertThat(dashes.get(0).getYDirAdj()).isGreaterThan(297 * MM - 35 * MM + 7 * MM);
  }

  @ParameterizedTest
  @EnumSource(value = DocumentType.class, names = {"NON_ACCEPTANCE_RULING", "ENFORCEMENT_GRANTED_RULING",
      "ENFORCEMENT_REFUSED_RULING", "CHALLENGE_DECISION", "INJUNCTION_RULING", "INJUNCTION_CHALLENGE_DECISION",
      "RESTORATION_ORDER", "CONFIRMATION_RULING"})
  void cpl157CourtRulingsAndDecisionsCarryAdjudicatorClerkAndCourtSeal(DocumentType type) throws Exception {
    // given a court ruling or decision without the names of its judge and clerk
    Map<String, Object> data = DocumentSamples.data(type);
    data.remove("judge");
    data.remove("courtClerk");
    // when it is rendered
    List<String> lines = PdfChecks.lines(RENDERER.render(type, data, type.title()).pdf());
    String text = String.join("\n", lines);
    // then it ends with signature lines for the 审判人员 and the 书记员, the court seal and the date in Chinese numerals
    assertThat(text).contains("审判员　" + DocumentValues.BLANK, "书记员　" + DocumentValues.BLANK, "（院印）");
    assertThat(text).containsPattern("二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日");
    int seal = lines.indexOf("（院印）");
    assertThat(lines.get(seal - 1)).startsWith("审判员");
    assertThat(lines.get(seal + 2)).startsWith("书记员");
  }

  @Test
  void courtSignatureBlockIsNeverAloneOnAPage() throws Exception {
    // given court rulings of every length, when rendered, then the page holding the seal also holds body text
    for (DocumentType type : List.of(DocumentType.ENFORCEMENT_GRANTED_RULING, DocumentType.CONFIRMATION_RULING,
        DocumentType.INJUNCTION_RULING, DocumentType.RESTORATION_ORDER)) {
      try (PDDocument document = Loader.loadPDF(RENDERER.render(type, DocumentSamples.data(type), "t").pdf())) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(document.getNumberOfPages());
        stripper.setEndPage(document.getNumberOfPages());
        String last = stripper.getText(document);
        assertThat(last).contains("（院印）");
        assertThat(last.lines().map(String::strip).filter(l -> !l.isEmpty()).count())
            .as(type + " 末页").isGreaterThan(5);
      }
    }
  }

  @Test
  void acel55EnforcementApplicationCarriesTheHeadsSignature() throws Exception {
    // given the application without the head's name, then it has a line for the head to sign, with seal and date
    Map<String, Object> data = DocumentSamples.data(DocumentType.ENFORCEMENT_APPLICATION);
    data.remove("agencyHead");
    String text = String.join("\n", PdfChecks.lines(
        RENDERER.render(DocumentType.ENFORCEMENT_APPLICATION, data, "t").pdf()));
    assertThat(text).contains("负责人（签名）：" + DocumentValues.BLANK, "（印章）", "2026年11月22日");
  }

  @Test
  void courtDatesAreWrittenInChineseNumerals() {
    DocumentValues values = new DocumentValues(Map.of("d", java.time.LocalDate.of(2026, 12, 20), "s", "2027-01-01"));
    assertThat(values.resolve("dCn")).isEqualTo("二〇二六年十二月二十日");
    assertThat(values.resolve("sCn")).isEqualTo("二〇二七年一月一日");
    assertThat(values.resolve("missingCn")).isEqualTo(DocumentValues.BLANK);
  }

  static byte[] render(TemplateAuthoring.Doc doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.pkg.save(out);
    org.docx4j.openpackaging.packages.WordprocessingMLPackage pkg =
        org.docx4j.openpackaging.packages.WordprocessingMLPackage.load(
            new java.io.ByteArrayInputStream(out.toByteArray()));
    return new DocxPdfRenderer(FONTS).render(pkg, "t");
  }
}
