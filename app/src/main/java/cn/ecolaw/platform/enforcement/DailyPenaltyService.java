package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.discretion.DailyPenalty;
import cn.ecolaw.platform.discretion.DailyPenaltyCalculator;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.Dates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 按日连续处罚 as a penalty decision of its own (EPL 59; MEP Order 28; APL 44, 45, 58, 61, 63, 64, 67): the steps
 * of the {@code daily-penalty} process, started by {@code enforcement-case} when re-inspection finds the violation
 * continuing and the conduct is one of Order 28 Art. 5. Its outcome and the unpaid amount go back to the case, which
 * collects them with the original fine.
 */
@Service
public class DailyPenaltyService {

  public static final String PROCESS_KEY = "daily-penalty";

  /** APL 44, 64: statement and hearing request within 5 working days of service of the notice. */
  static final int STATEMENT_WORKING_DAYS = 5;
  /** APL 61: service within 7 working days. */
  static final int SERVICE_WORKING_DAYS = 7;
  /** APL 67: payment within 15 days. */
  static final int PAYMENT_DAYS = 15;
  /** ARL 20: reconsideration within 60 days. */
  static final int RECONSIDERATION_DAYS = 60;
  /** ALL 46: suit within 6 months. */
  static final int LITIGATION_MONTHS = 6;

  private final DailyPenaltyCalculator calculator;
  private final WorkingDayCalendar calendar;
  private final DocumentService documents;
  private final CaseDocumentData documentData;
  private final PenaltyDiscretionService discretion;

  public DailyPenaltyService(DailyPenaltyCalculator calculator, WorkingDayCalendar calendar,
      DocumentService documents, CaseDocumentData documentData, PenaltyDiscretionService discretion) {
    this.calculator = calculator;
    this.calendar = calendar;
    this.documents = documents;
    this.documentData = documentData;
    this.discretion = discretion;
  }

  /** The number of the correction order of a case: 某环罚〔2026〕12号 → 某环责改〔2026〕12号. */
  public static String correctionOrderNo(String caseNo) {
    return caseNo.contains("罚〔") ? caseNo.replaceFirst("罚〔", "责改〔") : caseNo + "之一";
  }

  /** The number of the daily penalty decision of a case: 某环罚〔2026〕12号 → 某环按日罚〔2026〕12号. */
  public static String decisionNo(String caseNo) {
    return caseNo.contains("罚〔") ? caseNo.replaceFirst("罚〔", "按日罚〔") : caseNo + "之二";
  }

  /**
   * MEP Order 28 Art. 17: the days run from the day after the correction order was served up to the day the
   * re-inspection found the violation; the amount per day is the original fine (Art. 19).
   */
  public Map<String, Object> compute(Map<String, Object> v) {
    LocalDate served = Dates.toLocalDate(v.getOrDefault("correctionOrderServedDate", v.get("serviceDate")));
    LocalDate reinspection = Dates.toLocalDate(v.get("reinspectionDate"));
    DailyPenalty p = calculator.compute(BigDecimal.valueOf(EnforcementCaseService.number(v, "fineAmount")), served,
        reinspection);
    Map<String, Object> out = new HashMap<>();
    out.put("dailyPenaltyDays", p.days());
    out.put("dailyPenaltyAmount", p.amount().doubleValue());
    out.put("dailyPenaltyBasis", p.basis());
    out.put("dailyPenaltyFrom", served.plusDays(1).toString());
    out.put("dailyPenaltyDecisionNo", decisionNo(EnforcementCaseService.caseNo(v)));
    out.put("dailyPenaltyOutcome", "PENDING");
    out.put("dailyPenaltyUnpaid", 0d);
    return out;
  }

  public Map<String, Object> issueNotice(Map<String, Object> v, String user) {
    Map<String, Object> out = new HashMap<>();
    out.put("dailyNoticeDate", Dates.today().toString());
    generate(DocumentType.DAILY_PENALTY_NOTICE, merged(v, out), user);
    return out;
  }

  /** APL 44, 64: the 5 working days run from the service of the notice. */
  public Map<String, Object> noticeServed(Map<String, Object> v) {
    Map<String, Object> out = new HashMap<>();
    put(out, "dailyStatementDue",
        calendar.addWorkingDays(Dates.toLocalDate(v.get("dailyNoticeServedDate")), STATEMENT_WORKING_DAYS));
    return out;
  }

