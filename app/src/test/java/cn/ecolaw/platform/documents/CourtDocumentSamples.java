package cn.ecolaw.platform.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Sample data and expected text of the court's documents of 非诉执行 (added to {@link DocumentSamples}). */
final class CourtDocumentSamples {

  static final Map<DocumentType, List<String>> EXPECTED = Map.of(
      DocumentType.ACCEPTANCE_NOTICE, List.of("受理案件通知书", "（2026）浙0502行审7号", "湖州市生态环境局：",
          "申请执行金额人民币贰拾壹万柒仟伍佰元整（¥217,500.00）", "本院决定立案受理", "受理之日起七日内",
          "湖州市吴兴区人民法院（院印）", "2026年11月24日"),
      DocumentType.NON_ACCEPTANCE_RULING, List.of("行政裁定书", "不予受理", "超过法定申请期限",
          "第五十六条", "2026年12月9日前（十五日内）向上一级人民法院申请复议"),
      DocumentType.ENFORCEMENT_GRANTED_RULING, List.of("行政裁定书", "准予强制执行湖州市生态环境局作出的行政处罚决定",
          "执行标的人民币贰拾壹万柒仟伍佰元整（¥217,500.00）", "本裁定由本院强制执行。", "行政处罚决定认定事实清楚",
          "审判员　李明", "（院印）", "二〇二六年十二月一日", "书记员　周敏"),
      DocumentType.ENFORCEMENT_REFUSED_RULING, List.of("行政裁定书", "该行政决定明显缺乏法律、法规依据。",
          "不准予强制执行", "自收到本裁定之日起十五日内向上一级人民法院申请复议", "三十日内"),
      DocumentType.CHALLENGE_DECISION, List.of("湖州市中级人民法院", "行政裁定书（复议）", "复议申请人（申请执行人）：湖州市生态环境局",
          "处罚依据为水污染防治法第八十三条", "驳回复议申请，维持原裁定。", "（院印）",
          "二〇二六年十二月二十日", "书记员　周敏"));

  private CourtDocumentSamples() {}

  static void add(DocumentType type, Map<String, Object> data) {
    if (!EXPECTED.containsKey(type)) {
      return;
    }
    data.put("courtDocketNo", "（2026）浙0502行审7号");
    data.put("higherCourt", "湖州市中级人民法院");
    data.put("applicant", "湖州市生态环境局");
    data.put("respondent", DocumentSamples.PARTY);
    data.put("respondentId", "91330502MA2B3C4D5E");
    data.put("amountDue", new BigDecimal("217500"));
    data.put("receivedDate", LocalDate.of(2026, 11, 23));
    data.put("acceptedDate", LocalDate.of(2026, 11, 24));
    data.put("nonAcceptanceDate", LocalDate.of(2026, 11, 24));
    data.put("appealDue", LocalDate.of(2026, 12, 9));
    data.put("acceptanceNote", "申请人的申请超过法定申请期限，且未提出正当理由。");
    data.put("rulingDate", LocalDate.of(2026, 12, 1));
    data.put("rulingReason", "行政处罚决定认定事实清楚，证据确实充分，适用法律正确，程序合法。");
    data.put("refusalGroundLabel", "明显缺乏法律、法规依据");
    data.put("executedByLabel", "由本院强制执行");
    data.put("challengeFiledDate", LocalDate.of(2026, 12, 8));
    data.put("challengeReason", "处罚依据为水污染防治法第八十三条，原裁定认定缺乏法律依据有误。");
    data.put("challengeDecisionReason", "原裁定认定事实清楚，适用法律正确。");
    data.put("challengeOutcome", "驳回复议申请，维持原裁定。");
    data.put("challengeDecisionDate", LocalDate.of(2026, 12, 20));
  }
}
