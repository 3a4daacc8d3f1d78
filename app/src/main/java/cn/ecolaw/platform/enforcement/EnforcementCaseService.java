package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.discretion.DailyPenaltyCalculator;
import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.DiscretionResult;
import cn.ecolaw.platform.discretion.LatePaymentSurcharge;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the bureau does at each automatic step of an administrative penalty case. Delegates pass the process
 * variables in and write the returned variables back; nothing here knows about the engine.
 */
@Service
public class EnforcementCaseService {

  private final CaseStartValidator validator;
  private final CaseFileRepository cases;
  private final CaseNumbers numbers;
  private final EnforcementDeadlines deadlines;
  private final PenaltyDiscretionService discretion;
  private final DailyPenaltyCalculator dailyPenalty;
  private final LatePaymentSurcharge surcharge;
  private final DocumentService documents;
  private final CaseDocumentData documentData;
  private final AgencyProperties agency;

  public EnforcementCaseService(CaseStartValidator validator, CaseFileRepository cases, CaseNumbers numbers,
      EnforcementDeadlines deadlines, PenaltyDiscretionService discretion, DailyPenaltyCalculator dailyPenalty,
      LatePaymentSurcharge surcharge, DocumentService documents, CaseDocumentData documentData,
      AgencyProperties agency) {
    this.validator = validator;
    this.cases = cases;
    this.numbers = numbers;
    this.deadlines = deadlines;
    this.discretion = discretion;
    this.dailyPenalty = dailyPenalty;
    this.surcharge = surcharge;
    this.documents = documents;
    this.documentData = documentData;
    this.agency = agency;
  }

  /** Checks a case before it is started, so that a refused case leaves nothing behind. */
  public Map<String, Object> validateStart(String caseNo, Map<String, Object> variables) {
    Map<String, Object> v = validator.validate(caseNo, variables);
    if (caseNo != null && !caseNo.isBlank() && cases.exists(caseNo)) {
      throw PlatformException.conflict("CASE-007", "案号" + caseNo + "已存在");
    }
    return v;
  }

  /** Registers the clue as a case: its number, defaults of the decision points and the filing deadline. */
  public Map<String, Object> register(String businessKey, String processInstanceId, Map<String, Object> variables) {
    Map<String, Object> v = validateStart(businessKey, variables);
    String caseNo = businessKey == null || businessKey.isBlank() ? nextFreeCaseNo() : businessKey;
    LocalDate today = Dates.today();
    Map<String, Object> out = new HashMap<>();
    out.putAll(v);
    out.put("caseNo", caseNo);
    out.put("clueDate", today.toString());
    for (String flag : new String[] {"crimeSuspected", "continuingViolation", "correctionOrdered", "hearingRequested",
        "hearingRight", "legalReviewRequired", "collectiveDiscussionRequired", "complexCase", "majorPublicInterest",
        "paid", "sensitiveArea", "firstViolation", "correctedPromptly", "harmOccurred"}) {
      out.putIfAbsent(flag, Boolean.FALSE);
      out.put(flag, Boolean.parseBoolean(String.valueOf(out.get(flag))));
    }
    out.putIfAbsent("measure", "NONE");
    out.put("remedyFiled", "NONE");
    deadlines.filing(today, out);
    try {
      cases.insert(new CaseFile(caseNo, processInstanceId, (String) v.get("partyName"), (String) v.get("partyType"),
          (String) v.get("partyId"), (String) v.get("region"), (String) v.get("domain"),
          (String) v.get("violationType"), (String) v.get("clueSource"), CaseStatus.FILING.name(), null,
          Instant.now(), Instant.now()));
    } catch (org.springframework.dao.DuplicateKeyException | org.springframework.dao.TransientDataAccessException e) {
      // two starts with one number at once: the database's primary key decides, the loser changes nothing
      throw PlatformException.conflict("CASE-007", "案号" + caseNo + "已存在");
    }
    return out;
  }

  private String nextFreeCaseNo() {
    int year = Dates.today().getYear();
    String caseNo;
    do {
      caseNo = numbers.nextCaseNo(agency.shortName(), year);
    } while (cases.exists(caseNo));
    return caseNo;
  }

