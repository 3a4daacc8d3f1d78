package cn.ecolaw.platform.documents;

import java.io.File;
import java.math.BigInteger;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.model.structure.PageSizePaper;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTHeight;
import org.docx4j.wml.CTSimpleField;
import org.docx4j.wml.CTVerticalJc;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblBorders;
import org.docx4j.wml.TblGrid;
import org.docx4j.wml.TblGridCol;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.docx4j.wml.TrPr;

/**
 * Writes the document templates under {@code templates/}. The committed .docx files are the source of truth
 * (clerks may edit them in Word); run this only to regenerate them from scratch:
 * {@code java ... TemplateAuthoring ../templates}.
 */
public final class TemplateAuthoring {

  private static final ObjectFactory WML = Context.getWmlObjectFactory();
  private static final String BODY_FONT = "仿宋";
  private static final String TITLE_FONT = "宋体";
  private static final String HEADING_FONT = "黑体";
  /** GB/T 9704-2012 5.2.2: 22 lines in the 225 mm type area, 28.95 pt a line (579 twips). */
  static final int LINE = 579;
  /**
   * GB/T 9704-2012: 28 characters of 3号 (16 pt) in the 156 mm type area (442.2 pt): a pitch of 15.75 pt, written
   * as run character spacing of -5 twentieths of a point on 3号 text, which Word and LibreOffice both honour (a
   * {@code linesAndChars} document grid is laid out differently by each).
   */
  static final int TRACKING = -5;
  /** 1 em of 3号 in twips (indents of two characters, right indents of the signature block). */
  static final int EM = 316;

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    filingApproval().save(new File(dir, DocumentType.FILING_APPROVAL.template()));
    priorNotice().save(new File(dir, DocumentType.PRIOR_NOTICE.template()));
    hearingNotice().save(new File(dir, DocumentType.HEARING_NOTICE.template()));
    penaltyDecision().save(new File(dir, DocumentType.PENALTY_DECISION.template()));
    noPenaltyDecision().save(new File(dir, DocumentType.NO_PENALTY_DECISION.template()));
    serviceReceipt().save(new File(dir, DocumentType.SERVICE_RECEIPT.template()));
    reminder().save(new File(dir, DocumentType.REMINDER.template()));
    enforcementApplication().save(new File(dir, DocumentType.ENFORCEMENT_APPLICATION.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  // ------------------------------------------------------------------ the eight documents

  static Doc filingApproval() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("立案审批表");
    d.docNo("案号：${caseNo}");
    Table t = d.table(1700, 2722, 1700, 2722);
    t.row(0, cell("案件来源"), cell("${clueSourceLabel}"), cell("所属领域"), cell("${domainLabel}"));
    t.row(0, cell("当事人"), cell("${partyName}"), cell("当事人类型"), cell("${partyTypeLabel}"));
    t.row(0, cell("统一社会信用代码（身份证号码）"), span(3, "${partyId}"));
    t.row(0, cell("住所（地址）"), span(3, "${partyAddress}"));
    t.row(0, cell("法定代表人（负责人）"), cell("${legalRepresentative}"), cell("所在地区"), cell("${region}"));
    t.row(0, cell("涉嫌违法类型"), span(3, "${violationTypeLabel}"));
    t.row(2400, cell("简要案情"), span(3, "${facts}"));
    t.row(1400, cell("立案理由及依据"), span(3, "${filingReason}"));
    t.row(1800, cell("承办人意见"), span(3, "${officerOpinion}", "", "承办人：${officers}", "${issueDate}"));
    t.row(1800, cell("负责人审批意见"), span(3, "${headOpinion}", "", "负责人（签名）：", "年    月    日"));
    d.note("注：本表一式一份，附入案卷。");
    return d;
  }

  static Doc priorNotice() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("行政处罚事先告知书");
    d.docNo("${caseNo}");
    d.flush("${partyName}：");
    d.para("经查，你（单位）存在以下违法事实：${facts}");
    d.para("以上事实有下列证据为证：");
    d.para("${evidence}");
    d.para("你（单位）的上述行为违反了${violatedProvision}的规定，属于${violationTypeLabel}。依据${penaltyBasis}的规定，"
        + "并参照本机关行政处罚裁量基准，本机关拟对你（单位）作出如下行政处罚：罚款${fineAmountText}。");
    d.para("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。"
        + "如有陈述、申辩意见，请于收到本告知书之日起五个工作日内向本机关书面提出，或者到本机关口头陈述、申辩；"
        + "逾期未提出的，视为放弃陈述和申辩的权利。本机关不因你（单位）陈述、申辩而给予更重的处罚。");
    d.para("${hearingRightText}");
    d.para("联系人：${officers}");
    d.para("联系电话：${agencyPhone}");
    d.para("联系地址：${agencyAddress}");
    d.signature("${agencyName}（印章）", "${issueDate}");
    return d;
  }

