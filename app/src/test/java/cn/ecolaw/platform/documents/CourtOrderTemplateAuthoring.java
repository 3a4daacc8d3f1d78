package cn.ecolaw.platform.documents;

import static cn.ecolaw.platform.documents.TemplateAuthoring.cell;
import static cn.ecolaw.platform.documents.TemplateAuthoring.span;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import cn.ecolaw.platform.documents.TemplateAuthoring.Table;
import java.io.File;

/**
 * Writes the templates of the injunction (禁止令) and restoration (修复令) documents with TemplateAuthoring's builder.
 * The committed .docx files are the source of truth; run only to regenerate them:
 * {@code java ... CourtOrderTemplateAuthoring ../templates}.
 */
public final class CourtOrderTemplateAuthoring {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    injunctionApplication().save(new File(dir, DocumentType.INJUNCTION_APPLICATION.template()));
    injunctionRuling().save(new File(dir, DocumentType.INJUNCTION_RULING.template()));
    challengeDecision().save(new File(dir, DocumentType.INJUNCTION_CHALLENGE_DECISION.template()));
    restorationOrder().save(new File(dir, DocumentType.RESTORATION_ORDER.template()));
    planApproval().save(new File(dir, DocumentType.RESTORATION_PLAN_APPROVAL.template()));
    acceptance().save(new File(dir, DocumentType.RESTORATION_ACCEPTANCE.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  static Doc injunctionApplication() throws Exception {
    Doc d = new Doc();
    d.title("禁止令申请书");
    d.docNo("${courtDocketNo}");
    d.flush("申请人：${applicant}（${applicantTypeLabel}）");
    d.flush("被申请人：${respondent}（${respondentTypeLabel}）");
    d.flush("统一社会信用代码（身份证号码）：${respondentId}");
    d.flush("关联案号：${caseNo}");
    d.heading("申请事项");
    d.para("请求人民法院裁定禁止被申请人实施以下行为：${requestedMeasures}");
    d.heading("事实和理由");
    d.para("${facts}");
    d.heading("正在实施或者即将实施的损害行为及证据");
    d.para("${harmEvidence}");
    d.heading("担保情况");
    d.para("${securityText}");
    d.para("本申请为${stageLabel}。依照《中华人民共和国民事诉讼法》第一百零三条、第一百零四条及《最高人民法院关于"
        + "生态环境侵权案件适用禁止令保全措施的若干规定》的规定，特向贵院申请作出禁止令。");
    d.para("此致");
    d.flush("${court}");
    d.signature("申请人：${applicant}", "${issueDate}");
    d.note("收到申请时间：${receivedAt}　裁定期限：${rulingDueAt}（${rulingClock}）");
    return d;
  }

  static Doc injunctionRuling() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("民事裁定书");
    d.docNo("${courtDocketNo}");
    d.flush("申请人：${applicant}（${applicantTypeLabel}）");
    d.flush("被申请人：${respondent}（${respondentTypeLabel}）");
    d.flush("关联案号：${caseNo}");
    d.para("申请人${applicant}于${receivedAt}向本院申请作出禁止令，请求禁止被申请人${respondent}实施以下行为："
        + "${requestedMeasures}。${securityText}");
    d.para("本院经审查认为：${rulingReason}");
    d.para("依照《中华人民共和国民事诉讼法》第一百零三条、第一百零四条、第一百一十一条的规定，裁定如下：");
    d.para("${rulingText}");
    d.para("${challengeText}");
    d.courtSignature("审判员　${judge}", "${rulingDateCn}");
    return d;
  }

  static Doc challengeDecision() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("复议决定书");
    d.docNo("${courtDocketNo}");
    d.flush("复议申请人（被申请人）：${respondent}");
    d.flush("申请人：${applicant}");
    d.flush("关联案号：${caseNo}");
    d.para("复议申请人${respondent}不服本院${courtDocketNo}民事裁定（禁止令），于${challengeDate}向本院申请复议。"
        + "复议期间，禁止令不停止执行。");
    d.para("复议申请人的理由：${challengeReasons}");
    d.para("本院经审查认为：${challengeDecisionReason}");
    d.para("依照《中华人民共和国民事诉讼法》第一百一十一条的规定，决定如下：");
    d.para("${decisionText}");
    d.para("本决定一经作出即发生法律效力。");
    d.courtSignature("审判员　${judge}", "${issueDateCn}");
    return d;
  }

  static Doc restorationOrder() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("修复令");
    d.docNo("${courtDocketNo}");
    d.flush("修复义务人：${respondent}");
    d.flush("关联案号：${caseNo}");
    d.para("经审理查明，修复义务人的行为造成${site}生态环境损害：${damageDescription}");
    d.para("依照《中华人民共和国民法典》第一千二百三十四条、第一千二百三十五条的规定，本院责令修复义务人：");
    d.para("一、按照以下要求修复受损的生态环境：${restorationRequirements}；");
    d.para("二、于${restorationDeadline}前完成修复，并接受${agencyName}的监督检查（${cycleText}检查一次）；"
        + "修复方案由本院委托${agencyName}协助制定，经本院批准后实施；");
    d.para("三、修复义务人在期限内未修复或者修复验收不合格的，本院将委托第三方代为修复，"
        + "修复义务人应承担生态环境修复费用${fallbackCostText}。");
    d.courtSignature("审判员　${judge}", "${issueDateCn}");
    return d;
  }

  static Doc planApproval() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("生态修复方案审批表");
    d.docNo("${courtDocketNo}");
    Table t = d.table(2200, 6644);
    t.row(0, cell("关联案号"), cell("${caseNo}"));
    t.row(0, cell("修复义务人"), cell("${respondent}"));
    t.row(0, cell("受损生态环境位置"), cell("${site}"));
    t.row(0, cell("修复期限"), cell("${restorationDue}"));
    t.row(1600, cell("方案概要"), cell("${planSummary}"));
    t.row(1600, cell("修复措施及进度安排"), cell("${planMeasures}"));
    t.row(0, cell("预计修复费用"), cell("${planCostText}"));
    t.row(0, cell("方案编制（协助单位）"), cell("${planDrafter}（受托：${agencyName}）"));
    t.row(1400, cell("审批意见"), cell("${planResult}：${planOpinion}", "", "承办法官（签名）：", "${issueDate}"));
    d.note("注：本表附入案卷；修复方案经批准后由修复义务人实施，${agencyName}定期监督检查。");
    return d;
  }

  static Doc acceptance() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("生态修复验收意见书");
    d.docNo("${courtDocketNo}");
    d.flush("关联案号：${caseNo}");
    d.flush("${court}：");
    d.para("受贵院委托，本机关会同专家${experts}于${acceptanceDate}对修复义务人${respondent}在${site}实施的生态修复"
        + "进行了验收。");
    d.para("修复完成情况：${completionNote}");
    d.para("验收意见：${acceptanceOpinion}");
    d.para("验收结论：${acceptanceResult}。${consequenceText}");
    d.signature("${agencyName}（印章）", "${issueDate}");
    return d;
  }
}
