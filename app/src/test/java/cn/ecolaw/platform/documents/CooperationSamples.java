package cn.ecolaw.platform.documents;

import java.util.Map;

/** Sample values of the member units' documents (移送函, 移送回执, 会商纪要), as the cooperation package writes them. */
final class CooperationSamples {

  private CooperationSamples() {}

  static void add(DocumentType type, Map<String, Object> data) {
    if (type != DocumentType.TRANSFER_LETTER && type != DocumentType.TRANSFER_RECEIPT
        && type != DocumentType.CONSULTATION_MINUTES) {
      return;
    }
    data.put("transferNo", "（2026）湖环移3号");
    data.put("senderUnitName", "湖州市生态环境局");
    data.put("receiverUnitName", "湖州市公安局吴兴分局");
    data.put("transferSubject", "湖州织里恒通印染有限公司");
    data.put("transferKindLabel", "涉嫌犯罪案件移送");
    data.put("transferFacts", "2026年9月14日夜间检查发现，当事人通过暗管向东苕溪排放含铬废水，总铬浓度超过排放标准三倍以上。");
    data.put("transferReason", "涉嫌污染环境罪。");
    data.put("legalBasisText", "依照《中华人民共和国行政处罚法》第二十七条、《行政执法机关移送涉嫌犯罪案件的规定》第三条、第五条和第六条的规定，"
        + "现将该案移送你单位，请自接受移送之日起三日内依法作出立案或者不予立案的决定，并书面告知本机关");
    data.put("transferMaterials", "现场检查（勘察）笔录一份\n监测报告一份\n现场照片二十四张");
    data.put("answerDueCn", "2026年11月25日");
    data.put("answerPeriodText", "3日");
    data.put("answerText", "经审查，本单位决定不予接收，退回移送单位。");
    data.put("receiverOpinion", "湖公（环）不立字〔2026〕2号：现有证据不足以证明存在犯罪事实。");
    data.put("returnText", "依照《行政执法机关移送涉嫌犯罪案件的规定》第八条、第十一条，不予立案的，退回案卷材料，由移送机关依法继续作出行政处理。");
    data.put("consultationNo", "（2026）湖环会商2号");
    data.put("convenerUnitName", "湖州市生态环境局");
    data.put("sharedWithNames", "湖州市公安局吴兴分局、湖州市生态环境咨询专家库");
    data.put("consultationQuestion", "当事人在线监测数据异常期间停用治理设施，是否构成通过不正常运行防治污染设施逃避监管？");
    data.put("sharedDocumentTitles", "立案审批表、行政处罚事先告知书");
    data.put("sharedFromCn", "2026年11月20日");
    data.put("opinionsText", "一、湖州市公安局吴兴分局：如能证明系故意停运，属于《中华人民共和国环境保护法》第六十三条第（三）项情形。\n"
        + "二、湖州市生态环境咨询专家库：监测数据与用电记录可以证明治理设施停运。");
    data.put("silentText", "受邀单位均在期限内提出了意见。");
    data.put("consultationConclusion", "构成逃避监管，移送公安机关行政拘留，并依法从重处罚。");
    data.put("followUpMeasures", "补充调取用电记录。");
  }
}
