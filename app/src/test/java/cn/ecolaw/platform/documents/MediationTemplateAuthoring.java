package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import cn.ecolaw.platform.documents.TemplateAuthoring.Table;
import java.io.File;

/**
 * Writes the templates of mediation, appraisal and judicial confirmation under {@code templates/} (the committed
 * .docx files are the source of truth; run this only to regenerate them): {@code java ... MediationTemplateAuthoring ../templates}.
 */
public final class MediationTemplateAuthoring {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    mediationNotice().save(new File(dir, DocumentType.MEDIATION_NOTICE.template()));
    mediationAgreement().save(new File(dir, DocumentType.MEDIATION_AGREEMENT.template()));
    appraisalCommission().save(new File(dir, DocumentType.APPRAISAL_COMMISSION.template()));
    crossExamination().save(new File(dir, DocumentType.APPRAISAL_CROSS_EXAMINATION.template()));
    confirmationApplication().save(new File(dir, DocumentType.CONFIRMATION_APPLICATION.template()));
    confirmationNotice().save(new File(dir, DocumentType.CONFIRMATION_NOTICE.template()));
    confirmationRuling().save(new File(dir, DocumentType.CONFIRMATION_RULING.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  static Doc mediationNotice() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("诉前调解告知书");
    d.docNo("${caseNo}");
    d.flush("${applicant}、${respondent}：");
    d.para("你们之间的${caseCategoryLabel}，经当事人同意，本院依照《中华人民共和国民事诉讼法》第一百二十五条及"
        + "《最高人民法院关于人民法院特邀调解的规定》的规定，委派${channelLabel}进行诉前调解。现将有关事项告知如下：");
    d.para("一、调解期限为三十日，自${mediationStart}起至${mediationDue}止。经双方当事人同意，可以适当延长。");
    d.para("二、调解遵循自愿、合法原则。当事人享有自主决定是否接受调解、是否达成调解协议的权利；"
        + "对调解员有申请回避的权利。");
    d.para("三、当事人应当如实陈述纠纷事实，遵守调解秩序，不得恶意调解、拖延诉讼。");
    d.para("四、达成调解协议的，双方当事人可以自调解协议生效之日起三十日内，共同向人民法院申请司法确认。");
    d.para("五、调解不成或者调解期限届满未达成协议的，本院依法登记立案，调解期间不影响当事人的诉讼权利。");
    d.para("纠纷事实及请求：${facts}");
    d.signature("${court}（印章）", "${issueDate}");
    return d;
  }

  static Doc mediationAgreement() throws Exception {
    Doc d = new Doc();
    d.title("调解协议书");
    d.docNo("${caseNo}");
    d.flush("申请人：${applicant}");
    d.flush("被申请人：${respondent}");
    d.flush("调解组织：${channelLabel}");
    d.para("双方当事人因${caseCategoryLabel}，经${court}委派诉前调解，在调解员主持下，本着自愿、合法的原则，"
        + "达成如下协议：");
    d.para("${agreementTerms}");
    d.para("本协议自双方当事人签名、盖章或者按指印之日起生效。双方当事人可以自本协议生效之日起三十日内，"
        + "共同向人民法院申请司法确认。");
    d.para("申请人（签名或盖章）：                被申请人（签名或盖章）：");
    d.para("调解员（签名）：");
    d.signature("${channelLabel}（印章）", "${agreementDate}");
    return d;
  }

  static Doc appraisalCommission() throws Exception {
    Doc d = new Doc();
    d.title("${commissioner}");
    d.title("鉴定委托书");
    d.docNo("${appraisalNo}");
    d.flush("${institutionName}：");
    d.para("本${commissionerKind}在办理${caseNo}一案中，需要对下列事项进行鉴定。${selectionText}"
        + "${commissionBasisText}");
    Table t = d.table(2200, 6644);
    t.row(0, TemplateAuthoring.cell("鉴定类别"), TemplateAuthoring.cell("${categoryLabel}"));
    t.row(1400, TemplateAuthoring.cell("鉴定事项"), TemplateAuthoring.cell("${matter}"));
    t.row(0, TemplateAuthoring.cell("当事人"), TemplateAuthoring.cell("${parties}"));
    t.row(0, TemplateAuthoring.cell("资质证书"), TemplateAuthoring.cell("${certificateNo}（有效期至${certificateExpiry}）"));
    t.row(0, TemplateAuthoring.cell("鉴定期限"), TemplateAuthoring.cell("${deadlineText}"));
    d.para("鉴定期限自委托书送达之日起计算，以工作日计；因补充鉴定材料暂停的期间不计入鉴定期限。"
        + "${testimonyText}");
    d.signature("${commissioner}（印章）", "${issueDate}");
    return d;
  }

  static Doc crossExamination() throws Exception {
    Doc d = new Doc();
    d.title("鉴定意见质证笔录");
    d.docNo("${caseNo}");
    d.flush("鉴定委托编号：${appraisalNo}");
    d.flush("鉴定机构：${institutionName}");
    d.flush("当事人：${parties}");
    d.heading("一、鉴定意见");
    d.para("${appraisalOpinion}");
    d.heading("二、当事人异议");
    d.para("${objectionText}");
    d.heading("三、鉴定人出庭情况");
    d.para("${attendanceText}");
    d.heading("四、质证意见及处理");
    d.para("${crossExaminationNote}");
    d.para("${furtherAppraisalText}");
    d.para("以上笔录经核对无误。");
    d.para("当事人（签名）：            鉴定人（签名）：            记录人（签名）：");
    d.signature("${commissioner}", "${issueDate}");
    return d;
  }

  static Doc confirmationApplication() throws Exception {
    Doc d = new Doc();
    d.title("司法确认申请书");
    d.docNo("${docketNo}");
    d.flush("申请人：${applicants}");
    d.heading("请求事项");
    d.para("请求人民法院确认申请人于${agreementDate}达成的${agreementTypeLabel}有效。");
    d.heading("事实与理由");
    d.para("申请人之间就${caseNo}所涉事项，经${agreementSource}达成如下协议：");
    d.para("${agreementTerms}");
    d.para("上述协议系申请人真实意思表示，不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人"
        + "合法权益。申请人依照${legalBasis}的规定，共同申请司法确认。");
    d.flush("此致");
    d.flush("${court}");
    d.signature("申请人（签名或盖章）：", "${issueDate}");
    return d;
  }

  static Doc confirmationNotice() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("公    告");
    d.docNo("${docketNo}");
    d.para("申请人${applicants}于${filedDate}向本院申请确认其于${agreementDate}就${caseNo}所涉生态环境损害达成的赔偿协议有效。"
        + "依照《最高人民法院关于审理生态环境损害赔偿案件的若干规定（试行）》第二十条的规定，现将协议内容予以公告：");
    d.para("${agreementTerms}");
    d.para("公告期间为三十日，自${noticeStart}起至${noticeEnd}止。公告期间，对协议内容有异议的，"
        + "可以书面向本院提出意见。公告期满后，本院将对协议内容进行审查并依法作出裁定。");
    d.signature("${court}（院印）", "${issueDate}");
    return d;
  }

  static Doc confirmationRuling() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("民 事 裁 定 书");
    d.docNo("${docketNo}");
    d.flush("申请人：${applicants}");
    d.flush("原案号：${caseNo}");
    d.para("申请人于${filedDate}向本院申请确认其于${agreementDate}达成的${agreementTypeLabel}有效。"
        + "本院受理后，依法进行了审查。${noticeText}");
    // 生态环境损害赔偿规定（试行）第二十条: the ruling states the basic facts of the case and the agreement
    d.para("本院经审查查明：${basicFacts}");
    d.para("协议内容：${agreementTerms}");
    d.para("本院经审查认为：${rulingReason}");
    d.para("依照${legalBasis}的规定，裁定如下：");
    d.para("${rulingText}");
    d.para("${effectText}");
    d.courtSignature("审判员　${judge}", "${issueDateCn}");
    return d;
  }
}
