package cn.ecolaw.platform.documents;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Sample data and expected text of the injunction and restoration documents (DocumentRendererTest, the preview). */
final class CourtOrderSamples {

  private CourtOrderSamples() {}

  static final Map<DocumentType, List<String>> EXPECTED = Map.of(
      DocumentType.INJUNCTION_APPLICATION, List.of("禁止令申请书", "（2026）浙0502民保令1号", "申请人未提供担保。",
          "第一百零三条", "2026年10月22日", "情况紧急，四十八小时内裁定"),
      DocumentType.INJUNCTION_RULING, List.of("民事裁定书", "裁定如下", "本裁定送达后立即执行", "复议期间不停止裁定的执行"),
      DocumentType.INJUNCTION_CHALLENGE_DECISION, List.of("复议决定书", "2026年10月26日", "第一百一十一条",
          "驳回被申请人"),
      DocumentType.RESTORATION_ORDER, List.of("修复令", "2027年5月22日", "每30日", "人民币捌拾陆万元整（¥860,000.00）",
          "第一千二百三十四条"),
      DocumentType.RESTORATION_PLAN_APPROVAL, List.of("生态修复方案审批表", "人民币柒拾捌万元整（¥780,000.00）",
          "批准：方案可行，予以批准。"),
      DocumentType.RESTORATION_ACCEPTANCE, List.of("生态修复验收意见书", "王专家、李专家", "验收合格"));

  /** Adds the court-order keys to {@code d} (keeps what is there; the respondent is the samples' party). */
  static Map<String, Object> addTo(Map<String, Object> d) {
    d.putIfAbsent("court", "湖州市吴兴区人民法院");
    d.putIfAbsent("agencyName", "湖州市生态环境局");
    d.putIfAbsent("courtDocketNo", "（2026）浙0502民保令1号");
    d.putIfAbsent("caseNo", DocumentSamples.CASE_NO);
    d.putIfAbsent("issueDate", LocalDate.of(2026, 10, 24));
    d.putIfAbsent("applicant", "湖州市生态环境局");
    d.putIfAbsent("applicantTypeLabel", "国家规定的机关");
    d.put("respondent", DocumentSamples.PARTY);
    d.putIfAbsent("respondentTypeLabel", "法人或者其他组织");
    d.putIfAbsent("respondentId", "91330502MA2B3C4D5X");
    d.putIfAbsent("requestedMeasures", "立即停止通过暗管向东苕溪排放含铬废水");
    d.putIfAbsent("facts", "被申请人通过暗管向东苕溪持续排放含铬废水，经责令改正后仍未停止。");
    d.putIfAbsent("harmEvidence", "2026年10月21日监测报告：总铬超标12倍；现场照片。");
    d.putIfAbsent("securityText", "申请人未提供担保。");
    d.putIfAbsent("stageLabel", "诉讼中申请");
    d.putIfAbsent("receivedAt", new Date(1792634400000L));
    d.putIfAbsent("rulingDueAt", new Date(1792807200000L));
    d.putIfAbsent("rulingClock", "情况紧急，四十八小时内裁定");
    d.putIfAbsent("rulingReason", "被申请人正在实施的排污行为将造成难以弥补的损害。");
    d.putIfAbsent("rulingText", "一、禁止被申请人湖州测试化工有限公司实施以下行为：通过暗管排放废水；\n二、本裁定送达后立即执行。");
    d.putIfAbsent("challengeText", "被申请人如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。");
    d.putIfAbsent("rulingDate", LocalDate.of(2026, 10, 24));
    d.putIfAbsent("challengeDate", LocalDate.of(2026, 10, 26));
    d.putIfAbsent("challengeReasons", "排污设施已停用。");
    d.putIfAbsent("challengeDecisionReason", "复议理由不成立。");
    d.putIfAbsent("decisionText", "驳回被申请人湖州测试化工有限公司的复议申请，维持原裁定。");
    d.putIfAbsent("site", "东苕溪吴兴段河岸带");
    d.putIfAbsent("damageDescription", "含铬废水造成约2000平方米河岸土壤污染。");
    d.putIfAbsent("restorationRequirements", "清挖污染土壤并异位修复，恢复河岸植被");
    d.putIfAbsent("restorationDeadline", LocalDate.of(2027, 5, 22));
    d.putIfAbsent("restorationDue", "2027-05-22");
    d.putIfAbsent("cycleText", "每30日");
    d.putIfAbsent("fallbackCost", 860000d);
    d.putIfAbsent("planSummary", "污染土壤清挖异位修复并复绿");
    d.putIfAbsent("planMeasures", "第一月清挖转运；第二至五月异位修复；第六月回填复绿并监测");
    d.putIfAbsent("planCost", 780000d);
    d.putIfAbsent("planDrafter", "浙江省环境科技有限公司");
    d.putIfAbsent("planResult", "批准");
    d.putIfAbsent("planOpinion", "方案可行，予以批准。");
    d.putIfAbsent("experts", "王专家、李专家");
    d.putIfAbsent("acceptanceDate", "2027年5月30日");
    d.putIfAbsent("completionNote", "已按方案完成清挖、修复和复绿。");
    d.putIfAbsent("acceptanceOpinion", "土壤铬含量达到筛选值，植被恢复良好。");
    d.putIfAbsent("acceptanceResult", "验收合格");
    d.putIfAbsent("consequenceText", "修复义务人已履行生态环境修复义务，本案修复工作结束。");
    return d;
  }
}
