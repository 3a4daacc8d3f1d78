package cn.ecolaw.platform.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Realistic sample data for every document type (tests, preview, benchmark). */
final class DocumentSamples {

  static final String CASE_NO = "湖环罚〔2026〕12号";
  static final String PARTY = "湖州绿源印染有限公司";
  static final String HEARING_RIGHT = "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。"
      + "如要求听证，应当在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。";

  /** A discretion result as the deployed decision returns it: codes, decision key and definition id included. */
  static final cn.ecolaw.platform.discretion.DiscretionResult DISCRETION = new cn.ecolaw.platform.discretion.DiscretionResult(
      "LIGHTER", new BigDecimal("150000"), new BigDecimal("100000"), new BigDecimal("1000000"),
      "《中华人民共和国水污染防治法》第八十三条第（二）项", "《中华人民共和国水污染防治法》第十条", "EXCEEDANCE",
      "penalty-discretion", 3, "penalty-discretion:3:5f1c2a9e-0b7d-11f1-9c2e-0242ac120002",
      Map.of("violationType", "WATER_EXCEED", "violationConduct", "WATER_OVER_STANDARD", "exceedRatio", 0.56,
          "durationDays", 12, "sensitiveArea", false, "violationsIn2Years", 1, "firstViolation", true,
          "correctedPromptly", true, "harmOccurred", false, "harmEliminated", false),
      java.time.Instant.parse("2026-11-20T02:00:00Z"));

  private DocumentSamples() {}