  public Map<String, Object> issueDecision(Map<String, Object> v, String user) {
    LocalDate today = Dates.today();
    Map<String, Object> out = new HashMap<>();
    out.put("dailyDecisionDate", today.toString());
    put(out, "dailyServiceDue", calendar.addWorkingDays(today, SERVICE_WORKING_DAYS));
    Map<String, Object> data = merged(v, out);
    data.put("dailyPartyOpinion", partyOpinion(v));
    generate(DocumentType.DAILY_PENALTY_DECISION, data, user);
    return out;
  }

  /** Everything that runs from the service of the daily penalty decision, and its service receipt. */
  public Map<String, Object> decisionServed(Map<String, Object> v, String user) {
    LocalDate served = Dates.toLocalDate(v.get("dailyServiceDate"));
    Map<String, Object> out = new HashMap<>();
    put(out, "dailyPaymentDue", calendar.addCalendarDays(served, PAYMENT_DAYS));
    put(out, "dailyReconsiderationDue", calendar.addCalendarDays(served, RECONSIDERATION_DAYS));
    put(out, "dailyLitigationDue", calendar.addMonths(served, LITIGATION_MONTHS));
    Map<String, Object> data = merged(v, out);
    data.put("serviceDate", v.get("dailyServiceDate"));
    data.put("serviceMethod", v.get("dailyServiceMethod"));
    data.put("recipient", v.get("dailyRecipient"));
    data.put("servicePlace", null);
    data.put("documentServed", "按日连续处罚决定书（" + v.get("dailyPenaltyDecisionNo") + "）");
    generate(DocumentType.SERVICE_RECEIPT, data, user);
    return out;
  }

  /**
   * The end of the daily penalty: PAID, REVOKED, NOT_IMPOSED (review or approval refused) or UNPAID (remedy periods
   * over, nothing paid: the case collects it with the original fine, ACEL 53, 54).
   */
  public Map<String, Object> conclude(Map<String, Object> v, String outcome) {
    Map<String, Object> out = new HashMap<>();
    out.put("dailyPenaltyOutcome", outcome);
    out.put("dailyPenaltyUnpaid", "UNPAID".equals(outcome) ? EnforcementCaseService.number(v, "dailyPenaltyAmount")
        : 0d);
    return out;
  }

  /** APL 45: what the party said about the daily penalty and whether a hearing was held. */
  static String partyOpinion(Map<String, Object> v) {
    StringBuilder b = new StringBuilder();
    Object text = v.get("dailyStatementText");
    if (Boolean.TRUE.equals(v.get("dailyStatementSubmitted")) && text != null && !text.toString().isBlank()) {
      b.append("你（单位）提出的陈述、申辩意见：").append(text).append("。经复核，本机关不予采纳。");
    } else {
      b.append("你（单位）在法定期限内未提出陈述、申辩意见。");
    }
    if (Boolean.TRUE.equals(v.get("dailyHearingRequested"))) {
      b.append("应你（单位）要求，本机关于").append(Dates.chinese(Dates.toLocalDate(v.get("dailyHearingDate"))))
          .append("举行了听证：").append(v.get("dailyHearingRecord")).append("。");
    } else {
      b.append("你（单位）未要求听证。");
    }
    return b.toString();
  }

  private void generate(DocumentType type, Map<String, Object> v, String user) {
    String caseNo = EnforcementCaseService.caseNo(v);
    Map<String, Object> data = documentData.of(v, discretion.latest(caseNo));
    data.put("correctionOrderNo", correctionOrderNo(caseNo));
    for (String key : new String[] {"correctionOrderServedDate", "dailyPenaltyFrom", "dailyHearingDate"}) {
      Object value = v.get(key);
      if (value != null && !value.toString().isBlank()) {
        data.put(key, Dates.toLocalDate(value));
      }
    }
    data.putIfAbsent("correctionOrderServedDate", data.get("serviceDate"));
    if (v.get("dailyPenaltyAmount") != null) {
      data.put("dailyPenaltyAmount", BigDecimal.valueOf(EnforcementCaseService.number(v, "dailyPenaltyAmount")));
    }
    data.put("fineAmount", BigDecimal.valueOf(EnforcementCaseService.number(v, "fineAmount")));
    if (v.get("dailyPenaltyDays") != null) {
      data.put("dailyPenaltyDays", String.valueOf(v.get("dailyPenaltyDays"))); // a count, not an amount
    }
    documents.generate(caseNo, type, data, user);
  }

  private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> m = new HashMap<>(a);
    m.putAll(b);
    return m;
  }

  private static void put(Map<String, Object> out, String name, LocalDate due) {
    out.put(name, due.toString());
    out.put(name + "At", java.util.Date.from(due.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant()));
  }
}
