package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import java.io.File;

/**
 * Writes the templates of the correction order and of the daily continuous penalty (EPL 59; MEP Order 28) under
 * {@code templates/} (the committed .docx files are the source of truth; run this only to regenerate them):
 * {@code java ... DailyPenaltyTemplateAuthoring ../templates}.
 */
public final class DailyPenaltyTemplateAuthoring {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    correctionOrder().save(new File(dir, DocumentType.CORRECTION_ORDER.template()));
    dailyPenaltyNotice().save(new File(dir, DocumentType.DAILY_PENALTY_NOTICE.template()));
    dailyPenaltyDecision().save(new File(dir, DocumentType.DAILY_PENALTY_DECISION.template()));
    // the reminder and the court application name an unpaid daily penalty (${dailyPenaltyClause}, ${dailyPenaltyRequest})
    TemplateAuthoring.reminder().save(new File(dir, DocumentType.REMINDER.template()));
    TemplateAuthoring.enforcementApplication().save(new File(dir, DocumentType.ENFORCEMENT_APPLICATION.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  private static void partyBlock(Doc d) {
    d.flush("当事人：${partyName}（${partyTypeLabel}）");
    d.flush("统一社会信用代码（身份证号码）：${partyId}");
    d.flush("住所（地址）：${partyAddress}");
    d.flush("法定代表人（负责人）：${legalRepresentative}");
  }

  /** MEP Order 28 Arts 8, 9: the order to correct, served with the decision; re-inspection within 30 days. */
  static Doc correctionOrder() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("责令改正违法行为决定书");
    d.docNo("${correctionOrderNo}");
    partyBlock(d);
    d.para("本机关依法对你（单位）${violationTypeLabel}一案（${caseNo}）进行了调查。经查，${facts}");
    d.para("你（单位）的上述行为违反了${violatedProvision}的规定。依据《中华人民共和国行政处罚法》第二十八条第一款、"
        + "《中华人民共和国环境保护法》第五十九条和《环境保护主管部门实施按日连续处罚办法》第八条的规定，"
        + "本机关责令你（单位）${measure}。");
    d.para("本机关将自本决定书送达之日起三十日内对你（单位）改正违法行为的情况进行复查。"
        + "${dailyPenaltyWarning}");
    d.para("你（单位）如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，"
        + "也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，"
        + "本决定不停止执行。");
    d.signature("${agencyName}（印章）", "${issueDate}");
    d.note("联系人：${officers}    联系电话：${agencyPhone}    地址：${agencyAddress}");
    return d;
  }

  /** APL 44, 45, 63, 64: the prior notice of the daily continuous penalty, with statement and hearing rights. */
  static Doc dailyPenaltyNotice() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("按日连续处罚事先告知书");
    d.docNo("${dailyPenaltyDecisionNo}");
    d.flush("${partyName}：");
    d.para("本机关于${decisionDate}作出${decisionNo}《行政处罚决定书》，对你（单位）罚款${fineAmountText}，"
        + "并以${correctionOrderNo}《责令改正违法行为决定书》责令你（单位）改正违法行为，该决定书已于"
        + "${correctionOrderServedDate}送达你（单位）。本机关于${reinspectionDate}复查发现，你（单位）${violationTypeLabel}"
        + "的违法行为仍在继续，拒不改正。");
    d.para("依据《中华人民共和国环境保护法》第五十九条和《环境保护主管部门实施按日连续处罚办法》第五条、第十七条、"
        + "第十九条的规定，本机关拟对你（单位）按日连续处罚：计罚日数自${dailyPenaltyFrom}起至${reinspectionDate}止，"
        + "共${dailyPenaltyDays}日，按原处罚数额${fineAmountText}按日连续计罚，合计${dailyPenaltyAmountText}。");
    d.para("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利；"
        + "根据该法第六十三条、第六十四条的规定，你（单位）有权要求听证。如有陈述、申辩意见或者要求听证，"
        + "请于收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃上述权利。"
        + "本机关不因你（单位）陈述、申辩而给予更重的处罚。");
    d.para("联系人：${officers}");
    d.para("联系电话：${agencyPhone}");
    d.para("联系地址：${agencyAddress}");
    d.signature("${agencyName}（印章）", "${issueDate}");
    return d;
  }

  /** EPL 59; MEP Order 28 Arts 17–19; APL 59, 67: the daily continuous penalty decision. */
  static Doc dailyPenaltyDecision() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("按日连续处罚决定书");
    d.docNo("${dailyPenaltyDecisionNo}");
    partyBlock(d);
    d.heading("一、违法事实和证据");
    d.para("本机关于${decisionDate}作出${decisionNo}《行政处罚决定书》，因你（单位）${violationTypeLabel}，"
        + "对你（单位）罚款${fineAmountText}；同时以${correctionOrderNo}《责令改正违法行为决定书》责令你（单位）"
        + "改正违法行为，该决定书已于${correctionOrderServedDate}送达你（单位）。");
    d.para("本机关于${reinspectionDate}对你（单位）进行复查，发现你（单位）拒不改正，违法行为仍在继续。"
        + "复查情况：${reinspectionNote}");
    d.heading("二、陈述、申辩和听证情况");
    d.para("本机关已向你（单位）送达《按日连续处罚事先告知书》，告知你（单位）依法享有的陈述、申辩和要求听证的权利。"
        + "${dailyPartyOpinion}");
    d.heading("三、处罚依据和内容");
    d.para("依据《中华人民共和国环境保护法》第五十九条和《环境保护主管部门实施按日连续处罚办法》第五条、第十七条、"
        + "第十九条的规定，本机关决定对你（单位）按日连续处罚：计罚日数自责令改正违法行为决定书送达之日的次日"
        + "（${dailyPenaltyFrom}）起，至复查发现违法排污行为之日（${reinspectionDate}）止，共${dailyPenaltyDays}日；"
        + "按日连续处罚的每日罚款数额为原处罚决定书确定的罚款数额${fineAmountText}；"
        + "合计罚款${dailyPenaltyAmountText}（大写：${dailyPenaltyAmountUpper}）。");
    d.para("你（单位）应当自收到本决定书之日起十五日内，到${paymentPlace}缴纳罚款。到期不缴纳罚款的，本机关将依据"
        + "《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，"
        + "加处罚款的数额不超出罚款的数额。");
    d.heading("四、申请行政复议或者提起行政诉讼的途径和期限");
    d.para("你（单位）如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，"
        + "也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，"
        + "本决定不停止执行，法律另有规定的除外。");
    d.para("逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。");
    d.signature("${agencyName}（印章）", "${issueDate}");
    d.note("联系人：${officers}    联系电话：${agencyPhone}    地址：${agencyAddress}");
    return d;
  }
}
