package cn.ecolaw.platform.dossier;

import cn.ecolaw.platform.documents.DocumentFonts;
import cn.ecolaw.platform.documents.DocumentFonts.PdfFonts;
import cn.ecolaw.platform.dossier.PageWriter.Align;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.springframework.stereotype.Component;

/**
 * Lays out one dossier: 卷宗封面, 卷内目录 (page numbers of where each item starts), the items in archive order (the
 * stored PDFs of the documents; the evidence list, the discretion record and the trail summary drawn here), 备考表
 * last. Body pages are numbered from 1 at the bottom right; cover, contents and 备考表 are not numbered. Each item is
 * a bookmark; page labels: i, ii… for cover and contents, 1, 2… for the body, 「备考表」 for the last.
 */
@Component
class DossierPdf {

  static final String COVER = "卷宗封面";
  static final String CONTENTS = "卷内目录";
  static final String EVIDENCE = "证据目录";
  static final String DISCRETION = "行政处罚自由裁量记录";
  static final String TRAIL = "办案留痕摘要";
  static final String NOTES = "备考表";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final DocumentFonts documentFonts;
  private final boolean pooledFonts;

  DossierPdf(DocumentFonts documentFonts) {
    this(documentFonts, true);
  }

  /**
   * {@code pooledFonts}: the dossier borrows the documents' pooled parsed fonts ({@link DocumentFonts#lease});
   * {@code false} parses the fonts afresh for every dossier as before ({@code platform.dossier.pooled-fonts}: the
   * benchmark's baseline).
   */
  @org.springframework.beans.factory.annotation.Autowired
  DossierPdf(DocumentFonts documentFonts,
      @org.springframework.beans.factory.annotation.Value("${platform.dossier.pooled-fonts:true}")
      boolean pooledFonts) {
    this.documentFonts = documentFonts;
    this.pooledFonts = pooledFonts;
  }

  /** Which edition is being built: an archived version with its reason, or a preview of an open case. */
  record Edition(Integer version, String reason, LocalDate on) {
    boolean archived() {
      return version != null;
    }
  }

  /** The PDF, its pages, and the contents as printed (title and first body page of each item). */
  record Built(byte[] pdf, int pages, int bodyPages, List<Item> contents) {}

  /** An item of the contents: title and the body page (from 1) where it starts. */
  record Item(String title, int firstPage, int lastPage) {}

  private record Entry(String title, String docNo, String author, LocalDate date, DossierContent.Doc doc,
      String section) {}