  static Map<String, Object> data(DocumentType type) {
    Map<String, Object> data = new HashMap<>();
    data.put("caseNo", CASE_NO);
    data.put("agencyName", "湖州市生态环境局");
    data.put("agencyAddress", "浙江省湖州市吴兴区环城北路1号");
    data.put("agencyPhone", "0572-2123456");
    data.put("partyName", PARTY);
    data.put("partyTypeLabel", "企业");
    data.put("partyId", "91330502MA2B3C4D5E");
    data.put("partyAddress", "浙江省湖州市吴兴区织里镇工业园区振兴路88号");
    data.put("legalRepresentative", "张建国");
    data.put("region", "浙江省湖州市吴兴区");
    data.put("domainLabel", "水污染防治");
    data.put("violationTypeLabel", "超标排放水污染物");
    data.put("clueSourceLabel", "日常巡查");
    data.put("facts", "2026年9月14日，本机关执法人员对你单位进行现场检查，发现你单位废水总排放口排放的废水中化学需氧量浓度为"
        + "312mg/L，超过《纺织染整工业水污染物排放标准》（GB 4287-2012）规定的间接排放限值200mg/L，超标0.56倍。"
        + "超标排放持续约12日。");
    data.put("evidence", List.of("1. 现场检查（勘察）笔录一份；", "2. 湖州市环境监测中心站监测报告（湖环监〔2026〕第0915号）一份；",
        "3. 调查询问笔录二份；", "4. 现场照片十二张；", "5. 营业执照复印件及法定代表人身份证明。"));
    data.put("filingReason", "当事人涉嫌违反《中华人民共和国水污染防治法》第十条的规定，依据《生态环境行政处罚办法》第十八条，建议立案调查。");
    data.put("officerOpinion", "建议立案。");
    data.put("headOpinion", "同意立案，由执法一队承办。");
    data.put("officers", "王明（执法证号33050012）、李华（执法证号33050027）");
    data.put("legalBasis", "《中华人民共和国水污染防治法》第十条");
    data.put("violatedProvision", "《中华人民共和国水污染防治法》第十条");
    data.put("penaltyBasis", "《中华人民共和国水污染防治法》第八十三条第（二）项");
    data.put("outcomeLabel", "罚款");
    data.put("fineAmount", new BigDecimal("150000"));
    // what the platform itself writes (DiscretionResult.summary), so that a code it let through would show here
    data.put("discretionSummary", DISCRETION.summary());
    data.put("deviationReason", "无");
    data.put("hearingRightText", HEARING_RIGHT);
    data.put("statementDeadline", LocalDate.of(2026, 11, 27));
    data.put("hearingDate", LocalDateTime.of(2026, 12, 3, 9, 30));
    data.put("hearingDateTime", LocalDateTime.of(2026, 12, 3, 9, 30));
    data.put("surchargePauseNote", "");
    data.put("remedyHistory", "被申请人于2026年12月1日向湖州市人民政府申请行政复议，湖州市人民政府作出维持原处罚决定的"
        + "行政复议决定，该复议决定书已于2027年1月5日送达被申请人。被申请人在收到复议决定书之日起十五日内未提起行政诉讼"
        + "（《中华人民共和国行政诉讼法》第四十五条），且至今未履行该决定。");
    data.put("hearingPlace", "湖州市生态环境局三楼听证室");
    data.put("hearingOfficer", "赵立（法制审核科）");
    data.put("issueDate", LocalDate.of(2026, 11, 22));
    data.put("paymentPlace", "湖州市财政局非税收入汇缴结算户（中国农业银行湖州分行营业部）");
    data.put("paymentDeadline", "收到本决定书之日起十五日内");
    data.put("reconsiderationBody", "湖州市人民政府");
    data.put("court", "湖州市吴兴区人民法院");
    data.put("documentServed", "行政处罚决定书（" + CASE_NO + "）");
    data.put("serviceDate", LocalDateTime.of(2026, 11, 23, 10, 15));
    data.put("serviceMethod", "直接送达");
    data.put("servicePlace", "浙江省湖州市吴兴区织里镇工业园区振兴路88号");
    data.put("recipient", PARTY);
    data.put("surchargeAmount", new BigDecimal("67500"));
    data.put("totalDue", new BigDecimal("217500"));
    data.put("reminderDeadline", LocalDate.of(2027, 1, 20));
    data.put("decisionNo", CASE_NO);
    data.put("decisionDate", LocalDate.of(2026, 11, 22));
    data.put("decisionServedDate", LocalDate.of(2026, 11, 23));
    data.put("reminderServedDate", LocalDate.of(2027, 1, 8));
    data.put("partyOpinion", "当事人提出其已完成整改，请求减轻处罚。经复核，当事人整改情况已在裁量中予以考虑，不予采纳减轻处罚的请求。");
    data.put("noPenaltyGround", "当事人系初次违法，危害后果轻微并及时改正");
    data.put("measure", "立即停止超标排放水污染物的违法行为");
    data.put("agencyHead", "陈志远");
    data.put("judge", "李明");
    data.put("courtClerk", "周敏");
    // case review (案卷评查表, 整改通知书)
    data.put("reviewOffice", "浙江省生态环境厅案卷评查办公室");
    data.put("reviewedUnit", "湖州市生态环境局");
    data.put("sheetVersion", "1");
    data.put("vetoText", "无一票否决情形");
    data.put("cityScoreText", "97分");
    data.put("cityFindings", "INV-03 调查询问笔录规范完整 扣2分：询问笔录未载明执法证件号\nARC-02 结案后按期归档 扣1分：未按期归档");
    data.put("cityOpinion", "程序基本合法");
    data.put("provinceScoreText", "84分");
    data.put("provinceFindings", "INV-04 证据合法、充分，证据链完整 扣6分：证据链不完整");
    data.put("provinceOpinion", "证据存在问题");
    data.put("arbitrationReason", "两级评分相差超过10分");
    data.put("arbiterScoreText", "89分");
    data.put("arbiterFindings", "INV-04 证据合法、充分，证据链完整 扣4分：证据链不完整");
    data.put("arbiterOpinion", "以证据问题为主");
    data.put("finalScore", "89");
    data.put("finalTier", "专家仲裁");
    data.put("grade", "良好");
    data.put("problemsText", "INV-04 证据合法、充分，证据链完整 扣4分：证据链不完整");
    data.put("problemCount", "1");
    data.put("rectificationDue", "2026年12月22日");
    // correction order and daily continuous penalty (EPL 59, MEP Order 28)
    data.put("correctionOrderNo", "湖环责改〔2026〕12号");
    data.put("correctionOrderServedDate", LocalDate.of(2026, 11, 23));
    data.put("dailyPenaltyWarning", "经复查，你（单位）拒不改正的，本机关将依据《中华人民共和国环境保护法》第五十九条的规定，"
        + "自本决定书送达之日的次日起按照原处罚数额按日连续处罚。");
    data.put("dailyPenaltyDecisionNo", "湖环按日罚〔2026〕12号");
    data.put("reinspectionDate", LocalDate.of(2026, 12, 3));
    data.put("reinspectionNote", "废水总排放口仍在超标排放。");
    data.put("dailyPenaltyFrom", LocalDate.of(2026, 11, 24));
    data.put("dailyPenaltyDays", "10");
    data.put("dailyPenaltyAmount", new BigDecimal("1500000"));
    data.put("dailyPartyOpinion", "你（单位）在法定期限内未提出陈述、申辩意见。你（单位）未要求听证。");
    data.put("dailyPenaltyClause", "");
    data.put("dailyPenaltyRequest", "");
    if (type == DocumentType.NO_PENALTY_DECISION) {
      data.put("outcomeLabel", "不予处罚");
      data.remove("fineAmount");
    }
    CourtOrderSamples.addTo(data);
    CourtDocumentSamples.add(type, data);
    CooperationSamples.add(type, data);
    if (type.name().startsWith("MEDIATION_") || type.name().startsWith("APPRAISAL_")
        || type.name().startsWith("CONFIRMATION_")) {
      // mediation, appraisal, judicial confirmation (the party of the samples is the respondent / a party)
      data.put("docketNo", "（2026）浙0502民特3号");
      data.put("applicant", "湖州市吴兴区织里镇联漾村村民委员会");
      data.put("respondent", PARTY);
      data.put("caseCategoryLabel", "环境污染责任纠纷");
      data.put("channelLabel", "环境资源专业调解组织");
      data.put("mediationStart", "2026年11月22日");
      data.put("mediationDue", "2026年12月22日");
      data.put("agreementTerms", "一、被申请人于2026年12月31日前赔偿申请人养殖损失60万元；\n二、申请人放弃其他请求。");
      data.put("agreementDate", "2026年11月20日");
      data.put("commissioner", "湖州市吴兴区人民法院");
      data.put("commissionerKind", "院");
      data.put("commissionBasisText", "现依照《中华人民共和国民事诉讼法》第七十九条的规定，委托你单位进行鉴定。");
      data.put("testimonyText", "鉴定人应当依法出具鉴定意见，并按本院通知出庭作证；经通知拒不出庭作证的，"
          + "鉴定意见不得作为认定事实的根据（《中华人民共和国民事诉讼法》第八十一条）。");
      data.put("appraisalNo", "（2026）鉴委4号");
      data.put("institutionName", "浙江省环境科技司法鉴定所");
      data.put("selectionText", "当事人未能协商一致，鉴定机构从鉴定机构名册中随机选定（选定过程已记录）。");
      data.put("categoryLabel", "地表水与沉积物");
      data.put("matter", "某河段水体及沉积物污染损害数额");
      data.put("parties", "湖州市人民检察院、" + PARTY);
      data.put("certificateNo", "330001001");
      data.put("certificateExpiry", "2028年12月31日");
      data.put("deadlineText", "30个工作日（至2027年1月6日）");
      data.put("appraisalOpinion", "水体污染损害数额为85万元。");
      data.put("objectionText", "当事人对鉴定意见无异议。");
      data.put("attendanceText", "当事人未申请鉴定人出庭。");
      data.put("crossExaminationNote", "双方对鉴定意见的真实性、合法性无异议。");
      data.put("furtherAppraisalText", "决定：不再鉴定。");
      data.put("applicants", "湖州市生态环境局、" + PARTY);
      data.put("agreementTypeLabel", "生态环境损害赔偿协议");
      data.put("agreementSource", "生态环境损害赔偿磋商");
      data.put("filedDate", "2026年11月22日");
      data.put("noticeStart", "2026年11月22日");
      data.put("noticeEnd", "2026年12月22日");
      data.put("noticeText", "本院于2026年11月22日将协议内容公告，公告期满。");
      data.put("rulingReason", "协议不违反法律、行政法规的强制性规定，不损害社会公共利益。");
      data.put("rulingText", "申请人于2026年11月20日达成的生态环境损害赔偿协议有效。");
      data.put("effectText", "一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。");
      data.put("basicFacts", "2026年9月，被申请人废水超标排放致联漾村河段水体及沉积物污染，"
          + "经鉴定，生态环境损害数额为85万元。双方经磋商达成赔偿协议。");
    }
    // 司法建议书, 司法建议回复函, 现场检查笔录 (issue 13)
    data.putIfAbsent("court", "湖州市吴兴区人民法院");
    data.put("suggestionNo", "（2026）浙0502司建3号");
    data.put("addresseeName", "湖州市生态环境局");
    data.put("suggestionSubject", "排污单位在线监测设施运行监管");
    data.put("problemsFound", "被执行人在线监测设施长期故障，超标排放持续数月未被发现，罚款经催告仍未缴纳。");
    data.put("suggestionContent", "一、建立重点排污单位在线监测设施运行状况定期核查制度；二、对逾期未缴纳罚款的案件及时依法申请强制执行。");
    data.put("replyDueCn", LocalDate.of(2027, 2, 1));
    data.put("suggestionDateCn", LocalDate.of(2026, 11, 30));
    data.put("replyAdoptionLabel", "全部采纳");
    data.put("replyContent", "我局已全面采纳贵院建议，对全市重点排污单位在线监测设施开展专项核查。");
    data.put("measuresText", "修订在线监测设施运行监管办法，建立月度通报制度，将核查结果纳入执法计划。");
    data.put("inspectionNo", "湖环检〔2026〕8号");
    data.put("triggerLabel", "在线监控超标报警");
    data.put("triggerDetail", "2026年11月29日2时15分在线监测化学需氧量浓度130毫克/升，排放限值100毫克/升，超标30%。");
    data.put("sourceName", PARTY);
    data.put("creditCode", "91330502MA2B3C4D5E");
    data.put("sourceAddress", "浙江省湖州市吴兴区织里镇工业园区振兴路88号");
    data.put("sitePerson", "沈建国（厂长）");
    data.put("inspectionDateCn", LocalDate.of(2026, 11, 29));
    data.put("inspectorNames", "张伟、陈静");
    data.put("inspectorCerts", "浙33050001、浙33050003");
    data.put("inspectionSituation", "废水处理设施运行，总排口有废水外排，在线监测仪显示化学需氧量超标。");
    data.put("conclusionText", "发现涉嫌超标排放水污染物的违法行为，已移送立案查处（案号：湖环罚〔2026〕12号）。");
    data.put("photoCount", 3);
    return data;
  }
}
