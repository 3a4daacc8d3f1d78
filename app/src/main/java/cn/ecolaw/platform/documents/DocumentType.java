package cn.ecolaw.platform.documents;

/**
 * The kinds of documents the platform produces, each filled from one DOCX template under {@code templates/}
 * (classpath {@code doc-templates/}). Adding a type is one constant plus one template file.
 */
public enum DocumentType {
  FILING_APPROVAL("立案审批表", "filing-approval.docx"),
  PRIOR_NOTICE("行政处罚事先告知书", "prior-notice.docx"),
  HEARING_NOTICE("听证通知书", "hearing-notice.docx"),
  PENALTY_DECISION("行政处罚决定书", "penalty-decision.docx"),
  NO_PENALTY_DECISION("不予行政处罚决定书", "no-penalty-decision.docx"),
  SERVICE_RECEIPT("送达回证", "service-receipt.docx"),
  REMINDER("催告书", "reminder.docx"),
  ENFORCEMENT_APPLICATION("强制执行申请书", "enforcement-application.docx"),
  REVIEW_SHEET("案卷评查表", "review-sheet.docx"),
  RECTIFICATION_NOTICE("整改通知书", "rectification-notice.docx"),
  INJUNCTION_APPLICATION("禁止令申请书", "injunction-application.docx"),
  INJUNCTION_RULING("禁止令（裁定书）", "injunction-ruling.docx"),
  INJUNCTION_CHALLENGE_DECISION("复议决定书", "injunction-challenge-decision.docx"),
  RESTORATION_ORDER("修复令", "restoration-order.docx"),
  RESTORATION_PLAN_APPROVAL("生态修复方案审批表", "restoration-plan-approval.docx"),
  RESTORATION_ACCEPTANCE("修复验收意见书", "restoration-acceptance.docx"),
  ACCEPTANCE_NOTICE("强制执行申请受理通知书", "enforcement-acceptance-notice.docx"),
  NON_ACCEPTANCE_RULING("不予受理强制执行申请裁定书", "enforcement-non-acceptance-ruling.docx"),
  ENFORCEMENT_GRANTED_RULING("准予强制执行裁定书", "enforcement-granted-ruling.docx"),
  ENFORCEMENT_REFUSED_RULING("不准予强制执行裁定书", "enforcement-refused-ruling.docx"),
  CHALLENGE_DECISION("不准予强制执行裁定复议决定书", "enforcement-challenge-decision.docx"),
  MEDIATION_NOTICE("调解告知书", "mediation-notice.docx"),
  MEDIATION_AGREEMENT("调解协议", "mediation-agreement.docx"),
  APPRAISAL_COMMISSION("鉴定委托书", "appraisal-commission.docx"),
  APPRAISAL_CROSS_EXAMINATION("鉴定意见质证笔录", "appraisal-cross-examination.docx"),
  CONFIRMATION_APPLICATION("司法确认申请书", "confirmation-application.docx"),
  CONFIRMATION_NOTICE("公告", "confirmation-notice.docx"),
  CONFIRMATION_RULING("司法确认裁定书", "confirmation-ruling.docx"),
  CORRECTION_ORDER("责令改正违法行为决定书", "correction-order.docx"),
  DAILY_PENALTY_NOTICE("按日连续处罚事先告知书", "daily-penalty-notice.docx"),
  DAILY_PENALTY_DECISION("按日连续处罚决定书", "daily-penalty-decision.docx"),
  JUDICIAL_SUGGESTION("司法建议书", "judicial-suggestion.docx"),
  SUGGESTION_REPLY("司法建议回复函", "suggestion-reply.docx"),
  INSPECTION_RECORD("现场检查笔录", "inspection-record.docx"),
  TRANSFER_LETTER("移送函", "transfer-letter.docx"),
  TRANSFER_RECEIPT("移送回执", "transfer-receipt.docx"),
  CONSULTATION_MINUTES("会商纪要", "consultation-minutes.docx");

  private final String title;
  private final String template;

  DocumentType(String title, String template) {
    this.title = title;
    this.template = template;
  }

  /** The Chinese document title, e.g. 行政处罚决定书. */
  public String title() {
    return title;
  }

  /** The template file name under {@code templates/}. */
  public String template() {
    return template;
  }
}