  Built build(DossierContent c, Edition edition) {
    List<PDDocument> sources = new ArrayList<>();
    DocumentFonts.LeasedFonts leased = null;
    try (PDDocument out = new PDDocument()) {
      // the pooled parsed fonts, given back once the dossier is saved and closed (finally)
      PdfFonts fonts;
      if (pooledFonts) {
        leased = documentFonts.lease(out);
        fonts = leased.fonts();
      } else {
        fonts = documentFonts.load(out);
      }
      List<Entry> entries = entries(c);

      PageWriter cover = new PageWriter(out, fonts);
      cover.newPage();
      // body
      List<PDPage> body = new ArrayList<>();
      List<Item> items = new ArrayList<>();
      List<PDPage> firstPages = new ArrayList<>();
      for (Entry e : entries) {
        int first = body.size() + 1;
        if (e.doc() != null) {
          PDDocument source = Loader.loadPDF(e.doc().pdf().get());
          sources.add(source);
          for (PDPage page : source.getPages()) {
            body.add(out.importPage(page));
          }
        } else {
          try (PageWriter w = new PageWriter(out, fonts)) {
            w.newPage();
            section(w, c, e.section());
            body.addAll(w.pages());
          }
        }
        firstPages.add(body.get(first - 1));
        items.add(new Item(e.title(), first, body.size()));
      }
      // 备考表
      List<PDPage> notes;
      try (PageWriter w = new PageWriter(out, fonts)) {
        w.newPage();
        notes(w, c, edition, entries.size(), body.size());
        notes = w.pages();
      }
      coverPage(cover, c, edition, body.size());
      cover.close();
      // 卷内目录, moved to follow the cover
      List<PDPage> contents;
      try (PageWriter w = new PageWriter(out, fonts)) {
        w.newPage();
        contents(w, c, entries, items);
        contents = w.pages();
      }
      PDPage after = cover.pages().get(cover.pages().size() - 1);
      for (PDPage page : contents) {
        out.getPages().remove(page);
        out.getPages().insertAfter(page, after);
        after = page;
      }
      int front = cover.pages().size() + contents.size();
      for (int i = 0; i < body.size(); i++) {
        stamp(out, fonts, body.get(i), i + 1);
      }
      outline(out, entries, firstPages, cover.pages().get(0), contents.get(0), notes.get(0));
      labels(out, front, body.size());
      PDDocumentInformation info = out.getDocumentInformation();
      info.setTitle("电子卷宗 " + c.caseNo());
      info.setSubject(c.cause());
      info.setAuthor(c.unit());
      info.setCreator("生态环境执法与司法衔接案件平台");
      Calendar created = Calendar.getInstance(java.util.TimeZone.getTimeZone(Dates.ZONE));
      info.setCreationDate(created);
      out.getDocumentCatalog().setLanguage("zh-CN");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.save(bytes);
      return new Built(bytes.toByteArray(), out.getNumberOfPages(), body.size(), items);
    } catch (IOException e) {
      throw new PlatformException(500, "DOSSIER-500", "电子卷宗生成失败：" + e.getMessage());
    } finally {
      for (PDDocument source : sources) {
        try {
          source.close();
        } catch (IOException ignored) {
          // read-only source
        }
      }
      if (leased != null) {
        leased.close();
      }
    }
  }

  /** The items in archive order: documents by rank, the drawn sections at their procedural places. */
  private static List<Entry> entries(DossierContent c) {
    List<Entry> out = new ArrayList<>();
    boolean evidence = false;
    boolean discretion = false;
    for (DossierContent.Doc d : c.documents()) {
      if (!evidence && d.rank() > DossierSources.EVIDENCE_RANK) {
        out.add(section(EVIDENCE, c));
        evidence = true;
      }
      if (!discretion && d.rank() > DossierSources.DISCRETION_RANK) {
        out.add(section(DISCRETION, c));
        discretion = true;
      }
      out.add(new Entry(d.title(), d.docNo(), d.author(), d.date(), d, null));
    }
    if (!evidence) {
      out.add(section(EVIDENCE, c));
    }
    if (!discretion) {
      out.add(section(DISCRETION, c));
    }
    out.add(section(TRAIL, c));
    return out;
  }

  private static Entry section(String title, DossierContent c) {
    return new Entry(title, "", c.unit(), c.closedOn() != null ? c.closedOn() : Dates.today(), null, title);
  }

  // ------------------------------------------------------------------------------------------------ pages

  private static void coverPage(PageWriter w, DossierContent c, Edition edition, int bodyPages) throws IOException {
    w.space(20);
    w.paragraph(c.unit(), 22, true, Align.CENTER, 0);
    w.space(18);
    w.paragraph("行 政 处 罚 案 卷", 36, true, Align.CENTER, 0);
    w.space(40);
    float label = 16 * 6;
    w.field("案　　号", c.caseNo(), 16, label);
    w.field("当 事 人", c.partyLabel(), 16, label);
    w.field("案　　由", c.cause(), 16, label);
    w.field("处理结果", c.outcomeLabel(), 16, label);
    w.field("立案日期", Dates.chinese(c.openedOn()), 16, label);
    w.field("结案日期", c.closedOn() == null ? "（尚未结案）" : Dates.chinese(c.closedOn()), 16, label);
    w.field("保管期限", c.retention(), 16, label);
    w.field("立卷单位", c.unit(), 16, label);
    w.field("卷内页数", "本卷共" + bodyPages + "页（不含封面、卷内目录和备考表）", 16, label);
    w.moveTo(PageWriter.BOTTOM + 25);
    w.paragraph(edition.archived()
        ? "电子卷宗第" + edition.version() + "版，" + Dates.chinese(edition.on()) + "归档（" + edition.reason() + "）"
        : "办理中的案件卷宗（预览，未归档），生成于" + Dates.chinese(edition.on()), 12, false, Align.CENTER, 0);
  }

