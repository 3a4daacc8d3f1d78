package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import java.io.File;

/**
 * Writes the court's templates of 非诉执行 under {@code templates/} (受理通知书, 不予受理裁定书, 准予/不准予强制执行裁定书,
 * 复议决定书). The committed .docx files are the source of truth; run this only to regenerate them:
 * {@code java ... CourtTemplateAuthoring ../templates}.
 */
public final class CourtTemplateAuthoring {

  private CourtTemplateAuthoring() {}

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    acceptanceNotice().save(new File(dir, DocumentType.ACCEPTANCE_NOTICE.template()));
    nonAcceptanceRuling().save(new File(dir, DocumentType.NON_ACCEPTANCE_RULING.template()));
    grantedRuling().save(new File(dir, DocumentType.ENFORCEMENT_GRANTED_RULING.template()));
    refusedRuling().save(new File(dir, DocumentType.ENFORCEMENT_REFUSED_RULING.template()));
    challengeDecision().save(new File(dir, DocumentType.CHALLENGE_DECISION.template()));
    System.out.println("法院文书模板已写入 " + dir.getCanonicalPath());
  }

  static Doc acceptanceNotice() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("受理案件通知书");
    d.docNo("${courtDocketNo}");
    d.flush("${applicant}：");
    d.para("你单位于${receivedDate}提出的申请强制执行${respondent}（统一社会信用代码或者身份证号码：${respondentId}）"
        + "行政处罚决定一案（行政处罚案号：${caseNo}），申请执行金额${amountDueText}。经审查，符合法定受理条件，"
        + "本院决定立案受理。");
    d.para("根据《中华人民共和国行政强制法》第五十七条、第五十八条的规定，本院将对该行政决定进行审查，"
        + "并在受理之日起七日内作出是否准予执行的裁定；本院发现行政决定可能明显违法的，可以听取被执行人和你单位的"
        + "意见，并自受理之日起三十日内作出裁定。");
    d.para("特此通知。");
    d.signature("${court}（院印）", "${acceptedDate}");
    return d;
  }

  static Doc nonAcceptanceRuling() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("行政裁定书");
    d.docNo("${courtDocketNo}");
    applicantBlock(d);
    d.para("申请执行人${applicant}于${receivedDate}向本院申请强制执行其作出的行政处罚决定（行政处罚案号：${caseNo}），"
        + "申请执行金额${amountDueText}。");
    d.para("本院经审查认为：${acceptanceNote}");
    d.para("依照《中华人民共和国行政强制法》第五十六条的规定，裁定如下：");
    d.para("对${applicant}的强制执行申请，不予受理。");
    d.para("申请执行人对本裁定有异议的，可以在${appealDue}前（十五日内）向上一级人民法院申请复议，"
        + "上一级人民法院应当自收到复议申请之日起十五日内作出是否受理的裁定。");
    d.courtSignature("审判员　${judge}", "${nonAcceptanceDateCn}");
    return d;
  }

  static Doc grantedRuling() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("行政裁定书");
    d.docNo("${courtDocketNo}");
    applicantBlock(d);
    d.para("申请执行人${applicant}于${receivedDate}向本院申请强制执行其作出的行政处罚决定（行政处罚案号：${caseNo}），"
        + "本院于${acceptedDate}受理后依法进行了审查。");
    d.para("本院经审查认为：${rulingReason}");
    d.para("依照《中华人民共和国行政强制法》第五十七条、第五十八条的规定，裁定如下：");
    d.para("准予强制执行${applicant}作出的行政处罚决定（行政处罚案号：${caseNo}），执行标的${amountDueText}。"
        + "本裁定${executedByLabel}。");
    d.para("本裁定送达后即发生法律效力。");
    d.courtSignature("审判员　${judge}", "${rulingDateCn}");
    return d;
  }

  static Doc refusedRuling() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("行政裁定书");
    d.docNo("${courtDocketNo}");
    applicantBlock(d);
    d.para("申请执行人${applicant}于${receivedDate}向本院申请强制执行其作出的行政处罚决定（行政处罚案号：${caseNo}），"
        + "本院于${acceptedDate}受理后依法进行了审查。");
    d.para("本院经审查认为，该行政决定${refusalGroundLabel}。${rulingReason}");
    d.para("依照《中华人民共和国行政强制法》第五十八条的规定，裁定如下：");
    d.para("对${applicant}作出的行政处罚决定（行政处罚案号：${caseNo}），不准予强制执行。");
    d.para("申请执行人对本裁定有异议的，可以自收到本裁定之日起十五日内向上一级人民法院申请复议，"
        + "上一级人民法院应当自收到复议申请之日起三十日内作出是否执行的裁定。");
    d.courtSignature("审判员　${judge}", "${rulingDateCn}");
    return d;
  }

  static Doc challengeDecision() throws Exception {
    Doc d = new Doc();
    d.title("${higherCourt}");
    d.title("行政裁定书（复议）");
    d.docNo("${courtDocketNo}");
    d.flush("复议申请人（申请执行人）：${applicant}");
    d.flush("被执行人：${respondent}");
    d.flush("统一社会信用代码（身份证号码）：${respondentId}");
    d.para("复议申请人${applicant}不服${court}于${rulingDate}作出的不准予强制执行裁定（${courtDocketNo}，行政处罚案号：${caseNo}），"
        + "于${challengeFiledDate}向本院申请复议。");
    d.para("复议申请人的理由：${challengeReason}");
    d.para("本院经审查认为：${challengeDecisionReason}");
    d.para("依照《中华人民共和国行政强制法》第五十八条的规定，决定如下：${challengeOutcome}");
    d.para("本复议决定为终局决定，送达后即发生法律效力。");
    d.courtSignature("审判员　${judge}", "${challengeDecisionDateCn}");
    return d;
  }

  private static void applicantBlock(Doc d) {
    d.flush("申请执行人：${applicant}");
    d.flush("被执行人：${respondent}");
    d.flush("统一社会信用代码（身份证号码）：${respondentId}");
  }
}
