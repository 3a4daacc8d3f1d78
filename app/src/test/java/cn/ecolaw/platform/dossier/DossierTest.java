package cn.ecolaw.platform.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentTestAccess;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.enforcement.CaseDocumentData;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.filecheck.CaseVariables;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The electronic dossier read back with PDFBox: archived when the case closes; bookmarks = the items of the contents,
 * each at the page where the item starts; the contents' page numbers are those pages; page labels i, ii… / 1, 2… /
 * 备考表; body pages numbered at the bottom right, cover, contents and 备考表 not; the text searchable and free of
 * internal codes; a later change archived as a new version, the old one untouched.
 */
@PlatformTest
class DossierTest {

  static final List<String> PAID_CONTENTS = List.of("立案审批表", "证据目录", "行政处罚自由裁量记录", "行政处罚事先告知书",
      "行政处罚决定书", "送达回证", "办案留痕摘要");

  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DossierService dossiers;
  @Autowired DocumentService documents;
  @Autowired CaseDocumentData documentData;
  @Autowired CaseVariables variables;
  @Autowired JdbcTemplate jdbc;

  ClosedCases cases;

  @BeforeEach
  void init() {
    cases = new ClosedCases(launcher, runtime, tasks);
  }

  /** The contents as printed: title and page number column of each row. */
  record Row(String title, int page) {}

  // ------------------------------------------------------------------ reading the PDF back

  static String text(PDDocument d, int fromPage, int toPage) throws Exception {
    PDFTextStripper s = new PDFTextStripper();
    s.setStartPage(fromPage);
    s.setEndPage(toPage);
    return s.getText(d);
  }

  /** The front pages: cover and contents (their labels are roman). */
  static int front(PDDocument d) throws Exception {
    String[] labels = d.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
    int n = 0;
    while (labels[n].matches("[ivx]+")) {
      n++;
    }
    return n;
  }

  static List<Row> contents(PDDocument d) throws Exception {
    String toc = text(d, 2, front(d)).replaceAll("\\s+", " ");
    List<Row> rows = new ArrayList<>();
    Matcher m = Pattern.compile("(?:\\d{8}) (\\d+)(?:-\\d+)?").matcher(toc);
    List<Integer> pages = new ArrayList<>();
    while (m.find()) {
      pages.add(Integer.parseInt(m.group(1)));
    }
    List<PDOutlineItem> outline = outline(d);
    for (int i = 0; i < pages.size(); i++) {
      rows.add(new Row(outline.get(i).getTitle().replaceFirst("^\\d+ ", ""), pages.get(i)));
    }
    return rows;
  }

  static List<PDOutlineItem> outline(PDDocument d) {
    List<PDOutlineItem> items = new ArrayList<>();
    d.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
    return items;
  }

  static int pageIndex(PDDocument d, PDOutlineItem item) throws Exception {
    PDPage page = ((PDPageDestination) item.getDestination()).getPage();
    return d.getPages().indexOf(page);
  }

  static String bottomRight(PDDocument d, int index) throws Exception {
    PDFTextStripperByArea area = new PDFTextStripperByArea();
    PDPage page = d.getPage(index);
    float w = page.getMediaBox().getWidth();
    float h = page.getMediaBox().getHeight();
    area.addRegion("corner", new Rectangle2D.Float(w - 160, h - 50, 160, 50));
    area.extractRegions(page);
    return area.getTextForRegion("corner").strip();
  }

  // ------------------------------------------------------------------ tests

