package cn.ecolaw.platform.documents;

import java.io.File;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** Writes the injunction and restoration documents with sample data to a directory, to look at the pages. */
public final class CourtOrderDocumentPreview {

  public static void main(String[] args) throws Exception {
    File dir = new File(args.length > 0 ? args[0] : "/tmp/court-order-preview");
    dir.mkdirs();
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""),
        new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD));
    Map<String, Object> d = new HashMap<>();
    d.put("court", "湖州市吴兴区人民法院");
    d.put("agencyName", "湖州市生态环境局");
    d.put("courtDocketNo", "（2026）浙0502民保令1号");
    d.put("caseNo", "湖环罚〔2026〕12号");
    d.put("issueDate", LocalDate.of(2026, 10, 24));
    d.put("applicant", "湖州市生态环境局");
    d.put("applicantTypeLabel", "国家规定的机关");
    d.put("respondent", "湖州测试化工有限公司");
    d.put("respondentTypeLabel", "法人或者其他组织");
    d.put("respondentId", "91330502MA2B3C4D5X");
    d.put("requestedMeasures", "立即停止通过暗管向东苕溪排放含铬废水");
    d.put("facts", "被申请人通过暗管向东苕溪持续排放含铬废水，经责令改正后仍未停止。");
    d.put("harmEvidence", "2026年10月21日监测报告：总铬超标12倍；现场照片。");
    d.put("securityText", "申请人未提供担保。");
    d.put("stageLabel", "诉讼中申请");
    d.put("receivedAt", new Date(1792634400000L));
    d.put("rulingDueAt", new Date(1792807200000L));
    d.put("rulingClock", "情况紧急，四十八小时内裁定");
    d.put("rulingReason", "被申请人正在实施的排污行为将造成难以弥补的损害。");
    d.put("rulingText", "一、禁止被申请人湖州测试化工有限公司实施以下行为：通过暗管排放废水；\n二、本裁定送达后立即执行。");
    d.put("challengeText", "被申请人如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。");
    d.put("rulingDate", LocalDate.of(2026, 10, 24));
    d.put("challengeDate", LocalDate.of(2026, 10, 26));
    d.put("challengeReasons", "排污设施已停用。");
    d.put("challengeDecisionReason", "复议理由不成立。");
    d.put("decisionText", "驳回被申请人湖州测试化工有限公司的复议申请，维持原裁定。");
    d.put("site", "东苕溪吴兴段河岸带");
    d.put("damageDescription", "含铬废水造成约2000平方米河岸土壤污染。");
    d.put("restorationRequirements", "清挖污染土壤并异位修复，恢复河岸植被");
    d.put("restorationDeadline", LocalDate.of(2027, 5, 22));
    d.put("restorationDue", "2027-05-22");
    d.put("cycleText", "每30日");
    d.put("fallbackCost", 860000d);
    d.put("planSummary", "污染土壤清挖异位修复并复绿");
    d.put("planMeasures", "第一月清挖转运；第二至五月异位修复；第六月回填复绿并监测");
    d.put("planCost", 780000d);
    d.put("planDrafter", "浙江省环境科技有限公司");
    d.put("planResult", "批准");
    d.put("planOpinion", "方案可行，予以批准。");
    d.put("experts", "王专家、李专家");
    d.put("acceptanceDate", "2027年5月30日");
    d.put("completionNote", "已按方案完成清挖、修复和复绿。");
    d.put("acceptanceOpinion", "土壤铬含量达到筛选值，植被恢复良好。");
    d.put("acceptanceResult", "验收合格");
    d.put("consequenceText", "修复义务人已履行生态环境修复义务，本案修复工作结束。");
    for (DocumentType type : new DocumentType[] {DocumentType.INJUNCTION_APPLICATION, DocumentType.INJUNCTION_RULING,
        DocumentType.INJUNCTION_CHALLENGE_DECISION, DocumentType.RESTORATION_ORDER,
        DocumentType.RESTORATION_PLAN_APPROVAL, DocumentType.RESTORATION_ACCEPTANCE}) {
      DocumentRenderer.Rendered files = renderer.render(type, d, type.title());
      String base = type.name().toLowerCase();
      Files.write(new File(dir, base + ".docx").toPath(), files.docx());
      Files.write(new File(dir, base + ".pdf").toPath(), files.pdf());
    }
    System.out.println("written to " + dir);
  }
}
