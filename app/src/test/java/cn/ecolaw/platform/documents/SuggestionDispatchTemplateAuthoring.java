package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import java.io.File;

/**
 * Writes the templates of 司法建议 (司法建议书, 回复函) and of 执法任务指派 (现场检查笔录) under {@code templates/} (the
 * committed .docx files are the source of truth; run this only to regenerate them):
 * {@code java ... SuggestionDispatchTemplateAuthoring ../templates}.
 */
public final class SuggestionDispatchTemplateAuthoring {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    judicialSuggestion().save(new File(dir, DocumentType.JUDICIAL_SUGGESTION.template()));
    suggestionReply().save(new File(dir, DocumentType.SUGGESTION_REPLY.template()));
    inspectionRecord().save(new File(dir, DocumentType.INSPECTION_RECORD.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  /** 法释〔2023〕11号 Art. 8: the addressee replies in writing within two months of receipt. */
  static Doc judicialSuggestion() throws Exception {
    Doc d = new Doc();
    d.title("${court}");
    d.title("司法建议书");
    d.docNo("${suggestionNo}");
    d.flush("${addresseeName}：");
    d.para("本院在办理${caseNo}案件过程中，发现贵单位在${suggestionSubject}方面存在以下问题：${problemsFound}");
    d.para("为促进依法行政、堵塞管理漏洞、预防和减少违法行为的发生，本院提出如下司法建议：${suggestionContent}");
    d.para("请贵单位在收到本建议书之日起两个月内（${replyDueCn}前），将采纳落实情况书面回复本院"
        + "（法释〔2023〕11号第八条）。");
    d.signature("${court}（院印）", "${issueDate}");
    d.note("抄送：本院存档。");
    return d;
  }

  /** The addressee's written reply. */
  static Doc suggestionReply() throws Exception {
    Doc d = new Doc();
    d.title("${addresseeName}");
    d.title("关于司法建议的回复函");
    d.flush("${court}：");
    d.para("贵院${suggestionDateCn}发出的${suggestionNo}《司法建议书》（关于${suggestionSubject}）收悉。"
        + "本单位高度重视，经认真研究，现将采纳落实情况回复如下：");
    d.heading("一、采纳情况");
    d.para("${replyAdoptionLabel}。");
    d.heading("二、回复意见");
    d.para("${replyContent}");
    d.heading("三、整改落实措施");
    d.para("${measuresText}");
    d.para("特此函复。");
    d.signature("${addresseeName}（印章）", "${issueDate}");
    return d;
  }

  /** 现场检查笔录: two officers, identity shown, the situation found, the conclusion, photos attached. */
  static Doc inspectionRecord() throws Exception {
    Doc d = new Doc();
    d.title("${agencyName}");
    d.title("现场检查笔录");
    d.docNo("${inspectionNo}");
    d.flush("检查任务来源：${triggerLabel}");
    d.flush("被检查单位：${sourceName}");
    d.flush("统一社会信用代码：${creditCode}");
    d.flush("地址：${sourceAddress}");
    d.flush("法定代表人（负责人）：${legalRepresentative}");
    d.flush("现场负责人：${sitePerson}");
    d.flush("检查时间：${inspectionDateCn}");
    d.flush("检查人员：${inspectorNames}（执法证号：${inspectorCerts}）");
    d.para("检查人员已出示执法证件，表明身份，告知被检查单位依法享有的权利和应当配合检查的义务。");
    d.heading("一、任务说明");
    d.para("${triggerDetail}");
    d.heading("二、检查情况");
    d.para("${inspectionSituation}");
    d.heading("三、检查结论");
    d.para("${conclusionText}");
    d.para("现场拍摄照片${photoCount}张，作为本笔录附件。");
    d.para("被检查单位现场负责人（签名）：　　　　　　　检查人员（签名）：");
    d.signature("${agencyName}（印章）", "${issueDate}");
    return d;
  }
}