  @Test
  void closingACaseArchivesItsDossierAutomatically() {
    String caseNo = cases.paid();

    List<DossierVersion> versions = dossiers.versions(caseNo);
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).version()).isEqualTo(1);
    assertThat(versions.get(0).reason()).isEqualTo("结案自动归档（已缴纳罚款结案）");
    DossierService.Dossier current = dossiers.current(caseNo);
    assertThat(current.version().version()).as("reading it does not archive again").isEqualTo(1);
    assertThat(DossierService.sha256(current.pdf())).isEqualTo(versions.get(0).sha256());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE case_no = ? AND action = 'DOCUMENT_GENERATED'"
        + " AND target = '电子卷宗 第1版'", Integer.class, caseNo)).as("archiving leaves a trace").isEqualTo(1);
  }

  @Test
  void contentsFollowTheProcedureAndTheirPageNumbersAreWhereEachItemStarts() throws Exception {
    String caseNo = cases.paid();
    byte[] pdf = dossiers.current(caseNo).pdf();
    Files.createDirectories(Path.of("target/dossier"));
    Files.write(Path.of("target/dossier/paid.pdf"), pdf);

    try (PDDocument d = Loader.loadPDF(pdf)) {
      int front = front(d);
      List<Row> rows = contents(d);
      assertThat(rows).extracting(Row::title).containsExactlyElementsOf(PAID_CONTENTS);
      List<PDOutlineItem> outline = outline(d);
      for (int i = 0; i < rows.size(); i++) {
        int index = pageIndex(d, outline.get(i));
        assertThat(index - front + 1).as("contents page of %s", rows.get(i).title()).isEqualTo(rows.get(i).page());
        String first = text(d, index + 1, index + 1).replaceAll("\\s+", "");
        assertThat(first).as("page %d starts %s", rows.get(i).page(), rows.get(i).title())
            .contains(rows.get(i).title());
        assertThat(bottomRight(d, index)).isEqualTo(String.valueOf(rows.get(i).page()));
      }
    }
  }

  @Test
  void bookmarksAreTheItemsOfTheContentsAndTheBackPage() throws Exception {
    String caseNo = cases.paid();
    try (PDDocument d = Loader.loadPDF(dossiers.current(caseNo).pdf())) {
      List<String> titles = outline(d).stream().map(PDOutlineItem::getTitle).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < PAID_CONTENTS.size(); i++) {
        expected.add((i + 1) + " " + PAID_CONTENTS.get(i));
      }
      expected.add("备考表");
      assertThat(titles).containsExactlyElementsOf(expected);
      assertThat(pageIndex(d, outline(d).get(expected.size() - 1))).isEqualTo(d.getNumberOfPages() - 1);
    }
  }

  @Test
  void pageLabelsAreRomanForCoverAndContentsArabicForTheBodyAndBackPageLast() throws Exception {
    String caseNo = cases.paid();
    try (PDDocument d = Loader.loadPDF(dossiers.current(caseNo).pdf())) {
      String[] labels = d.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
      int front = front(d);
      assertThat(front).isGreaterThanOrEqualTo(2);
      assertThat(labels[0]).isEqualTo("i");
      assertThat(labels[1]).isEqualTo("ii");
      for (int i = front; i < labels.length - 1; i++) {
        assertThat(labels[i]).isEqualTo(String.valueOf(i - front + 1));
      }
      assertThat(labels[labels.length - 1]).isEqualTo("备考表");
    }
  }

  @Test
  void bodyPagesAreNumberedBottomRightCoverContentsAndBackPageAreNot() throws Exception {
    String caseNo = cases.paid();
    try (PDDocument d = Loader.loadPDF(dossiers.current(caseNo).pdf())) {
      int front = front(d);
      int last = d.getNumberOfPages() - 1;
      for (int i = 0; i < front; i++) {
        assertThat(bottomRight(d, i)).as("front page %d", i).isEmpty();
      }
      for (int i = front; i < last; i++) {
        assertThat(bottomRight(d, i)).isEqualTo(String.valueOf(i - front + 1));
      }
      assertThat(bottomRight(d, last)).as("备考表").isEmpty();
      assertThat(text(d, 1, 1).replaceAll("\\s+", "")).contains("本卷共" + (last - front) + "页");
    }
  }

  @Test
  void textIsSearchableAndCarriesNoInternalCode() throws Exception {
    String caseNo = cases.paid();
    byte[] pdf = dossiers.current(caseNo).pdf();
    String text = DocumentTestAccess.pdfText(pdf);
    assertThat(text).contains("行政处罚案卷", caseNo, "湖州测试印染有限公司", "保管期限定期30年", "卷内目录", "证据目录",
        "废水监测报告", "湖州市环境监测中心站", "化学需氧量超标30%", "现场检查笔录", "现场检查情况及违法行为事实",
        "本机关执法人员张伟、刘明调查收集", "裁量等级", "基准罚款金额", "办案留痕摘要", "校验码", "备考表", "立卷人");
    assertThat(DocumentTestAccess.problems(pdf)).isEmpty();
  }

  @Test
  void trailSummaryCarriesTheVerificationCodeOfTheTrailsLastEntry() throws Exception {
    String caseNo = cases.paid();
    byte[] pdf = dossiers.current(caseNo).pdf();
    String hash = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE case_no = ? AND seq = "
        + "(SELECT MAX(seq) FROM audit_entry e WHERE e.case_no = ? AND e.occurred_at <= ?)", String.class, caseNo,
        caseNo, java.time.LocalDateTime.now().plusDays(1));
    assertThat(hash).isNotNull();
    String text = DocumentTestAccess.pdfText(pdf);
    Matcher code = Pattern.compile("校验码：(\\d{4}-\\d{4}-\\d{4}-\\d{4}-\\d{4})").matcher(text);
    assertThat(code.find()).as(text).isTrue();
    assertThat(text).contains("校验结果：完整");
    // the code is the one of an entry of this case's chain (the chain has grown since: the dossier was read)
    List<String> hashes = jdbc.queryForList("SELECT hash FROM audit_entry WHERE case_no = ?", String.class, caseNo);
    assertThat(hashes.stream().map(DossierSources::code)).contains(code.group(1));
  }

  @Test
  void aLaterChangeIsArchivedAsANewVersionAndTheOldOneStaysAsItWas() throws Exception {
    String caseNo = cases.paid();
    DossierVersion first = dossiers.versions(caseNo).get(0);
    byte[] before = dossiers.version(caseNo, 1).pdf();

    // a document added after closing (a second service receipt, as for an order served later)
    Map<String, Object> v = new java.util.HashMap<>(variables.of(jdbc.queryForObject(
        "SELECT process_instance_id FROM case_file WHERE case_no = ?", String.class, caseNo)));
    v.put("documentServed", "行政处罚决定书（" + caseNo + "）");
    documents.generate(caseNo, DocumentType.SERVICE_RECEIPT, documentData.of(v, Optional.empty()), "officer1");

    List<DossierVersion> versions = dossiers.versions(caseNo);
    assertThat(versions).extracting(DossierVersion::version).containsExactly(1, 2);
    assertThat(versions.get(1).reason()).isEqualTo("结案后新增文书：送达回证");
    assertThat(versions.get(0)).isEqualTo(first);
    assertThat(dossiers.version(caseNo, 1).pdf()).isEqualTo(before);
    try (PDDocument d = Loader.loadPDF(dossiers.current(caseNo).pdf())) {
      assertThat(contents(d)).extracting(Row::title).contains("送达回证", "送达回证（第2份）");
    }
    // nothing changed since: reading does not archive again
    dossiers.current(caseNo);
    assertThat(dossiers.versions(caseNo)).hasSize(2);
  }

  @Test
  void storedVersionAlteredInTheDatabaseIsRefused() {
    String caseNo = cases.paid();
    jdbc.update("UPDATE case_dossier SET pdf = ? WHERE case_no = ? AND version = 1", new byte[] {1, 2, 3}, caseNo);

    assertThatThrownBy(() -> dossiers.version(caseNo, 1)).isInstanceOf(PlatformException.class)
        .hasMessageContaining("校验值不符");
  }

  @Test
  void openCaseGetsAPreviewThatIsNotArchived() throws Exception {
    String caseNo = cases.served(TestCases.enterpriseWater(), "张伟、刘明");

    DossierService.Dossier preview = dossiers.current(caseNo);

    assertThat(preview.version()).isNull();
    assertThat(dossiers.versions(caseNo)).isEmpty();
    String text = DocumentTestAccess.pdfText(preview.pdf());
    assertThat(text).contains("预览", "未归档", "尚未结案");
    assertThat(DocumentTestAccess.problems(preview.pdf())).isEmpty();
  }

  @Test
  void unknownVersionIsDossier404AndUnknownCaseIsCase404() {
    String caseNo = cases.paid();
    assertThatThrownBy(() -> dossiers.version(caseNo, 9)).isInstanceOf(PlatformException.class)
        .extracting("code").isEqualTo("DOSSIER-404");
    assertThatThrownBy(() -> dossiers.current("湖环罚〔2026〕999999号")).isInstanceOf(PlatformException.class)
        .extracting("code").isEqualTo("CASE-404");
  }
}
