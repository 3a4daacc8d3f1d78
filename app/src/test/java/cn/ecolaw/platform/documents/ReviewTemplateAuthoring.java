package cn.ecolaw.platform.documents;

import static cn.ecolaw.platform.documents.TemplateAuthoring.cell;
import static cn.ecolaw.platform.documents.TemplateAuthoring.span;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import cn.ecolaw.platform.documents.TemplateAuthoring.Table;
import java.io.File;

/**
 * Writes the case-review templates (案卷评查表, 整改通知书) under {@code templates/} with the builder of
 * {@link TemplateAuthoring}; the committed .docx files are the source of truth.
 */
public final class ReviewTemplateAuthoring {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    reviewSheet().save(new File(dir, DocumentType.REVIEW_SHEET.template()));
    rectificationNotice().save(new File(dir, DocumentType.RECTIFICATION_NOTICE.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  static Doc reviewSheet() throws Exception {
    Doc d = new Doc();
    d.title("${reviewOffice}");
    d.title("行政处罚案卷评查表");
    d.docNo("案号：${caseNo}");
    Table t = d.table(1900, 2522, 1900, 2522);
    t.row(0, cell("被评查单位"), cell("${reviewedUnit}"), cell("当事人"), cell("${partyName}"));
    t.row(0, cell("评查表版本"), cell("第${sheetVersion}版"), cell("评查日期"), cell("${issueDate}"));
    t.row(0, cell("一票否决"), span(3, "${vetoText}"));
    t.row(1400, cell("市级初评", "${cityScoreText}"), span(3, "${cityFindings}", "评查意见：${cityOpinion}"));
    t.row(1400, cell("省级复评", "${provinceScoreText}"), span(3, "${provinceFindings}", "评查意见：${provinceOpinion}"));
    t.row(0, cell("仲裁理由"), span(3, "${arbitrationReason}"));
    t.row(1400, cell("专家仲裁", "${arbiterScoreText}"), span(3, "${arbiterFindings}", "仲裁意见：${arbiterOpinion}"));
    t.row(0, cell("最终得分"), cell("${finalScore}分（${finalTier}）"), cell("评查等次"), cell("${grade}"));
    t.row(1200, cell("评查人员签名"), span(3, "", "", "年    月    日"));
    d.note("注：扣分项按“项目代码 项目内容 扣分：理由”逐项列明；存在一票否决情形的，评查等次为不合格。");
    return d;
  }

  static Doc rectificationNotice() throws Exception {
    Doc d = new Doc();
    d.title("${reviewOffice}");
    d.title("案卷评查整改通知书");
    d.docNo("案号：${caseNo}");
    d.flush("${reviewedUnit}：");
    d.para("经对你单位办理的${partyName}行政处罚案件（案号：${caseNo}）进行案卷评查，该案卷最终得分${finalScore}分，"
        + "评查等次为“${grade}”，共发现问题${problemCount}项，具体如下：");
    d.para("${problemsText}");
    d.para("请你单位责成案件承办人员于${rectificationDue}前完成整改，并将整改情况书面报送本办公室。"
        + "本办公室将对整改情况进行核查；逾期未整改或者整改不到位的，将予以督办并通报。");
    d.signature("${reviewOffice}", "${issueDate}");
    return d;
  }
}