  static Doc hearingNotice() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("听证通知书");
    d.docNo("${caseNo}");
    d.flush("${partyName}：");
    d.para("根据你（单位）的听证申请，本机关定于${hearingDateTime}在${hearingPlace}就你（单位）${violationTypeLabel}一案"
        + "拟作出的行政处罚（罚款${fineAmountText}）举行听证，听证主持人为${hearingOfficer}。"
        + "请你（单位）准时出席。");
    d.para("根据《中华人民共和国行政处罚法》第六十四条的规定，现将有关事项告知如下：");
    d.para("一、你（单位）认为听证主持人、记录员与本案有直接利害关系的，有权申请回避；"
        + "申请回避应当在听证开始前提出，并说明理由。");
    d.para("二、你（单位）可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，"
        + "应当在听证开始前向本机关提交由你（单位）签名或者盖章的授权委托书，载明委托事项和权限。");
    d.para("三、听证时，你（单位）可以就案件事实、证据、适用法律和拟作出的行政处罚进行申辩和质证，"
        + "并可以提出新的事实、理由和证据。");
    d.para("四、听证应当制作笔录。笔录应当交你（单位）或者你（单位）的代理人核对无误后签字或者盖章。");
    d.para("五、听证公开举行，但涉及国家秘密、商业秘密或者个人隐私依法予以保密的除外。");
    d.para("六、你（单位）无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。");
    d.para("本通知书于举行听证的七个工作日前送达。");
    d.para("联系人：${officers}    联系电话：${agencyPhone}");
    d.para("联系地址：${agencyAddress}");
    d.signature("${agencyName}（印章）", "${issueDate}");
    return d;
  }

  static Doc penaltyDecision() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("行政处罚决定书");
    d.docNo("${caseNo}");
    partyBlock(d);
    d.para("本机关依法对你（单位）${violationTypeLabel}一案进行了调查，现已调查终结。");
    d.heading("一、违法事实和证据");
    d.para("经查，${facts}");
    d.para("以上事实有以下证据证明：");
    d.para("${evidence}");
    d.heading("二、行政处罚的理由和依据");
    d.para("你（单位）的上述行为违反了${violatedProvision}的规定。本机关于此前依法向你（单位）送达了《行政处罚事先告知书》，"
        + "告知你（单位）拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩等权利。");
    d.para("你（单位）的陈述、申辩意见及采纳情况：${partyOpinion}");
    d.heading("三、行政处罚裁量情况");
    d.para("${discretionSummary}");
    d.para("偏离裁量基准的理由：${deviationReason}");
    d.heading("四、行政处罚的内容和履行方式、期限");
    d.para("依据${penaltyBasis}的规定，本机关决定对你（单位）作出如下行政处罚：罚款${fineAmountText}"
        + "（大写：${fineAmountUpper}）。");
    d.para("同时责令你（单位）${measure}。");
    d.para("你（单位）应当自收到本决定书之日起十五日内，到${paymentPlace}缴纳罚款（缴款期限：${paymentDeadline}）。"
        + "到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，"
        + "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。");
    d.heading("五、申请行政复议或者提起行政诉讼的途径和期限");
    d.para("你（单位）如不服本处罚决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，"
        + "也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，"
        + "本处罚决定不停止执行，法律另有规定的除外。");
    d.para("逾期不申请行政复议、不提起行政诉讼，又不履行本处罚决定的，本机关将依法申请人民法院强制执行。");
    d.signature("${agencyName}（印章）", "${issueDate}");
    d.note("联系人：${officers}    联系电话：${agencyPhone}    地址：${agencyAddress}");
    return d;
  }

  static Doc noPenaltyDecision() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("不予行政处罚决定书");
    d.docNo("${caseNo}");
    partyBlock(d);
    d.para("本机关依法对你（单位）${violationTypeLabel}一案进行了调查，现已调查终结。");
    d.heading("一、违法事实和证据");
    d.para("经查，${facts}");
    d.para("以上事实有以下证据证明：");
    d.para("${evidence}");
    d.heading("二、不予行政处罚的理由和依据");
    d.para("你（单位）的上述行为违反了${violatedProvision}的规定。鉴于${noPenaltyGround}，"
        + "根据《中华人民共和国行政处罚法》第三十三条的规定，本机关决定对你（单位）不予行政处罚。");
    d.para("裁量情况：");
    d.para("${discretionSummary}");
    d.para("同时责令你（单位）：${measure}。本机关已依法对你（单位）进行了教育，"
        + "请你（单位）严格遵守生态环境保护法律法规，杜绝类似违法行为再次发生。");
    d.heading("三、申请行政复议或者提起行政诉讼的途径和期限");
    d.para("你（单位）如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，"
        + "也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。");
    d.signature("${agencyName}（印章）", "${issueDate}");
    d.note("联系人：${officers}    联系电话：${agencyPhone}    地址：${agencyAddress}");
    return d;
  }

  static Doc serviceReceipt() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("送达回证");
    d.docNo("案号：${caseNo}");
    Table t = d.table(2600, 6244);
    t.row(900, cell("送达文书名称及文号"), cell("${documentServed}"));
    t.row(700, cell("受送达人"), cell("${recipient}"));
    t.row(700, cell("送达地点"), cell("${servicePlace}"));
    t.row(700, cell("送达方式"), cell("${serviceMethod}"));
    t.row(700, cell("送达时间"), cell("${serviceDate}"));
    t.row(1500, cell("受送达人签名或者盖章"), cell("", "", "年    月    日"));
    t.row(1100, cell("送达人签名"), cell("${officers}", "年    月    日"));
    t.row(1100, cell("见证人签名"), cell("", "年    月    日"));
    t.row(1500, cell("备注"), cell("受送达人拒绝签收的，送达人应当在备注栏中注明拒收事由和日期，由送达人、见证人签名，"
        + "或者以拍照、录像等方式记录送达过程，把文书留在受送达人的住所，即视为送达。"));
    return d;
  }

  static Doc reminder() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("催告书");
    d.docNo("${caseNo}");
    d.flush("${partyName}：");
    d.para("本机关于${decisionDate}对你（单位）作出${decisionNo}《行政处罚决定书》，决定对你（单位）罚款"
        + "${fineAmountText}。该决定书已于${decisionServedDate}送达你（单位）。你（单位）在法定期限内"
        + "未履行该决定确定的缴纳罚款义务。");
    d.para("依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，本机关每日按罚款数额的百分之三"
        + "加处罚款，加处罚款${surchargeAmountText}（加处罚款的数额不超出罚款的数额）${surchargePauseNote}。"
        + "${dailyPenaltyClause}你（单位）应当缴纳的罚款及加处罚款合计${totalDueText}。");
    d.para("根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你（单位）自收到本催告书之日起"
        + "十个工作日内履行上述义务，将款项缴至${paymentPlace}。");
    d.para("你（单位）收到本催告书后，有权进行陈述和申辩。陈述、申辩意见请于收到本催告书之日起十个工作日内以书面形式"
        + "向本机关提出；逾期未提出的，视为放弃陈述和申辩的权利。本机关将充分听取你（单位）的意见，"
        + "对提出的事实、理由和证据进行记录、复核。");
    d.para("逾期仍不履行的，本机关将在本催告书送达十个工作日后，依照《中华人民共和国行政强制法》第五十三条、"
        + "第五十四条的规定，申请${court}强制执行。");
    d.para("联系人：${officers}    联系电话：${agencyPhone}");
    d.para("联系地址：${agencyAddress}");
    d.signature("${agencyName}（印章）", "${issueDate}");
    return d;
  }

  static Doc enforcementApplication() throws Exception {
    Doc d = new Doc();
    d.title("强制执行申请书");
    d.docNo("${caseNo}");
    d.flush("申请人：${agencyName}");
    d.flush("住所地：${agencyAddress}");
    d.flush("联系人：${officers}    联系电话：${agencyPhone}");
    d.flush("被申请人：${partyName}（${partyTypeLabel}）");
    d.flush("统一社会信用代码（身份证号码）：${partyId}");
    d.flush("住所（地址）：${partyAddress}");
    d.flush("法定代表人（负责人）：${legalRepresentative}");
    d.heading("申请事项");
    d.para("请求依法强制执行申请人作出的${decisionNo}《行政处罚决定书》，强制被申请人缴纳罚款${fineAmountText}"
        + "及加处罚款${surchargeAmountText}${dailyPenaltyRequest}，合计${totalDueText}。");
    d.heading("事实和理由");
    d.para("${facts}");
    d.para("被申请人的上述行为违反了${violatedProvision}的规定。申请人依据${penaltyBasis}的规定，于${decisionDate}作出"
        + "${decisionNo}《行政处罚决定书》，该决定书已于${decisionServedDate}依法送达被申请人。${remedyHistory}");
    d.para("申请人于${reminderServedDate}向被申请人送达《催告书》，催告其履行义务。催告书送达已满十个工作日，"
        + "被申请人仍未履行。");
    d.para("被申请人的陈述、申辩意见及申请人的复核意见：${partyOpinion}");
    d.para("根据《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条和《中华人民共和国行政处罚法》"
        + "第七十二条的规定，特向贵院申请强制执行。");
    d.para("此致");
    d.flush("${court}");
    d.signatureWithHead("申请人：${agencyName}（印章）", "负责人（签名）：${agencyHead}", "${issueDate}");
    d.flush("附：");
    d.para("1. ${decisionNo}《行政处罚决定书》及送达回证；");
    d.para("2. 《行政处罚事先告知书》及送达回证；");
    d.para("3. 当事人的陈述、申辩材料或者听证笔录，以及申请人的复核意见；");
    d.para("4. 《催告书》及送达回证；");
    d.para("5. 作出行政处罚决定的事实和证据材料；");
    d.para("6. 申请人的主体资格证明、法定代表人身份证明和授权委托书；");
    d.para("7. 被申请人的财产状况及其他需要提交的材料。");
    return d;
  }

  private static void partyBlock(Doc d) {
    d.flush("当事人：${partyName}（${partyTypeLabel}）");
    d.flush("统一社会信用代码（身份证号码）：${partyId}");
    d.flush("住所（地址）：${partyAddress}");
    d.flush("法定代表人（负责人）：${legalRepresentative}");
  }

  // ------------------------------------------------------------------ a tiny document builder

  static String[] cell(String... lines) {
    return lines;
  }

  static String[] span(int columns, String... lines) {
    String[] out = new String[lines.length + 1];
    out[0] = "\u0000span" + columns;
    System.arraycopy(lines, 0, out, 1, lines.length);
    return out;
  }

  static final class Doc {
    final WordprocessingMLPackage pkg;
    final List<Object> body;

    Doc() throws Exception {
      pkg = WordprocessingMLPackage.createPackage(PageSizePaper.A4, false);
      body = pkg.getMainDocumentPart().getContent();
      SectPr section = pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
      SectPr.PgMar margins = section.getPgMar();
      margins.setTop(BigInteger.valueOf(2098));
      margins.setBottom(BigInteger.valueOf(1984));
      margins.setLeft(BigInteger.valueOf(1588));
      margins.setRight(BigInteger.valueOf(1474));
      // the page number's line starts 7 mm below the type area (GB/T 9704-2012 7.5)
      margins.setFooter(BigInteger.valueOf(1304));
      org.docx4j.wml.CTDocGrid grid = WML.createCTDocGrid();
      grid.setType(org.docx4j.wml.STDocGrid.LINES);
      grid.setLinePitch(BigInteger.valueOf(LINE));
      section.setDocGrid(grid);
      defaultSize(pkg, 32);
      footer(section);
    }

    void save(File file) throws Exception {
      pkg.save(file);
    }

    void title(String text) {
      body.add(offGrid(paragraph(text, JcEnumeration.CENTER, 0, 0, 0, 720, true, 44, TITLE_FONT)));
    }

    /** 发文字号 (GB/T 9704-2012 7.2.4): centred under the title. */
    void docNo(String text) {
      body.add(paragraph(text, JcEnumeration.CENTER, 120, 240, 0, LINE, false, 32, BODY_FONT));
    }

    /** A first-level heading in 黑体 (GB/T 9704-2012 7.3.3), two characters in, kept with its first paragraph. */
    void heading(String text) {
      body.add(keep(paragraph(text, JcEnumeration.LEFT, 0, 0, 2 * EM, LINE, false, 32, HEADING_FONT)));
    }

    void para(String text) {
      body.add(paragraph(text, JcEnumeration.BOTH, 0, 0, 2 * EM, LINE, false, 32, BODY_FONT));
    }

    void flush(String text) {
      body.add(paragraph(text, JcEnumeration.BOTH, 0, 0, 0, LINE, false, 32, BODY_FONT));
    }

    void note(String text) {
      body.add(offGrid(paragraph(text, JcEnumeration.LEFT, 240, 0, 0, 440, false, 24, BODY_FONT)));
    }

    /**
     * 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5.1): the date four characters in from the right, the name
     * above it roughly centred on the date; the seal is stamped over both. One blank line before.
     */
    void signature(String agency, String date) {
      P first = paragraph(agency, JcEnumeration.RIGHT, LINE, 0, 0, LINE, false, 32, BODY_FONT);
      rightIndent(first, 2 * EM);
      P second = paragraph(date, JcEnumeration.RIGHT, 0, 240, 0, LINE, false, 32, BODY_FONT);
      rightIndent(second, 4 * EM);
      keepWithPrevious();
      body.add(keep(first));
      body.add(second);
    }

    /** The last paragraph before a signature block stays on its page (no page holds only the signature). */
    private void keepWithPrevious() {
      for (int i = body.size() - 1; i >= 0; i--) {
        if (body.get(i) instanceof P p) {
          keep(p);
          return;
        }
        if (body.get(i) instanceof Tbl) {
          return;
        }
      }
    }

    /**
     * The signature block of an agency document that its head signs (e.g. ACEL 55: the enforcement application
     * bears the head's signature, the agency's seal and the date).
     */
    void signatureWithHead(String agency, String headLine, String date) {
      P first = paragraph(agency, JcEnumeration.RIGHT, LINE, 0, 0, LINE, false, 32, BODY_FONT);
      rightIndent(first, 2 * EM);
      P head = paragraph(headLine, JcEnumeration.RIGHT, 0, 0, 0, LINE, false, 32, BODY_FONT);
      rightIndent(head, 2 * EM);
      P second = paragraph(date, JcEnumeration.RIGHT, 0, 240, 0, LINE, false, 32, BODY_FONT);
      rightIndent(second, 4 * EM);
      keepWithPrevious();
      body.add(keep(first));
      body.add(keep(head));
      body.add(second);
    }

    /**
     * The end of a court ruling or decision (CPL 157: signed by the 审判人员 and the 书记员, sealed by the court):
     * the adjudicators, the date under the court seal (院印), the clerk.
     */
    void courtSignature(String adjudicators, String date) {
      P judges = paragraph(adjudicators, JcEnumeration.RIGHT, LINE, 0, 0, LINE, false, 32, BODY_FONT);
      rightIndent(judges, 2 * EM);
      P seal = paragraph("（院印）", JcEnumeration.RIGHT, 0, 0, 0, LINE, false, 32, BODY_FONT);
      rightIndent(seal, 5 * EM);
      P day = paragraph(date, JcEnumeration.RIGHT, 0, 0, 0, LINE, false, 32, BODY_FONT);
      rightIndent(day, 2 * EM);
      P clerk = paragraph("书记员　${courtClerk}", JcEnumeration.RIGHT, 0, 240, 0, LINE, false, 32, BODY_FONT);
      rightIndent(clerk, 2 * EM);
      keepWithPrevious();
      body.add(keep(judges));
      body.add(keep(seal));
      body.add(keep(day));
      body.add(clerk);
    }

    Table table(int... widths) {
      Tbl tbl = WML.createTbl();
      TblPr tblPr = WML.createTblPr();
      TblWidth width = WML.createTblWidth();
      width.setType("dxa");
      int total = 0;
      for (int w : widths) {
        total += w;
      }
      width.setW(BigInteger.valueOf(total));
      tblPr.setTblW(width);
      Jc jc = WML.createJc();
      jc.setVal(JcEnumeration.CENTER);
      tblPr.setJc(jc);
      TblBorders borders = WML.createTblBorders();
      borders.setTop(border());
      borders.setBottom(border());
      borders.setLeft(border());
      borders.setRight(border());
      borders.setInsideH(border());
      borders.setInsideV(border());
      tblPr.setTblBorders(borders);
      tbl.setTblPr(tblPr);
      TblGrid grid = WML.createTblGrid();
      for (int w : widths) {
        TblGridCol col = WML.createTblGridCol();
        col.setW(BigInteger.valueOf(w));
        grid.getGridCol().add(col);
      }
      tbl.setTblGrid(grid);
      body.add(tbl);
      return new Table(tbl, widths);
    }

    /** Page numbers (GB/T 9704-2012 7.5): “— 1 —”, 4号, odd pages right and even pages left, one character in. */
    private void footer(SectPr section) throws Exception {
      footerPart(section, HdrFtrRef.DEFAULT, JcEnumeration.RIGHT);
      footerPart(section, HdrFtrRef.EVEN, JcEnumeration.LEFT);
      org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart settings =
          pkg.getMainDocumentPart().getDocumentSettingsPart();
      if (settings == null) {
        settings = new org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart();
        settings.setJaxbElement(WML.createCTSettings());
        pkg.getMainDocumentPart().addTargetPart(settings);
      }
      settings.getJaxbElement().setEvenAndOddHeaders(new BooleanDefaultTrue());
    }

    private void footerPart(SectPr section, HdrFtrRef type, JcEnumeration side) throws Exception {
      FooterPart footer = new FooterPart(new org.docx4j.openpackaging.parts.PartName(
          "/word/footer" + (type == HdrFtrRef.EVEN ? "2" : "1") + ".xml"));
      Relationship rel = pkg.getMainDocumentPart().addTargetPart(footer);
      Ftr ftr = WML.createFtr();
      P p = offGrid(paragraph("— ", side, 0, 0, 0, 0, false, 28, TITLE_FONT));
      PPrBase.Ind ind = WML.createPPrBaseInd();
      if (side == JcEnumeration.RIGHT) {
        ind.setRight(BigInteger.valueOf(280));
      } else {
        ind.setLeft(BigInteger.valueOf(280));
      }
      p.getPPr().setInd(ind);
      CTSimpleField field = WML.createCTSimpleField();
      field.setInstr(" PAGE ");
      field.getContent().add(run("1", false, 28, TITLE_FONT));
      p.getContent().add(WML.createPFldSimple(field));
      p.getContent().add(run(" —", false, 28, TITLE_FONT));
      ftr.getContent().add(p);
      footer.setJaxbElement(ftr);
      FooterReference ref = WML.createFooterReference();
      ref.setId(rel.getId());
      ref.setType(type);
      section.getEGHdrFtrReferences().add(ref);
    }
  }

  static final class Table {
    final Tbl tbl;
    final int[] widths;

    Table(Tbl tbl, int[] widths) {
      this.tbl = tbl;
      this.widths = widths;
    }

    /** Label cells (odd positions from 0: label, value, label, value) are centred; values are justified. */
    void row(int minHeight, String[]... cells) {
      Tr tr = WML.createTr();
      if (minHeight > 0) {
        TrPr trPr = WML.createTrPr();
        CTHeight height = WML.createCTHeight();
        height.setVal(BigInteger.valueOf(minHeight));
        trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseTrHeight(height));
        tr.setTrPr(trPr);
      }
      int column = 0;
      for (int i = 0; i < cells.length; i++) {
        String[] lines = cells[i];
        int span = 1;
        if (lines.length > 0 && lines[0].startsWith("\u0000span")) {
          span = Integer.parseInt(lines[0].substring(5));
          String[] rest = new String[lines.length - 1];
          System.arraycopy(lines, 1, rest, 0, rest.length);
          lines = rest;
        }
        boolean label = i % 2 == 0;
        Tc tc = WML.createTc();
        TcPr tcPr = WML.createTcPr();
        int w = 0;
        for (int c = column; c < column + span; c++) {
          w += widths[c];
        }
        TblWidth width = WML.createTblWidth();
        width.setType("dxa");
        width.setW(BigInteger.valueOf(w));
        tcPr.setTcW(width);
        if (span > 1) {
          TcPr.GridSpan gridSpan = WML.createTcPrInnerGridSpan();
          gridSpan.setVal(BigInteger.valueOf(span));
          tcPr.setGridSpan(gridSpan);
        }
        CTVerticalJc vAlign = WML.createCTVerticalJc();
        vAlign.setVal(label ? STVerticalJc.CENTER : STVerticalJc.TOP);
        tcPr.setVAlign(vAlign);
        tc.setTcPr(tcPr);
        if (lines.length == 0) {
          lines = new String[] {""};
        }
        for (int l = 0; l < lines.length; l++) {
          boolean dateLine = !label && l == lines.length - 1 && lines.length > 1
              && (lines[l].contains("年") || lines[l].startsWith("${issueDate"));
          JcEnumeration jc = label ? JcEnumeration.CENTER : dateLine ? JcEnumeration.RIGHT : JcEnumeration.BOTH;
          tc.getContent().add(offGrid(paragraph(lines[l], jc, 0, 0, 0, 440, false, 28, BODY_FONT)));
        }
        tr.getContent().add(tc);
        column += span;
      }
      tbl.getContent().add(tr);
    }
  }

  /** The document's default font size (docDefaults), the base of the character grid. */
  private static void defaultSize(WordprocessingMLPackage pkg, int halfPoints) throws Exception {
    org.docx4j.openpackaging.parts.WordprocessingML.StyleDefinitionsPart styles =
        pkg.getMainDocumentPart().getStyleDefinitionsPart();
    org.docx4j.wml.Styles jaxb = styles.getJaxbElement();
    if (jaxb.getDocDefaults() == null) {
      jaxb.setDocDefaults(WML.createDocDefaults());
    }
    org.docx4j.wml.DocDefaults defaults = jaxb.getDocDefaults();
    if (defaults.getRPrDefault() == null) {
      defaults.setRPrDefault(WML.createDocDefaultsRPrDefault());
    }
    if (defaults.getRPrDefault().getRPr() == null) {
      defaults.getRPrDefault().setRPr(WML.createRPr());
    }
    HpsMeasure size = WML.createHpsMeasure();
    size.setVal(BigInteger.valueOf(halfPoints));
    defaults.getRPrDefault().getRPr().setSz(size);
    for (org.docx4j.wml.Style style : jaxb.getStyle()) {
      if ("Normal".equals(style.getStyleId())) {
        if (style.getRPr() == null) {
          style.setRPr(WML.createRPr());
        }
        HpsMeasure normal = WML.createHpsMeasure();
        normal.setVal(BigInteger.valueOf(halfPoints));
        style.getRPr().setSz(normal);
        HpsMeasure normalCs = WML.createHpsMeasure();
        normalCs.setVal(BigInteger.valueOf(halfPoints));
        style.getRPr().setSzCs(normalCs);
      }
    }
  }

  private static CTBorder border() {
    CTBorder border = WML.createCTBorder();
    border.setVal(STBorder.SINGLE);
    border.setSz(BigInteger.valueOf(6));
    border.setColor("000000");
    return border;
  }

  /** Text that is not 3号 body text (titles, tables, notes, page numbers) keeps its own size off the grid. */
  static P offGrid(P p) {
    BooleanDefaultTrue off = new BooleanDefaultTrue();
    off.setVal(false);
    p.getPPr().setSnapToGrid(off);
    return p;
  }

  static P keep(P p) {
    p.getPPr().setKeepNext(new BooleanDefaultTrue());
    return p;
  }

  private static void rightIndent(P p, int twips) {
    PPrBase.Ind ind = p.getPPr().getInd() == null ? WML.createPPrBaseInd() : p.getPPr().getInd();
    ind.setRight(BigInteger.valueOf(twips));
    p.getPPr().setInd(ind);
  }

  static P paragraph(String text, JcEnumeration align, int before, int after, int firstLine, int line,
      boolean bold, int halfPoints, String font) {
    P p = WML.createP();
    PPr pPr = WML.createPPr();
    Jc jc = WML.createJc();
    jc.setVal(align);
    pPr.setJc(jc);
    PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
    spacing.setBefore(BigInteger.valueOf(before));
    spacing.setAfter(BigInteger.valueOf(after));
    if (line > 0) {
      spacing.setLine(BigInteger.valueOf(line));
      spacing.setLineRule(STLineSpacingRule.EXACT);
    }
    pPr.setSpacing(spacing);
    if (firstLine > 0) {
      PPrBase.Ind ind = WML.createPPrBaseInd();
      ind.setFirstLine(BigInteger.valueOf(firstLine));
      pPr.setInd(ind);
    }
    org.docx4j.wml.ParaRPr mark = WML.createParaRPr();
    HpsMeasure size = WML.createHpsMeasure();
    size.setVal(BigInteger.valueOf(halfPoints));
    mark.setSz(size);
    pPr.setRPr(mark);
    p.setPPr(pPr);
    if (!text.isEmpty()) {
      p.getContent().add(run(text, bold, halfPoints, font));
    }
    return p;
  }

  static R run(String text, boolean bold, int halfPoints, String font) {
    R r = WML.createR();
    RPr rPr = WML.createRPr();
    RFonts fonts = WML.createRFonts();
    fonts.setAscii("Times New Roman");
    fonts.setHAnsi("Times New Roman");
    fonts.setEastAsia(font);
    rPr.setRFonts(fonts);
    if (bold) {
      rPr.setB(new BooleanDefaultTrue());
    }
    HpsMeasure size = WML.createHpsMeasure();
    size.setVal(BigInteger.valueOf(halfPoints));
    rPr.setSz(size);
    HpsMeasure sizeCs = WML.createHpsMeasure();
    sizeCs.setVal(BigInteger.valueOf(halfPoints));
    rPr.setSzCs(sizeCs);
    if (halfPoints == 32) {
      org.docx4j.wml.CTSignedTwipsMeasure tracking = WML.createCTSignedTwipsMeasure();
      tracking.setVal(BigInteger.valueOf(TRACKING));
      rPr.setSpacing(tracking);
    }
    r.setRPr(rPr);
    Text t = WML.createText();
    t.setValue(text);
    t.setSpace("preserve");
    r.getContent().add(WML.createRT(t));
    return r;
  }
}