  private static void contents(PageWriter w, DossierContent c, List<Entry> entries, List<Item> items)
      throws IOException {
    w.paragraph("卷 内 目 录", 22, true, Align.CENTER, 0);
    w.paragraph("案号：" + c.caseNo(), 12, false, Align.RIGHT, 0);
    w.space(6);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Item item = items.get(i);
      boolean last = i == entries.size() - 1;
      String pages = last && item.lastPage() > item.firstPage() ? item.firstPage() + "-" + item.lastPage()
          : String.valueOf(item.firstPage());
      rows.add(new String[] {String.valueOf(i + 1), e.docNo(), e.author(), e.title(),
          e.date() == null ? "" : DAY.format(e.date()), pages});
    }
    w.table(new float[] {0.07f, 0.26f, 0.16f, 0.28f, 0.13f, 0.1f},
        new String[] {"序号", "文号", "责任者", "题名", "日期", "页号"}, rows, 10.5f);
  }

  private static void section(PageWriter w, DossierContent c, String section) throws IOException {
    w.paragraph(section, 22, true, Align.CENTER, 0);
    w.paragraph("案号：" + c.caseNo() + "　当事人：" + c.partyName(), 12, false, Align.LEFT, 0);
    w.space(6);
    switch (section) {
      case EVIDENCE -> evidence(w, c);
      case DISCRETION -> {
        for (String line : c.discretion()) {
          boolean heading = line.endsWith("：") && !line.startsWith(" ");
          w.paragraph(line.strip(), 14, heading, Align.LEFT, heading ? 0 : 2, 14 * 1.7f);
        }
      }
      default -> trail(w, c.trail());
    }
  }

  private static void evidence(PageWriter w, DossierContent c) throws IOException {
    if (c.evidence().isEmpty()) {
      w.paragraph("本案未登记证据。", 14, false, Align.LEFT, 2);
      return;
    }
    List<String[]> rows = new ArrayList<>();
    int n = 1;
    for (DossierContent.Evidence e : c.evidence()) {
      rows.add(new String[] {String.valueOf(n++), e.name(), e.source(), e.proves()});
    }
    w.table(new float[] {0.08f, 0.3f, 0.3f, 0.32f}, new String[] {"序号", "证据名称", "证据来源", "证明内容"}, rows, 12);
  }

  private static void trail(PageWriter w, DossierContent.Trail t) throws IOException {
    w.paragraph("留痕记录：共" + t.entries() + "条" + (t.headSeq() == null ? "" : "（至第" + t.headSeq() + "条）"), 14, false,
        Align.LEFT, 0);
    w.paragraph("校验结果：" + t.verification(), 14, false, Align.LEFT, 0);
    w.paragraph("校验码：" + t.code(), 14, true, Align.LEFT, 0);
    w.paragraph("校验码取自最后一条留痕记录的签名，可与平台“办案留痕”中该条记录核对；归档后留痕被改写的，校验码将不再相符。", 11,
        false, Align.LEFT, 0);
    w.space(6);
    if (t.steps().isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    int n = 1;
    for (DossierContent.Step s : t.steps()) {
      rows.add(new String[] {String.valueOf(n++), s.at(), s.who(), s.what()});
    }
    w.table(new float[] {0.08f, 0.22f, 0.25f, 0.45f}, new String[] {"序号", "时间", "办理人", "事项"}, rows, 10.5f);
  }

  private static void notes(PageWriter w, DossierContent c, Edition edition, int items, int bodyPages)
      throws IOException {
    w.paragraph("备 考 表", 22, true, Align.CENTER, 0);
    w.space(12);
    w.paragraph("本卷情况说明：", 16, true, Align.LEFT, 0);
    w.paragraph("本卷共有文件材料" + items + "件，共" + bodyPages + "页（不含封面、卷内目录和备考表）。卷内文书均为本平台生成并留存的"
        + "电子文件，与平台中的原件一致；证据目录、自由裁量记录和办案留痕摘要由平台根据办案记录编制。", 16, false, Align.LEFT, 2);
    w.paragraph(edition.archived()
        ? "本卷为电子卷宗第" + edition.version() + "版，归档原因：" + edition.reason() + "。"
            + (edition.version() > 1 ? "此前各版原样保存，不作修改。" : "案件此后有变更的，另立新版本，本版原样保存。")
        : "本案尚在办理中，本卷为预览件，未归档。", 16, false, Align.LEFT, 2);
    w.space(30);
    w.paragraph("立卷人：平台自动立卷", 16, false, Align.LEFT, 0);
    w.space(10);
    w.paragraph("检查人：", 16, false, Align.LEFT, 0);
    w.space(10);
    w.paragraph("立卷时间：" + Dates.chinese(edition.on()), 16, false, Align.LEFT, 0);
  }

  // ------------------------------------------------------------------------------------------------ numbering

  /** The archive page number at the bottom right of a body page. */
  private static void stamp(PDDocument out, PdfFonts fonts, PDPage page, int number) throws IOException {
    try (PDPageContentStream s = new PDPageContentStream(out, page, PDPageContentStream.AppendMode.APPEND, true,
        true)) {
      String text = String.valueOf(number);
      float size = 12;
      float width = fonts.latin().getStringWidth(text) / 1000f * size;
      float right = page.getMediaBox().getUpperRightX() - PageWriter.RIGHT;
      s.beginText();
      s.setFont(fonts.latin(), size);
      s.newLineAtOffset(right - width, 14 * PageWriter.MM);
      s.showText(text);
      s.endText();
    }
  }

  private static void outline(PDDocument out, List<Entry> entries, List<PDPage> firstPages, PDPage cover,
      PDPage contents, PDPage notes) {
    PDDocumentOutline outline = new PDDocumentOutline();
    out.getDocumentCatalog().setDocumentOutline(outline);
    for (int i = 0; i < entries.size(); i++) {
      outline.addLast(bookmark((i + 1) + " " + entries.get(i).title(), firstPages.get(i)));
    }
    outline.addLast(bookmark(NOTES, notes));
    outline.openNode();
  }

  private static PDOutlineItem bookmark(String title, PDPage page) {
    PDPageFitDestination destination = new PDPageFitDestination();
    destination.setPage(page);
    PDOutlineItem item = new PDOutlineItem();
    item.setTitle(title);
    item.setDestination(destination);
    return item;
  }

  private static void labels(PDDocument out, int front, int body) throws IOException {
    PDPageLabels labels = new PDPageLabels(out);
    PDPageLabelRange roman = new PDPageLabelRange();
    roman.setStyle(PDPageLabelRange.STYLE_ROMAN_LOWER);
    labels.setLabelItem(0, roman);
    PDPageLabelRange arabic = new PDPageLabelRange();
    arabic.setStyle(PDPageLabelRange.STYLE_DECIMAL);
    arabic.setStart(1);
    labels.setLabelItem(front, arabic);
    PDPageLabelRange notes = new PDPageLabelRange();
    notes.setPrefix(NOTES);
    labels.setLabelItem(front + body, notes);
    out.getDocumentCatalog().setPageLabels(labels);
  }
}
