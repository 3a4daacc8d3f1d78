package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.ActionClaims;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.shared.Dates;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The court's work on an injunction (禁止令) behind the process steps: registering the application (docket number,
 * ruling clock, 禁止令申请书), the ruling (禁止令（裁定书）) and the decision on the respondent's challenge (复议决定).
 */
@Service
public class InjunctionService {

  /** Docket type of a preservation order in a civil matter: （2026）浙0502民保令1号. */
  public static final String DOCKET_TYPE = "民保令";

  private final InjunctionApplicationValidator validator;
  private final InjunctionClock clock;
  private final CaseNumbers numbers;
  private final AgencyProperties agency;
  private final DocumentService documents;
  private final ActionClaims claims;

  public InjunctionService(InjunctionApplicationValidator validator, InjunctionClock clock, CaseNumbers numbers,
      AgencyProperties agency, DocumentService documents, ActionClaims claims) {
    this.claims = claims;
    this.validator = validator;
    this.clock = clock;
    this.numbers = numbers;
    this.agency = agency;
    this.documents = documents;
  }

  /** The claim kind of {@link ActionClaims} for "one injunction at a time per case". */
  static final String CLAIM = "INJUNCTION";

  /**
   * One injunction at a time per case: the injunction {@code processInstanceId} claims the case number (when it came
   * from a case); a second application while the first runs, or a parallel one, is refused with INJ-007 (409).
   */
  public void claimCase(Object caseNo, String processInstanceId) {
    if (InjunctionValues.blank(caseNo)) {
      return;
    }
    String no = caseNo.toString().trim();
    if (!claims.claim(CLAIM, no, processInstanceId, claims::processRunning)) {
      throw PlatformException.conflict("INJ-007", "案件" + no + "已有正在办理的禁止令");
    }
  }

  public String nextDocketNo() {
    return numbers.nextDocketNo(agency.courtCode(), DOCKET_TYPE, Dates.today().getYear());
  }

  /**
   * Registers an application: the checked, typed variables plus the docket number, the originating case number
   * (the docket number itself when the applicant came directly), the ruling clock and the 禁止令申请书.
   */
  public Map<String, Object> register(Map<String, Object> vars, String docketNo, String user) {
    Map<String, Object> out = new HashMap<>(validator.validate(vars));
    Object caseNo = vars.get("caseNo");
    out.put("caseNo", InjunctionValues.blank(caseNo) ? docketNo : caseNo.toString().trim());
    out.put("courtDocketNo", docketNo);
    out.put("court", agency.court());
    Date receivedAt = Dates.now();
    out.put("receivedAt", receivedAt);
    out.put("received", InjunctionClock.shown(receivedAt));
    out.putAll(clock.rulingDeadline(receivedAt, (Boolean) out.get("preSuit"), (Boolean) out.get("urgent")));
    out.put("respondentTypeLabel", InjunctionValues.label(InjunctionVocabulary.RESPONDENT_TYPES, out.get("respondentType")));
    Map<String, Object> doc = new HashMap<>(out);
    doc.put("applicantTypeLabel", InjunctionValues.label(InjunctionVocabulary.APPLICANT_TYPES, out.get("applicantType")));
    doc.put("stageLabel", Boolean.TRUE.equals(out.get("preSuit")) ? "诉前申请" : "诉讼中申请");
    doc.put("securityText", securityText(out));
    var generated = documents.generate(out.get("caseNo").toString(), DocumentType.INJUNCTION_APPLICATION, doc, user);
    out.put("applicationDocumentId", String.valueOf(generated.id()));
    return out;
  }

  /** 禁止令（裁定书）: granted with the prohibited conduct, or the application dismissed. */
  public Map<String, Object> issueRuling(Map<String, Object> vars, String user) {
    boolean granted = Boolean.TRUE.equals(vars.get("injunctionGranted"));
    Date ruledAt = Dates.now();
    Map<String, Object> doc = new HashMap<>(vars);
    doc.put("rulingText", granted
        ? "一、禁止被申请人" + vars.get("respondent") + "实施以下行为：" + vars.get("prohibitedConduct")
            + "；\n二、本裁定送达后立即执行。"
        : "驳回申请人" + vars.get("applicant") + "的禁止令申请。");
    doc.put("challengeText", granted
        ? "被申请人如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。"
            + "被申请人违反禁止令的，本院将依照《中华人民共和国民事诉讼法》第一百一十四条、第一百一十八条的规定处以罚款、拘留。"
        : "申请人如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。");
    doc.put("securityText", securityText(vars));
    doc.put("rulingDate", Dates.today());
    var generated = documents.generate(vars.get("caseNo").toString(), DocumentType.INJUNCTION_RULING, doc, user);
    Map<String, Object> out = new HashMap<>();
    out.put("ruledAt", ruledAt);
    out.put("rulingDate", Dates.today().toString());
    out.put("rulingDocumentId", String.valueOf(generated.id()));
    out.put("rulingOnTime", !ruledAt.after((Date) vars.get("rulingDueAt")));
    return out;
  }

  /** 复议决定: the challenge dismissed (the order stays in force) or upheld (the order revoked). */
  public Map<String, Object> issueChallengeDecision(Map<String, Object> vars, String user) {
    boolean revoked = Boolean.TRUE.equals(vars.get("injunctionRevoked"));
    Map<String, Object> doc = new HashMap<>(vars);
    doc.put("decisionText", revoked
        ? "撤销本院" + vars.get("courtDocketNo") + "民事裁定（禁止令）。"
        : "驳回被申请人" + vars.get("respondent") + "的复议申请，维持本院" + vars.get("courtDocketNo") + "民事裁定（禁止令）。");
    var generated = documents.generate(vars.get("caseNo").toString(), DocumentType.INJUNCTION_CHALLENGE_DECISION,
        doc, user);
    return Map.of("challengeDecisionDate", Dates.today().toString(),
        "challengeDecisionDocumentId", String.valueOf(generated.id()));
  }

  private static String securityText(Map<String, Object> vars) {
    Object ordered = vars.get("securityOrdered");
    if (ordered instanceof Number n && n.doubleValue() > 0) {
      return "申请人应提供担保人民币" + amount(n) + "元。";
    }
    if (Boolean.TRUE.equals(vars.get("securityProvided"))) {
      String form = InjunctionValues.blank(vars.get("securityForm")) ? "" : "（" + vars.get("securityForm") + "）";
      return "申请人已提供担保人民币" + amount((Number) vars.get("securityAmount")) + "元" + form + "。";
    }
    return "申请人未提供担保。";
  }

  private static String amount(Number n) {
    return n == null ? "" : new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
  }
}
