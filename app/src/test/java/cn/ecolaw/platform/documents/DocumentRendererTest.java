package cn.ecolaw.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentRendererTest {

  private static final DocumentFonts FONTS =
      new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD);
  private static final DocumentRenderer RENDERER = new DocumentRenderer(new DocumentTemplates(""), FONTS);

  private static final Map<DocumentType, List<String>> BUREAU_EXPECTED = Map.ofEntries(
      Map.entry(DocumentType.FILING_APPROVAL, List.of("立案审批表", "案件来源", "日常巡查", "立案理由及依据", "承办人意见",
          "负责人审批意见", "同意立案，由执法一队承办。", "91330502MA2B3C4D5E")),
      Map.entry(DocumentType.PRIOR_NOTICE, List.of("行政处罚事先告知书", "罚款人民币壹拾伍万元整（¥150,000.00）",
          "你（单位）享有陈述、申辩的权利", "请于收到本告知书之日起五个工作日内", "应当在收到本告知书之日起五个工作日内",
          "0572-2123456")),
      Map.entry(DocumentType.HEARING_NOTICE, List.of("听证通知书", "2026年12月3日9时30分", "湖州市生态环境局三楼听证室",
          "赵立（法制审核科）", "有权申请回避", "七个工作日前送达")),
      Map.entry(DocumentType.PENALTY_DECISION, List.of("行政处罚决定书", "人民币壹拾伍万元整（¥150,000.00）",
          "（大写：壹拾伍万元整）", "作出如下行政处罚：罚款人民币壹拾伍万元整", "裁量等级：从轻处罚", "处罚种类：罚款",
          "超标比例：56%", "违反了《中华人民共和国水污染防治法》第十条的规定",
          "依据《中华人民共和国水污染防治法》第八十三条第（二）项的规定",
          "十五日内", "百分之三加处罚款", "六十日内向湖州市人民政府申请行政复议",
          "六个月内向湖州市吴兴区人民法院提起行政诉讼", "湖州市生态环境局（印章）", "2026年11月22日")),
      Map.entry(DocumentType.NO_PENALTY_DECISION, List.of("不予行政处罚决定书", "第三十三条", "当事人系初次违法，危害后果轻微并及时改正",
          "不予行政处罚", "违反了《中华人民共和国水污染防治法》第十条的规定", "六十日内向湖州市人民政府申请行政复议")),
      Map.entry(DocumentType.SERVICE_RECEIPT, List.of("送达回证", "行政处罚决定书（湖环罚〔2026〕12号）", "直接送达",
          "2026年11月23日10时15分", "受送达人签名或者盖章", "送达人签名")),
      Map.entry(DocumentType.REMINDER, List.of("催告书", "加处罚款人民币陆万柒仟伍佰元整（¥67,500.00）",
          "合计人民币贰拾壹万柒仟伍佰元整（¥217,500.00）", "自收到本催告书之日起十个工作日内履行", "有权进行陈述和申辩",
          "送达十个工作日后", "申请湖州市吴兴区人民法院强制执行")),
      Map.entry(DocumentType.ENFORCEMENT_APPLICATION, List.of("强制执行申请书", "被申请人：湖州绿源印染有限公司（企业）",
          "合计人民币贰拾壹万柒仟伍佰元整（¥217,500.00）", "2027年1月8日", "此致", "湖州市吴兴区人民法院",
          "十五日内未提起行政诉讼",
          "第五十五条", "《催告书》及送达回证", "负责人（签名）：陈志远")),
      Map.entry(DocumentType.CORRECTION_ORDER, List.of("责令改正违法行为决定书", "湖环责改〔2026〕12号",
          "违反了《中华人民共和国水污染防治法》第十条的规定", "《中华人民共和国环境保护法》第五十九条", "三十日内",
          "按日连续处罚", "六十日内向湖州市人民政府申请行政复议")),
      Map.entry(DocumentType.DAILY_PENALTY_NOTICE, List.of("按日连续处罚事先告知书", "湖环按日罚〔2026〕12号",
          "2026年11月24日起至2026年12月3日止", "共10日", "合计人民币壹佰伍拾万元整（¥1,500,000.00）",
          "五个工作日内", "有权要求听证")),
      Map.entry(DocumentType.DAILY_PENALTY_DECISION, List.of("按日连续处罚决定书", "湖环按日罚〔2026〕12号",
          "湖环罚〔2026〕12号《行政处罚决定书》", "湖环责改〔2026〕12号《责令改正违法行为决定书》", "2026年11月23日送达",
          "2026年12月3日", "共10日", "罚款数额人民币壹拾伍万元整（¥150,000.00）",
          "合计罚款人民币壹佰伍拾万元整（¥1,500,000.00）", "《中华人民共和国环境保护法》第五十九条",
          "《环境保护主管部门实施按日连续处罚办法》", "十五日内", "六十日内", "六个月内")),
      Map.entry(DocumentType.REVIEW_SHEET, List.of("行政处罚案卷评查表", "询问笔录未载明执法证件号", "两级评分相差超过10分",
          "89分（专家仲裁）", "良好", "第1版")),
      Map.entry(DocumentType.RECTIFICATION_NOTICE, List.of("案卷评查整改通知书", "共发现问题1项", "证据链不完整",
          "于2026年12月22日前完成整改")),
      Map.entry(DocumentType.MEDIATION_NOTICE, List.of("诉前调解告知书", "调解期限为三十日", "2026年12月22日止",
          "环境资源专业调解组织", "三十日内，共同向人民法院申请司法确认")),
      Map.entry(DocumentType.MEDIATION_AGREEMENT, List.of("调解协议书", "赔偿申请人养殖损失60万元", "自本协议生效之日起三十日内")),
      Map.entry(DocumentType.APPRAISAL_COMMISSION, List.of("鉴定委托书", "（2026）鉴委4号", "地表水与沉积物",
          "30个工作日（至2027年1月6日）", "暂停的期间不计入鉴定期限", "第八十一条")),
      Map.entry(DocumentType.APPRAISAL_CROSS_EXAMINATION, List.of("鉴定意见质证笔录", "水体污染损害数额为85万元。",
          "当事人未申请鉴定人出庭。", "决定：不再鉴定。")),
      Map.entry(DocumentType.CONFIRMATION_APPLICATION, List.of("司法确认申请书", "请求事项", "生态环境损害赔偿磋商", "此致")),
      Map.entry(DocumentType.CONFIRMATION_NOTICE, List.of("公    告", "公告期间为三十日", "2026年12月22日止")),
      Map.entry(DocumentType.CONFIRMATION_RULING, List.of("民 事 裁 定 书", "（2026）浙0502民特3号", "裁定如下",
          "生态环境损害赔偿协议有效", "本院经审查查明：2026年9月", "审判员　李明", "（院印）", "书记员　周敏")));
  private static final Map<DocumentType, List<String>> EXPECTED = new java.util.EnumMap<>(DocumentType.class);

  /**
   * Letters between member units (issue 13) name the case and the other unit; the party appears only where the
   * matter does (a transfer letter names its subject, a suggestion its problem), so the sample party is not required.
   */
  private static final java.util.Set<DocumentType> BETWEEN_UNITS = java.util.EnumSet.of(
      DocumentType.JUDICIAL_SUGGESTION, DocumentType.SUGGESTION_REPLY, DocumentType.TRANSFER_LETTER,
      DocumentType.TRANSFER_RECEIPT, DocumentType.CONSULTATION_MINUTES);

  private static final Map<DocumentType, List<String>> MEMBER_UNITS_EXPECTED = Map.of(
      DocumentType.JUDICIAL_SUGGESTION, List.of("司法建议书", "湖州市生态环境局：", "本院提出如下司法建议",
          "两个月内", "法释〔2023〕11号第八条", "湖环罚〔2026〕12号"),
      DocumentType.SUGGESTION_REPLY, List.of("关于司法建议的回复函", "湖州市吴兴区人民法院：", "《司法建议书》",
          "一、采纳情况", "三、整改落实措施", "特此函复。"),
      DocumentType.INSPECTION_RECORD, List.of("现场检查笔录"),
      DocumentType.TRANSFER_LETTER, List.of("移送函", "湖州市公安局吴兴分局：", "湖环罚〔2026〕12号",
          "《行政执法机关移送涉嫌犯罪案件的规定》", "移送材料", "三日内"),
      DocumentType.TRANSFER_RECEIPT, List.of("移送回执", "湖州市生态环境局：", "移送函及所附材料", "审查意见及理由"),
      DocumentType.CONSULTATION_MINUTES, List.of("会商纪要", "关联案号：湖环罚〔2026〕12号", "参加会商单位", "会商问题",
          "各单位意见", "会商结论"));

  static {
    EXPECTED.putAll(MEMBER_UNITS_EXPECTED);
    EXPECTED.putAll(BUREAU_EXPECTED);
    EXPECTED.putAll(CourtDocumentSamples.EXPECTED);
    EXPECTED.putAll(CourtOrderSamples.EXPECTED);
  }

  private static List<String> expected(DocumentType type) {
    return EXPECTED.get(type);
  }

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void docxAndPdfCarryTheSameFilledText(DocumentType type) throws Exception {
    DocumentRenderer.Rendered files = RENDERER.render(type, DocumentSamples.data(type), type.title());

    List<String> paragraphs = docxParagraphs(files.docx());
    String docx = String.join("\n", paragraphs);
    if (!BETWEEN_UNITS.contains(type)) {
      assertThat(docx).contains(DocumentSamples.PARTY, DocumentSamples.CASE_NO);
    }
    assertThat(expected(type)).as("expected text of %s", type).isNotNull();
    assertThat(docx).contains(expected(type));
    assertThat(docx).doesNotContain("${", DocumentValues.BLANK);

    String pdf = pdfText(files.pdf());
    if (!BETWEEN_UNITS.contains(type)) {
      assertThat(squeeze(pdf)).contains(squeeze(DocumentSamples.PARTY));
    }
    String pdfWithoutPageNumbers = squeeze(pdf).replaceAll("—\\d+—", "");
    for (String expected : expected(type)) {
      assertThat(pdfWithoutPageNumbers).contains(squeeze(expected));
    }
    assertThat(pdfWithoutPageNumbers).isEqualTo(squeeze(docx));
    assertThat(squeeze(pdf)).contains("—1—");
  }

  /** Upper-case codes (WATER_EXCEED, HEAVIER…), a decision key or a decision definition id. */
  private static final java.util.regex.Pattern INTERNAL_CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z_]{2,}|penalty-discretion|[a-z-]+:\\d+:[0-9a-f-]{8,}");

  /**
   * Issue 9: internal codes never reach a party. Every generated document read back from its PDF: no code, no
   * decision id, no discretion grade printed as the kind of penalty (APL 9). Review sheets list the scoring items by
   * their published numbers (INV-03…), which are not internal codes.
   */
  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void noInternalCodeReachesAParty(DocumentType type) throws Exception {
    String pdf = squeeze(pdfText(RENDERER.render(type, DocumentSamples.data(type), type.title()).pdf()));
    String checked = type == DocumentType.REVIEW_SHEET || type == DocumentType.RECTIFICATION_NOTICE
        ? pdf.replaceAll("[A-Z]{3}-\\d{2}", "") : pdf;

    assertThat(INTERNAL_CODE.matcher(checked).results().map(java.util.regex.MatchResult::group).toList())
        .as("%s", type).isEmpty();
    assertThat(pdf).doesNotContain("从重处罚，罚款", "从轻处罚，罚款", "一般处罚，罚款", "减轻处罚，罚款");
  }

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void pdfEmbedsTheCjkFontAsSubset(DocumentType type) throws Exception {
    DocumentRenderer.Rendered files = RENDERER.render(type, DocumentSamples.data(type), type.title());
    try (PDDocument pdf = Loader.loadPDF(files.pdf())) {
      assertThat(pdf.getNumberOfPages()).isPositive();
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (var name : resources.getFontNames()) {
          fonts.add(resources.getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
        assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
      });
    }
  }

  @Test
  void valuesAreTextNeverMarkup() throws Exception {
    Map<String, Object> data = DocumentSamples.data(DocumentType.PENALTY_DECISION);
    String hostile = "A&B<w:p><w:r><w:t>注入</w:t></w:r></w:p>公司 ]]> \u0001";
    data.put("partyName", hostile);
    DocumentRenderer.Rendered files = RENDERER.render(DocumentType.PENALTY_DECISION, data, "test");

    String docx = String.join("\n", docxParagraphs(files.docx()));
    assertThat(docx).contains("当事人：A&B<w:p><w:r><w:t>注入</w:t></w:r></w:p>公司 ]]> （企业）");
    assertThat(docxParagraphs(files.docx())).noneMatch(p -> p.equals("注入"));
    assertThat(squeeze(pdfText(files.pdf()))).contains("A&B<w:p><w:r><w:t>注入</w:t></w:r></w:p>公司]]>");
  }

  @Test
  void multiLineValuesBecomeParagraphsAndMissingKeysBlankLines() throws Exception {
    Map<String, Object> data = DocumentSamples.data(DocumentType.PENALTY_DECISION);
    data.remove("legalRepresentative");
    data.put("discretionSummary", "第一行裁量说明\n第二行裁量说明");
    DocumentRenderer.Rendered files = RENDERER.render(DocumentType.PENALTY_DECISION, data, "test");

    List<String> paragraphs = docxParagraphs(files.docx());
    assertThat(paragraphs).contains("第一行裁量说明", "第二行裁量说明",
        "2. 湖州市环境监测中心站监测报告（湖环监〔2026〕第0915号）一份；",
        "法定代表人（负责人）：" + DocumentValues.BLANK);
  }

  @Test
  void emptyHearingRightRemovesTheParagraph() throws Exception {
    Map<String, Object> data = DocumentSamples.data(DocumentType.PRIOR_NOTICE);
    DocumentRenderer.Rendered with = RENDERER.render(DocumentType.PRIOR_NOTICE, data, "test");
    data.put("hearingRightText", "");
    DocumentRenderer.Rendered without = RENDERER.render(DocumentType.PRIOR_NOTICE, data, "test");

    assertThat(docxParagraphs(with.docx())).contains(DocumentSamples.HEARING_RIGHT);
    assertThat(docxParagraphs(without.docx())).doesNotContain(DocumentSamples.HEARING_RIGHT, "");
    assertThat(squeeze(pdfText(without.pdf()))).doesNotContain("要求听证");
  }

  @Test
  void placeholdersSplitAcrossRunsAreFilled() throws Exception {
    WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
    P p = TemplateAuthoring.paragraph("当事人：${par", org.docx4j.wml.JcEnumeration.LEFT, 0, 0, 0, 0, false, 32, "仿宋");
    p.getContent().add(TemplateAuthoring.run("tyNa", true, 32, "仿宋"));
    p.getContent().add(TemplateAuthoring.run("me}，罚款${fineAmountUpper}。${unknownKey}", false, 32, "仿宋"));
    pkg.getMainDocumentPart().getContent().add(p);

    new DocxFiller(new DocumentValues(Map.of("partyName", "甲公司", "fineAmount", 1000001)))
        .fill(pkg);

    P filled = (P) pkg.getMainDocumentPart().getContent().get(0);
    assertThat(text(filled)).isEqualTo("当事人：甲公司，罚款壹佰万零壹元整。" + DocumentValues.BLANK);
  }

  @Test
  void datesNumbersAndBooleansAreFormatted() {
    DocumentValues values = new DocumentValues(Map.of(
        "d", java.time.LocalDate.of(2026, 11, 2),
        "u", java.util.Date.from(java.time.LocalDate.of(2026, 11, 22).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()),
        "fineAmount", new BigDecimal("150000.5"),
        "s", "150000",
        "flag", true));
    assertThat(values.resolve("d")).isEqualTo("2026年11月2日");
    assertThat(values.resolve("u")).isEqualTo("2026年11月22日");
    assertThat(values.resolve("fineAmount")).isEqualTo("150,000.50");
    assertThat(values.resolve("fineAmountUpper")).isEqualTo("壹拾伍万元伍角");
    assertThat(values.resolve("fineAmountText")).isEqualTo("人民币壹拾伍万元伍角（¥150,000.50）");
    assertThat(values.resolve("sText")).isEqualTo("人民币壹拾伍万元整（¥150,000.00）");
    assertThat(values.resolve("flag")).isEqualTo("是");
    assertThat(values.resolve("missingText")).isEqualTo(DocumentValues.BLANK);
  }

  @Test
  void missingFontIsRefusedInChinese() {
    DocumentFonts missing = new DocumentFonts("/nonexistent/font.ttf", DocumentFonts.DEFAULT_BOLD);
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""), missing);
    assertThatThrownBy(() -> renderer.render(DocumentType.REMINDER, DocumentSamples.data(DocumentType.REMINDER), "t"))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("PDF 字体文件不存在：/nonexistent/font.ttf")
        .hasMessageContaining("fonts-arphic-gbsn00lp")
        .hasMessageContaining("platform.documents.font-regular")
        .extracting(e -> ((PlatformException) e).getCode()).isEqualTo("DOC-500");
  }

  // ------------------------------------------------------------------ helpers

  static List<String> docxParagraphs(byte[] docx) throws Exception {
    WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
    List<String> out = new ArrayList<>();
    collect(pkg.getMainDocumentPart().getContent(), out);
    return out;
  }

  private static void collect(List<Object> content, List<String> out) {
    for (Object child : content) {
      Object item = XmlUtils.unwrap(child);
      if (item instanceof P p) {
        out.add(text(p));
      } else if (item instanceof ContentAccessor container) {
        collect(container.getContent(), out);
      }
    }
  }

  private static String text(P p) {
    StringBuilder sb = new StringBuilder();
    for (Object child : p.getContent()) {
      if (XmlUtils.unwrap(child) instanceof R r) {
        for (Object rc : r.getContent()) {
          if (XmlUtils.unwrap(rc) instanceof Text t) {
            sb.append(t.getValue());
          }
        }
      }
    }
    return sb.toString();
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }
}
