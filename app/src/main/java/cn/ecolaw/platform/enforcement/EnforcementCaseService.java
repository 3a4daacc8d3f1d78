package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.discretion.DailyPenaltyCalculator;
import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.DiscretionResult;
import cn.ecolaw.platform.discretion.LatePaymentSurcharge;
import cn.ecolaw.platform.discretion.LatePaymentSurcharge.Suspension;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
  private final org.springframework.context.ApplicationEventPublisher events;

  public EnforcementCaseService(CaseStartValidator validator, CaseFileRepository cases, CaseNumbers numbers,
      EnforcementDeadlines deadlines, PenaltyDiscretionService discretion, DailyPenaltyCalculator dailyPenalty,
      LatePaymentSurcharge surcharge, DocumentService documents, CaseDocumentData documentData,
      AgencyProperties agency, org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
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
    out.put("clueSourceLabel", Vocabulary.label(Vocabulary.CLUE_SOURCES, v.get("clueSource")));
    for (String flag : new String[] {"crimeSuspected", "continuingViolation", "correctionOrdered", "hearingRequested",
        "hearingRight", "legalReviewRequired", "collectiveDiscussionRequired", "complexCase", "majorPublicInterest",
        "paid", "sensitiveArea", "firstViolation", "correctedPromptly", "harmOccurred"}) {
      out.putIfAbsent(flag, Boolean.FALSE);
      out.put(flag, Boolean.parseBoolean(String.valueOf(out.get(flag))));
    }
    out.putIfAbsent("measure", "NONE");
    out.put("remedyFiled", "NONE");
    out.put("pendingRemedy", "NONE");
    out.put("lastRemedy", "NONE");
    out.put("enforcedBy", "AGENCY");
    out.putIfAbsent("epl63Conduct", "NONE");
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

  /** Decree 310 Art. 8: the case is transferred; the police decide within 3 days whether to open a criminal case. */
  public Map<String, Object> transferToPolice(Map<String, Object> variables) {
    LocalDate today = Dates.today();
    Map<String, Object> out = new HashMap<>();
    out.put("transferDate", today.toString());
    deadlines.policeAnswer(today, out);
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
    out.put("penaltyBasis", r.legalBasis());
    out.put("violatedProvision", r.violatedProvision());
    // EPL 63 (三): evasion of supervision is never minor and is reviewed for transfer to the police for detention.
    out.put("evasionOfSupervision", r.evasionOfSupervision());
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
    out.put("earliestHearingDate", deadlines.earliestHearingDate(today).toString());
    out.put("reviewedFine", number(variables, "proposedFine"));
    // what the notice told the party about a hearing (APL 44, 63): checked again before the decision (APL 38)
    out.put("hearingRightNotified", Boolean.TRUE.equals(variables.get("hearingRight")));
    generate(caseNo, DocumentType.PRIOR_NOTICE, merged(variables, out), user);
    cases.updateStatus(caseNo, CaseStatus.NOTICE);
    return out;
  }

  /**
   * APL 64: the hearing notice states the day and the hour. The hearing period does not count towards the decision
   * deadline (MEE-PM 57): the decision clock stops today and runs again when the hearing has been held.
   */
  /**
   * APL 44, 64: the statement and hearing-request window runs from the service of the prior notice. The days between
   * drafting and service do not count towards the decision deadline.
   */
  public Map<String, Object> startStatementWindow(Map<String, Object> variables) {
    LocalDate served = Dates.toLocalDate(variables.get("noticeServedDate"));
    Map<String, Object> out = new HashMap<>();
    deadlines.statement(served, out);
    LocalDate drafted = Dates.toLocalDate(variables.get("noticeDate"));
    Object due = variables.get("decisionDue");
    if (drafted != null && due != null && served.isAfter(drafted)) {
      long days = java.time.temporal.ChronoUnit.DAYS.between(drafted, served);
      long before = variables.get("decisionPausedDays") instanceof Number n ? n.longValue() : 0;
      out.put("decisionPausedDays", before + days);
      deadlines.moveDecision(Dates.toLocalDate(due), days, out);
    }
    return out;
  }

  public Map<String, Object> issueHearingNotice(Map<String, Object> variables, String user) {
    Map<String, Object> data = new HashMap<>(variables);
    data.put("hearingDateTime", java.time.LocalDateTime.of(Dates.toLocalDate(variables.get("hearingDate")),
        hearingTime(variables.get("hearingTime"))));
    generate(caseNo(variables), DocumentType.HEARING_NOTICE, data, user);
    Map<String, Object> out = new HashMap<>();
    out.put("decisionClockPausedFrom", Dates.today().toString());
    return out;
  }

  /** The hearing-schedule form's hour code, {@code T0930} for 9:30 (09:00 when none was chosen). */
  private static java.time.LocalTime hearingTime(Object code) {
    if (code == null || code.toString().isBlank()) {
      return java.time.LocalTime.of(9, 0);
    }
    String c = code.toString().trim();
    if (!c.matches("T([01]\\d|2[0-3])[0-5]\\d")) {
      throw PlatformException.badRequest("ENF-034", "听证开始时间无效，请在表单中选择");
    }
    return java.time.LocalTime.of(Integer.parseInt(c.substring(1, 3)), Integer.parseInt(c.substring(3, 5)));
  }

  /** The hearing has been held: the days since it was scheduled are added to the decision deadline (MEE-PM 57). */
  public Map<String, Object> resumeDecisionClock(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    LocalDate from = Dates.toLocalDate(variables.get("decisionClockPausedFrom"));
    Object due = variables.get("decisionDue");
    if (from == null || due == null) {
      return out;
    }
    long paused = java.time.temporal.ChronoUnit.DAYS.between(from, Dates.today());
    long before = variables.get("decisionPausedDays") instanceof Number n ? n.longValue() : 0;
    out.put("decisionPausedDays", before + paused);
    out.put("decisionClockPausedFrom", null);
    deadlines.moveDecision(Dates.toLocalDate(due), paused, out);
    return out;
  }

  /** MEE-PM 57: +30 days with the head's approval, +30 more after a collective discussion; never more. */
  public Map<String, Object> extendDecisionDeadline(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    String extension = String.valueOf(variables.getOrDefault("decisionExtension", "NONE"));
    out.put("decisionExtension", "NONE");
    if ("NONE".equals(extension) || variables.get("decisionDue") == null) {
      return out;
    }
    long count = variables.get("decisionExtensions") instanceof Number n ? n.longValue() : 0;
    out.put("decisionExtensions", count + 1);
    deadlines.moveDecision(Dates.toLocalDate(variables.get("decisionDue")), EnforcementDeadlines.EXTENSION_DAYS, out);
    return out;
  }

  public Map<String, Object> issueNoPenaltyDecision(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    Map<String, Object> out = new HashMap<>();
    out.put("decisionDate", Dates.today().toString());
    out.put("noPenaltyGround", variables.getOrDefault("noPenaltyGround",
        "你（单位）的违法行为轻微并已及时改正，没有造成危害后果"));
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
    if (!"NONE".equals(String.valueOf(variables.getOrDefault("epl63Conduct", "NONE")))) {
      deadlines.detentionTransfer(today, out);
    }
    generate(caseNo, DocumentType.PENALTY_DECISION, merged(variables, out), user);
    if (Boolean.TRUE.equals(variables.get("correctionOrdered"))) {
      // MEP Order 28 Art. 8: the order to correct is a document of the case, served with the decision
      out.put("correctionOrderNo", DailyPenaltyService.correctionOrderNo(caseNo));
      Map<String, Object> data = merged(variables, out);
      data.put("correctionOrderNo", out.get("correctionOrderNo"));
      data.put("dailyPenaltyWarning", DAILY_PENALTY_CONDUCT.contains(String.valueOf(variables.get("violationType")))
          ? "经复查，你（单位）拒不改正的，本机关将依据《中华人民共和国环境保护法》第五十九条的规定，自本决定书送达之日的次日起"
              + "按照原处罚数额按日连续处罚。"
          : "");
      generate(caseNo, DocumentType.CORRECTION_ORDER, data, user);
    }
    cases.updateStatus(caseNo, CaseStatus.SERVING);
    return out;
  }

  public Map<String, Object> recordService(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    Map<String, Object> out = new HashMap<>();
    deadlines.afterService(Dates.toLocalDate(variables.get("serviceDate")), out);
    Map<String, Object> data = merged(variables, out);
    data.put("documentServed", "行政处罚决定书（" + caseNo + "）");
    if (variables.get("correctionOrderNo") != null) {
      // MEP Order 28 Art. 17: the days of a daily penalty count from the day after this service
      out.put("correctionOrderServedDate", variables.get("serviceDate"));
      data.put("documentServed", "行政处罚决定书（" + caseNo + "）、责令改正违法行为决定书（" + variables.get("correctionOrderNo")
          + "）");
    }
    generate(caseNo, DocumentType.SERVICE_RECEIPT, data, user);
    cases.updateStatus(caseNo, CaseStatus.PAYMENT);
    return out;
  }

  /**
   * The conduct for which a daily continuous penalty may be imposed (EPL 59; MEP Order 28 Art. 5: discharge over the
   * standard or quota, evasion of supervision, banned pollutants, illegal dumping of hazardous waste; Water law 95, Air
   * law 123). General solid waste and unapproved construction (EIA law 31) are not among them.
   */
  static final java.util.Set<String> DAILY_PENALTY_CONDUCT = java.util.Set.of("WATER_EXCEED", "AIR_EXCEED",
      "HAZARDOUS_WASTE");

  /**
   * EPL 59; MEP Order 28 Art. 5: whether re-inspection opens a daily continuous penalty. The penalty itself is a
   * decision of its own, made in the {@code daily-penalty} process ({@link DailyPenaltyService}); here only whether it
   * is due ({@code dailyPenaltyDue}) and, when it is not, that nothing is owed for it.
   */
  public Map<String, Object> assessDailyPenalty(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    boolean covered = DAILY_PENALTY_CONDUCT.contains(String.valueOf(variables.get("violationType")));
    boolean due = covered && Boolean.TRUE.equals(variables.get("correctionRefused"));
    out.put("dailyPenaltyApplicable", covered);
    out.put("dailyPenaltyDue", due);
    if (due) {
      out.put("continuingViolation", Boolean.TRUE);
    } else {
      out.put("dailyPenaltyAmount", 0d);
      out.put("dailyPenaltyUnpaid", 0d);
      out.put("dailyPenaltyOutcome", "NONE");
    }
    return out;
  }

  /**
   * The surcharge of APL 72 as of a day: 3% of the fine per day after the payment deadline, capped at the fine; the
   * days on which a reconsideration or a suit was pending do not count (APL 73).
   */
  public BigDecimal surchargeAsOf(Map<String, Object> variables, LocalDate asOf) {
    Object due = variables.get("paymentDue");
    Object fine = variables.get("fineAmount");
    if (due == null || fine == null) {
      return BigDecimal.ZERO;
    }
    return surcharge.surcharge(BigDecimal.valueOf(((Number) fine).doubleValue()), Dates.toLocalDate(due), asOf,
        Suspension.parseAll(variables.get("surchargeSuspensions")));
  }

  /** The days after the payment deadline, up to a day, on which the surcharge did not accrue (APL 73). */
  public long surchargeSuspendedDays(Map<String, Object> variables, LocalDate asOf) {
    Object due = variables.get("paymentDue");
    if (due == null) {
      return 0;
    }
    return surcharge.daysSuspended(Dates.toLocalDate(due), asOf,
        Suspension.parseAll(variables.get("surchargeSuspensions")));
  }

  /**
   * APL 73: the party has applied for reconsideration or filed a suit; from that day the late-payment surcharge stops
   * accruing until the result is served. The pending period is kept in {@code surchargeSuspensions}.
   */
  public Map<String, Object> openRemedyPeriod(Map<String, Object> variables) {
    String remedy = String.valueOf(variables.get("remedyFiled"));
    LocalDate filed = Dates.toLocalDate(variables.get("remedyFiledDate"));
    List<Suspension> periods = new ArrayList<>(Suspension.parseAll(variables.get("surchargeSuspensions")));
    periods.add(new Suspension(filed, null));
    Map<String, Object> out = new HashMap<>();
    out.put("surchargeSuspensions", Suspension.formatAll(periods));
    out.put("pendingRemedy", remedy);
    out.put("RECONSIDERATION".equals(remedy) ? "reconsiderationFiledDate" : "litigationFiledDate", filed.toString());
    return out;
  }

  /**
   * The result of the reconsideration or suit is served: the surcharge runs again from the next day (APL 73). After a
   * reconsideration decision the party may sue within 15 days of its service (ALL 45); a decision changed on
   * reconsideration is enforced by the reconsideration body (ARL 2023 Art. 78); a judgment is enforced as a judgment.
   */
  public Map<String, Object> closeRemedyPeriod(Map<String, Object> variables) {
    String remedy = String.valueOf(variables.get("pendingRemedy"));
    String result = String.valueOf(variables.get("remedyResult"));
    LocalDate decided = Dates.toLocalDate(variables.get("remedyDecidedDate"));
    List<Suspension> periods = new ArrayList<>(Suspension.parseAll(variables.get("surchargeSuspensions")));
    for (int i = periods.size() - 1; i >= 0; i--) {
      if (periods.get(i).to() == null) {
        periods.set(i, new Suspension(periods.get(i).from(), decided));
        break;
      }
    }
    Map<String, Object> out = new HashMap<>();
    out.put("surchargeSuspensions", Suspension.formatAll(periods));
    out.put("lastRemedy", remedy);
    if ("CHANGED".equals(result)) {
      out.put("fineAmount", number(variables, "changedFine"));
    }
    if ("RECONSIDERATION".equals(remedy)) {
      out.put("reconsiderationResult", result);
      out.put("reconsiderationDecidedDate", decided.toString());
      if (!"REVOKED".equals(result)) {
        deadlines.afterReconsideration(decided, out);
        out.put("enforcedBy", "CHANGED".equals(result) ? "RECONSIDERATION_BODY" : "AGENCY");
      }
    } else {
      out.put("judgmentResult", result);
      out.put("judgmentDate", decided.toString());
    }
    out.put("remedyFiled", "NONE");
    out.put("pendingRemedy", "NONE");
    out.put("paid", Boolean.FALSE);
    return out;
  }

  /**
   * What the court application says about remedies (ACEL 55): never "未申请复议、未起诉" when one was filed.
   */
  static String remedyHistory(Map<String, Object> v, String reconsiderationBody) {
    Object filed = v.get("reconsiderationFiledDate");
    if (filed == null) {
      return "被申请人在法定期限内未申请行政复议，也未提起行政诉讼，且至今未履行该决定。";
    }
    String result = "CHANGED".equals(v.get("reconsiderationResult")) ? "变更" : "维持";
    return "被申请人于" + Dates.chinese(Dates.toLocalDate(filed)) + "向" + reconsiderationBody + "申请行政复议，"
        + reconsiderationBody + "作出" + result + "原处罚决定的行政复议决定，该复议决定书已于"
        + Dates.chinese(Dates.toLocalDate(v.get("reconsiderationDecidedDate"))) + "送达被申请人。被申请人在收到复议决定书之日起"
        + "十五日内未提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条），且至今未履行该决定。复议期间不计加处罚款"
        + "（《中华人民共和国行政处罚法》第七十三条）。";
  }

  public Map<String, Object> issueReminder(Map<String, Object> variables, String user) {
    String caseNo = caseNo(variables);
    LocalDate today = Dates.today();
    BigDecimal extra = surchargeAsOf(variables, today);
    BigDecimal fine = BigDecimal.valueOf(number(variables, "fineAmount"));
    Map<String, Object> out = new HashMap<>();
    out.put("reminderDate", today.toString());
    out.put("surchargeAmount", extra.doubleValue());
    out.put("surchargeSuspendedDays", surchargeSuspendedDays(variables, today));
    BigDecimal daily = dailyPenaltyUnpaid(variables);
    out.put("totalDue", fine.add(extra).add(daily).doubleValue());
    Map<String, Object> data = merged(variables, out);
    data.put("surchargeAmount", extra);
    data.put("totalDue", fine.add(extra).add(daily));
    data.put("dailyPenaltyClause", daily.signum() == 0 ? "" : "你（单位）亦未缴纳本机关" + variables.get("dailyPenaltyDecisionNo")
        + "《按日连续处罚决定书》确定的按日连续处罚罚款" + cn.ecolaw.platform.documents.ChineseAmount.toText(daily)
        + "（《中华人民共和国环境保护法》第五十九条），一并催告。");
    long paused = surchargeSuspendedDays(variables, today);
    data.put("surchargePauseNote", paused == 0 ? "" : "；你（单位）申请行政复议、提起行政诉讼期间共" + paused
        + "日，依照《中华人民共和国行政处罚法》第七十三条的规定不计加处罚款");
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
    BigDecimal daily = dailyPenaltyUnpaid(variables);
    data.put("surchargeAmount", extra);
    data.put("totalDue", fine.add(extra).add(daily));
    data.put("dailyPenaltyRequest", daily.signum() == 0 ? "" : "，以及申请人作出的" + variables.get("dailyPenaltyDecisionNo")
        + "《按日连续处罚决定书》确定的按日连续处罚罚款" + cn.ecolaw.platform.documents.ChineseAmount.toText(daily));
    data.put("remedyHistory", remedyHistory(variables, agency.reconsiderationBody()));
    GeneratedDocument doc = generate(caseNo, DocumentType.ENFORCEMENT_APPLICATION, data, user);
    cases.updateStatus(caseNo, CaseStatus.AT_COURT);
    return doc;
  }

  /**
   * EPL 59: a daily continuous penalty the party left unpaid after its remedy periods ({@code daily-penalty} ended
   * UNPAID) is collected with the original fine: in the reminder, the court application and the amount applied for.
   */
  public static BigDecimal dailyPenaltyUnpaid(Map<String, Object> variables) {
    return variables.get("dailyPenaltyUnpaid") instanceof Number n ? BigDecimal.valueOf(n.doubleValue())
        : BigDecimal.ZERO;
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
    // the electronic dossier is archived when this closing commits (dossier.DossierArchiver)
    events.publishEvent(new cn.ecolaw.platform.cases.CaseClosed(caseNo, outcome));
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