  public Map<String, Object> recordFiling(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    LocalDate today = Dates.today();
    Map<String, Object> out = new HashMap<>();
    out.put("filingDate", today.toString());
    deadlines.decision(today, out);
    generate(caseNo, DocumentType.FILING_APPROVAL, merged(variables, out), user);
    cases.updateStatus(caseNo, CaseStatus.INVESTIGATING);
    return out;
  }

  public Map<String, Object> crimeSuspected(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    deadlines.transfer(Dates.today(), out);
    return out;
  }

  /** Evaluates penalty-discretion and keeps the evaluation in the case file (Gansu practice). */
  public Map<String, Object> evaluateDiscretion(Map<String, Object> variables) {
    DiscretionInput input = DiscretionInput.fromVariables(variables);
    DiscretionResult r = discretion.evaluateAndRecord(caseNo(variables), input);
    cases.updateStatus(caseNo(variables), CaseStatus.DECIDING);
    Map<String, Object> out = new HashMap<>();
    out.put("discretionOutcome", r.outcome());
    out.put("discretionOutcomeLabel", r.outcomeLabel());
    out.put("benchmarkFine", r.fineAmount().doubleValue());
    out.put("fineMin", r.fineMin().doubleValue());
    out.put("fineMax", r.fineMax().doubleValue());
    out.put("legalBasis", r.legalBasis());
    out.put("discretionDecisionVersion", r.decisionVersion());
    out.put("proposedFine", r.fineAmount().doubleValue());
    out.put("fineAmount", r.fineAmount().doubleValue());
    return out;
  }

  public Map<String, Object> issuePriorNotice(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    LocalDate today = Dates.today();
    Map<String, Object> out = new HashMap<>();
    out.put("noticeDate", today.toString());
    deadlines.statement(today, out);
    out.put("earliestHearingDate", deadlines.earliestHearingDate(today).toString());
    out.put("reviewedFine", number(variables, "proposedFine"));
    generate(caseNo, DocumentType.PRIOR_NOTICE, merged(variables, out), user);
    cases.updateStatus(caseNo, CaseStatus.NOTICE);
    return out;
  }

  public void issueHearingNotice(Map<String, Object> variables, String user) {
    generate(caseNo(variables), DocumentType.HEARING_NOTICE, variables, user);
  }

  public Map<String, Object> issueNoPenaltyDecision(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    Map<String, Object> out = new HashMap<>();
    out.put("decisionDate", Dates.today().toString());
    out.put("noPenaltyGround", variables.getOrDefault("noPenaltyGround",
        "违法行为轻微并及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款不予行政处罚。"));
    generate(caseNo, DocumentType.NO_PENALTY_DECISION, merged(variables, out), user);
    out.putAll(close(caseNo, "NO_PENALTY"));
    return out;
  }

  public Map<String, Object> issuePenaltyDecision(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    LocalDate today = Dates.today();
    Map<String, Object> out = new HashMap<>();
    out.put("decisionDate", today.toString());
    deadlines.service(today, out);
    generate(caseNo, DocumentType.PENALTY_DECISION, merged(variables, out), user);
    cases.updateStatus(caseNo, CaseStatus.SERVING);
    return out;
  }

  public Map<String, Object> recordService(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    Map<String, Object> out = new HashMap<>();
    deadlines.afterService(Dates.toLocalDate(variables.get("serviceDate")), out);
    Map<String, Object> data = merged(variables, out);
    data.put("documentServed", "行政处罚决定书（" + caseNo + "）");
    generate(caseNo, DocumentType.SERVICE_RECEIPT, data, user);
    cases.updateStatus(caseNo, CaseStatus.PAYMENT);
    return out;
  }

