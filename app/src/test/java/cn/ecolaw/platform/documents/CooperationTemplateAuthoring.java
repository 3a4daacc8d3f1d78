package cn.ecolaw.platform.documents;

import cn.ecolaw.platform.documents.TemplateAuthoring.Doc;
import java.io.File;

/**
 * Writes the templates of the member units' cooperation (issue 13): 移送函 and 移送回执 of {@code clue-transfer}, 会商纪要
 * of {@code consultation}, with the builder of {@link TemplateAuthoring}; the committed .docx files are the source of
 * truth. Run only to regenerate them: {@code java ... CooperationTemplateAuthoring ../templates}.
 */
public final class CooperationTemplateAuthoring {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "../templates");
    dir.mkdirs();
    transferLetter().save(new File(dir, DocumentType.TRANSFER_LETTER.template()));
    transferReceipt().save(new File(dir, DocumentType.TRANSFER_RECEIPT.template()));
    consultationMinutes().save(new File(dir, DocumentType.CONSULTATION_MINUTES.template()));
    System.out.println("模板已写入 " + dir.getCanonicalPath());
  }

  static Doc transferLetter() throws Exception {
    Doc d = new Doc();
    d.title("${senderUnitName}");
    d.title("移送函");
    d.docNo("${transferNo}");
    d.flush("${receiverUnitName}：");
    d.para("本单位在办理“${transferSubject}”（关联编号：${caseNo}）中发现以下事实：${transferFacts}");
    d.para("移送种类：${transferKindLabel}。移送理由：${transferReason}");
    d.para("${legalBasisText}。");
    d.heading("移送材料");
    d.para("${transferMaterials}");
    d.para("请于${answerDueCn}前（收到之日起${answerPeriodText}内）作出接收或者退回的决定，并将回执送交本单位；退回的，请书面说明理由。");
    d.signature("${senderUnitName}（印章）", "${issueDate}");
    return d;
  }

  static Doc transferReceipt() throws Exception {
    Doc d = new Doc();
    d.title("${receiverUnitName}");
    d.title("移送回执");
    d.docNo("${transferNo}");
    d.flush("${senderUnitName}：");
    d.para("你单位${transferNo}移送函及所附材料（${transferSubject}，${transferKindLabel}）已收悉。");
    d.para("${answerText}");
    d.para("审查意见及理由：${receiverOpinion}");
    d.para("${returnText}");
    d.signature("${receiverUnitName}（印章）", "${issueDate}");
    return d;
  }

  static Doc consultationMinutes() throws Exception {
    Doc d = new Doc();
    d.title("${convenerUnitName}");
    d.title("会商纪要");
    d.docNo("${consultationNo}");
    d.flush("关联案号：${caseNo}");
    d.flush("参加会商单位：${sharedWithNames}");
    d.heading("会商问题");
    d.para("${consultationQuestion}");
    d.heading("共享材料");
    d.para("${sharedDocumentTitles}（自${sharedFromCn}起在会商期间只读共享，会商结束后已收回）。");
    d.heading("各单位意见");
    d.para("${opinionsText}");
    d.para("${silentText}");
    d.heading("会商结论");
    d.para("${consultationConclusion}");
    d.heading("后续措施");
    d.para("${followUpMeasures}");
    d.signature("${convenerUnitName}（印章）", "${issueDate}");
    return d;
  }
}