  /** EPL 59: a refused correction order turns the fine into a daily fine up to the re-inspection. */
  public Map<String, Object> assessDailyPenalty(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    if (!Boolean.TRUE.equals(variables.get("correctionRefused"))) {
      out.put("dailyPenaltyAmount", 0d);
      return out;
    }
    cn.ecolaw.platform.discretion.DailyPenalty p = dailyPenalty.compute(BigDecimal.valueOf(number(variables, "fineAmount")),
        Dates.toLocalDate(variables.get("serviceDate")), Dates.toLocalDate(variables.get("reinspectionDate")));
    out.put("dailyPenaltyDays", p.days());
    out.put("dailyPenaltyAmount", p.amount().doubleValue());
    out.put("dailyPenaltyBasis", p.basis());
    out.put("continuingViolation", Boolean.TRUE);
    return out;
  }

  /** The surcharge of APL 72 as of a day: 3% of the fine per day after the payment deadline, capped at the fine. */
  public BigDecimal surchargeAsOf(Map<String, Object> variables, LocalDate asOf) {
    Object due = variables.get("paymentDue");
    Object fine = variables.get("fineAmount");
    if (due == null || fine == null) {
      return BigDecimal.ZERO;
    }
    return surcharge.surcharge(BigDecimal.valueOf(((Number) fine).doubleValue()), Dates.toLocalDate(due), asOf);
  }

  public Map<String, Object> issueReminder(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    LocalDate today = Dates.today();
    BigDecimal extra = surchargeAsOf(variables, today);
    BigDecimal fine = BigDecimal.valueOf(number(variables, "fineAmount"));
    Map<String, Object> out = new HashMap<>();
    out.put("reminderDate", today.toString());
    out.put("surchargeAmount", extra.doubleValue());
    out.put("totalDue", fine.add(extra).doubleValue());
    Map<String, Object> data = merged(variables, out);
    data.put("surchargeAmount", extra);
    data.put("totalDue", fine.add(extra));
    LocalDate printedDeadline = deadlines.reminderDeadline(today);
    data.put("reminderDeadline", printedDeadline);
    data.put("statementDeadline", printedDeadline);
    generate(caseNo, DocumentType.REMINDER, data, user);
    cases.updateStatus(caseNo, CaseStatus.REMINDER);
    return out;
  }

  public Map<String, Object> reminderServed(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    deadlines.reminder(Dates.toLocalDate(variables.get("reminderServedDate")), out);
    return out;
  }

  public GeneratedDocument prepareCourtApplication(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    Map<String, Object> data = new HashMap<>(variables);
    BigDecimal fine = BigDecimal.valueOf(number(variables, "fineAmount"));
    BigDecimal extra = surchargeAsOf(variables, Dates.today());
    data.put("surchargeAmount", extra);
    data.put("totalDue", fine.add(extra));
    GeneratedDocument doc = generate(caseNo, DocumentType.ENFORCEMENT_APPLICATION, data, user);
    cases.updateStatus(caseNo, CaseStatus.AT_COURT);
    return doc;
  }

  /** The ids of every document of the case file, oldest first. */
  public java.util.List<String> documentIds(String caseNo) {
    return documents.list(caseNo).stream().map(d -> String.valueOf(d.id())).toList();
  }

  public Map<String, Object> close(String caseNo, String outcome) {
    if (!Vocabulary.OUTCOMES.containsKey(outcome)) {
      throw new IllegalArgumentException("unknown outcome " + outcome);
    }
    cases.close(caseNo, outcome);
    Map<String, Object> out = new HashMap<>();
    out.put("caseOutcome", outcome);
    out.put("closedDate", Dates.today().toString());
    return out;
  }

  private GeneratedDocument generate(String caseNo, DocumentType type, Map<String, Object> variables, String user) {
    return documents.generate(caseNo, type, documentData.of(variables, discretion.latest(caseNo)), user);
  }

  private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> m = new HashMap<>(a);
    m.putAll(b);
    return m;
  }

  static String caseNo(Map<String, Object> variables) {
    Object caseNo = variables.get("caseNo");
    if (caseNo == null) {
      throw new IllegalStateException("process has no caseNo");
    }
    return caseNo.toString();
  }

  static double number(Map<String, Object> variables, String key) {
    Object v = variables.get(key);
    return v instanceof Number n ? n.doubleValue() : v == null ? 0d : Double.parseDouble(v.toString());
  }
}
