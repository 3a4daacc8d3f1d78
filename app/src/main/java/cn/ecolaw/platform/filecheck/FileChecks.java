package cn.ecolaw.platform.filecheck;

import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.Dates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 案卷问题智能查找: the items of the review scoring sheet that a machine can judge from the file, each a check of its
 * own. The item codes are those of the 2026 sheet (V25__case_review.sql): missing documents ARC-01, filing late
 * FIL-02, decision late VETO-03, service late SER-01, court application late ENF-01, fine away from the benchmark
 * without a reason DIS-02, discretion record absent or not printed in the decision DIS-01, service without a receipt
 * SER-02, hearing right not notified where APL 63 required it VETO-04, fewer than two officers INV-01 (APL 55).
 * Pure: the same facts give the same findings.
 */
@Component
public class FileChecks {

  /** APL 63, MEE-PM 89: the measures for which a hearing must be offered whatever the fine. */
  static final Set<String> HEARING_MEASURES =
      Set.of("SUSPEND_PRODUCTION", "SUSPEND_BUSINESS", "CLOSE", "LICENCE_REVOCATION", "CONFISCATION");

  private final BigDecimal hearingIndividual;
  private final BigDecimal hearingOrganisation;

  public FileChecks(
      @Value("${platform.hearing.threshold-individual:}") String hearingIndividual,
      @Value("${platform.hearing.threshold-organisation:}") String hearingOrganisation) {
    this.hearingIndividual = amount(hearingIndividual, new BigDecimal("5000"));
    this.hearingOrganisation = amount(hearingOrganisation, new BigDecimal("200000"));
  }

  /** Every finding on the file, in the order of the sheet's stages. */
  public List<Finding> check(CaseFileFacts f) {
    List<Finding> out = new ArrayList<>();
    officers(f, out);
    deadlines(f, out);
    discretion(f, out);
    deviation(f, out);
    hearingRight(f, out);
    serviceReceipt(f, out);
    missingDocuments(f, out);
    return out;
  }

  // ------------------------------------------------------------------------------------------------ INV-01

  /** APL 55: at least two officers investigate. */
  void officers(CaseFileFacts f, List<Finding> out) {
    Map<String, Object> v = f.variables();
    boolean investigated = v.get("officers") != null || v.get("noticeDate") != null || f.discretion().isPresent();
    if (!investigated) {
      return;
    }
    String text = v.get("officers") == null ? "" : v.get("officers").toString();
    List<String> names = Arrays.stream(text.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    if (names.size() < 2) {
      out.add(Finding.of("OFFICERS", "INV-01", "执法人员少于两人",
          names.isEmpty() ? "调查取证未记录执法人员（行政处罚法第五十五条：执法人员不得少于两人）"
              : "调查取证只记录了执法人员" + names.get(0) + "一人（行政处罚法第五十五条：执法人员不得少于两人）", 4));
    }
  }

  // ------------------------------------------------------------------------------ FIL-02, VETO-03, SER-01, ENF-01

  void deadlines(CaseFileFacts f, List<Finding> out) {
    deadline(f, out, "filingDue", "filingDate", null, "FIL-02", "超过立案期限", "立案", "生态环境行政处罚办法第十八条", 2);
    deadline(f, out, "decisionDue", "decisionDate", null, "VETO-03", "超过法定期限作出处罚决定", "作出处罚决定",
        "行政处罚法第六十条", 0);
    deadline(f, out, "serviceDue", "serviceDate", null, "SER-01", "超过法定期限送达处罚决定书", "送达行政处罚决定书",
        "行政处罚法第六十一条", 2);
    deadline(f, out, "applicationDue", null, DocumentType.ENFORCEMENT_APPLICATION, "ENF-01", "超过期限申请法院强制执行",
        "申请人民法院强制执行", "行政强制法第五十三条", 2);
  }

  private void deadline(CaseFileFacts f, List<Finding> out, String dueKey, String doneKey, DocumentType doneDoc,
      String item, String title, String step, String law, double points) {
    LocalDate due = date(f.variables().get(dueKey));
    if (due == null) {
      return;
    }
    LocalDate done = doneKey != null ? date(f.variables().get(doneKey)) : f.madeOn(doneDoc).orElse(null);
    if (done != null && done.isAfter(due)) {
      out.add(Finding.of("DEADLINE", item, title, step + "的期限为" + Dates.chinese(due) + "，实际于" + Dates.chinese(done)
          + "完成，超期" + java.time.temporal.ChronoUnit.DAYS.between(due, done) + "日（" + law + "）", points));
    } else if (done == null && f.open() && f.today().isAfter(due) && stillPending(f, dueKey)) {
      out.add(Finding.of("DEADLINE", item, title, step + "的期限" + Dates.chinese(due) + "已过，至今尚未完成（" + law + "）",
          points));
    }
  }

  /** A deadline whose step has not been taken only counts while the case is at that step. */
  private static boolean stillPending(CaseFileFacts f, String dueKey) {
    Map<String, Object> v = f.variables();
    return switch (dueKey) {
      case "filingDue" -> v.get("filingApproved") == null;
      case "decisionDue" -> v.get("filingDate") != null && !"NO_PENALTY".equals(v.get("caseOutcome"));
      case "serviceDue" -> v.get("decisionDate") != null;
      default -> false; // the court application: the reminder period may still run; the flow escalates it
    };
  }

  // ------------------------------------------------------------------------------------------------ DIS-01

  /** Gansu practice: the discretion record is part of the file and printed in the decision. */
  void discretion(CaseFileFacts f, List<Finding> out) {
    boolean decided = f.has(DocumentType.PENALTY_DECISION) || f.variables().get("decisionDate") != null
        && !"NO_PENALTY".equals(f.variables().get("caseOutcome"));
    if (!decided) {
      return;
    }
    if (f.discretion().isEmpty()) {
      out.add(Finding.of("DISCRETION_RECORD", "DIS-01", "缺少自由裁量记录",
          "本案作出了行政处罚决定，但案卷中没有按裁量基准计算的裁量记录（裁量因素、等级、基准金额）", 4));
      return;
    }
    f.text(DocumentType.PENALTY_DECISION).ifPresent(text -> {
      String flat = text.replaceAll("\\s+", "");
      if (!flat.contains("裁量等级") && !flat.contains("自由裁量情况")) {
        out.add(Finding.of("DISCRETION_PRINTED", "DIS-01", "处罚决定书未载明裁量情况",
            "行政处罚决定书中没有写明自由裁量的因素、等级和基准金额", 3));
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ DIS-02

  /** A fine away from the benchmark needs the officer's written reason. */
  void deviation(CaseFileFacts f, List<Finding> out) {
    Map<String, Object> v = f.variables();
    BigDecimal benchmark = f.discretion().map(r -> r.result().fineAmount()).orElse(decimal(v.get("benchmarkFine")));
    BigDecimal proposed = f.discretion().map(DiscretionRecord::officerFine).orElse(null);
    if (proposed == null) {
      proposed = decimal(v.get("proposedFine"));
    }
    if (benchmark == null || proposed == null || proposed.compareTo(benchmark) == 0) {
      return;
    }
    String reason = f.discretion().map(DiscretionRecord::deviationReason).orElse(null);
    if (reason == null && v.get("deviationReason") != null) {
      reason = v.get("deviationReason").toString();
    }
    if (reason == null || reason.isBlank()) {
      out.add(Finding.of("DEVIATION", "DIS-02", "罚款偏离裁量基准未写明理由",
          "裁量基准金额为" + yuan(benchmark) + "，拟处罚款为" + yuan(proposed) + "，未写明偏离基准的理由", 4));
    }
  }

  // ------------------------------------------------------------------------------------------------ VETO-04

  /** APL 63, 64: a large fine or a measure of APL 63 requires that the party be told of the right to a hearing. */
  void hearingRight(CaseFileFacts f, List<Finding> out) {
    Map<String, Object> v = f.variables();
    if (v.get("noticeDate") == null && !f.has(DocumentType.PRIOR_NOTICE) && !f.has(DocumentType.PENALTY_DECISION)) {
      return;
    }
    BigDecimal fine = max(decimal(v.get("fineAmount")), decimal(v.get("proposedFine")));
    BigDecimal threshold = "INDIVIDUAL".equals(f.partyType()) ? hearingIndividual : hearingOrganisation;
    String measure = v.get("measure") == null ? "NONE" : v.get("measure").toString();
    boolean large = fine != null && fine.compareTo(threshold) >= 0;
    boolean required = large || HEARING_MEASURES.contains(measure);
    if (!required) {
      return;
    }
    boolean notified = Boolean.TRUE.equals(v.get("hearingRightNotified"))
        || f.text(DocumentType.PRIOR_NOTICE).map(t -> t.replaceAll("\\s+", "").contains("有权要求听证")).orElse(false);
    if (!notified) {
      out.add(Finding.of("HEARING_RIGHT", "VETO-04", "应当告知听证权利而未告知",
          (large ? "罚款" + yuan(fine) + "达到较大数额（" + yuan(threshold) + "）" : "拟责令停产停业、关闭、吊销许可证或没收较大数额财物")
              + "，事先告知书未告知当事人有要求听证的权利（行政处罚法第六十三条、第六十四条）", 0));
    }
  }

  // ------------------------------------------------------------------------------------------------ SER-02

  void serviceReceipt(CaseFileFacts f, List<Finding> out) {
    Map<String, Object> v = f.variables();
    if (v.get("serviceDate") == null) {
      return;
    }
    if (!f.has(DocumentType.SERVICE_RECEIPT)) {
      out.add(Finding.of("SERVICE_RECEIPT", "SER-02", "送达无送达回证",
          "行政处罚决定书于" + Dates.chinese(date(v.get("serviceDate"))) + "送达，案卷中没有送达回证", 2));
    } else if (v.get("recipient") == null || v.get("recipient").toString().isBlank()) {
      out.add(Finding.of("SERVICE_RECEIPT", "SER-02", "送达回证未载明受送达人", "送达回证没有受送达人签收记录", 2));
    }
  }

  // ------------------------------------------------------------------------------------------------ ARC-01

  /** The documents the path the case took requires (the service receipt is SER-02's). */
  void missingDocuments(CaseFileFacts f, List<Finding> out) {
    Map<String, Object> v = f.variables();
    boolean noPenalty = "NO_PENALTY".equals(v.get("caseOutcome"));
    required(f, out, v.get("filingDate") != null, DocumentType.FILING_APPROVAL, "本案已立案");
    required(f, out, v.get("noticeDate") != null, DocumentType.PRIOR_NOTICE, "本案已作出事先告知");
    required(f, out, Boolean.TRUE.equals(v.get("hearingRequested")) && v.get("hearingDate") != null,
        DocumentType.HEARING_NOTICE, "本案举行了听证");
    required(f, out, v.get("decisionDate") != null && !noPenalty, DocumentType.PENALTY_DECISION, "本案已作出处罚决定");
    required(f, out, noPenalty, DocumentType.NO_PENALTY_DECISION, "本案决定不予行政处罚");
    required(f, out, v.get("correctionOrderNo") != null, DocumentType.CORRECTION_ORDER, "本案已责令改正违法行为");
    required(f, out, v.get("reminderDate") != null, DocumentType.REMINDER, "本案已催告当事人履行");
    required(f, out, v.get("courtDocketNo") != null || "COURT_ENFORCEMENT".equals(v.get("caseOutcome")),
        DocumentType.ENFORCEMENT_APPLICATION, "本案已申请人民法院强制执行");
    required(f, out, v.get("dailyPenaltyDecisionNo") != null, DocumentType.DAILY_PENALTY_DECISION, "本案已作出按日连续处罚决定");
  }

  private static void required(CaseFileFacts f, List<Finding> out, boolean taken, DocumentType type, String step) {
    if (taken && !f.has(type)) {
      out.add(Finding.of("MISSING_DOCUMENT", "ARC-01", "卷内缺少" + type.title(), step + "，案卷中没有" + type.title(), 1));
    }
  }

  // ------------------------------------------------------------------------------------------------ values

  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return Dates.toLocalDate(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros();
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim()).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.max(b);
  }

  private static BigDecimal amount(String configured, BigDecimal fallback) {
    return configured == null || configured.isBlank() ? fallback : new BigDecimal(configured.trim());
  }

  static String yuan(BigDecimal amount) {
    return new java.text.DecimalFormat("#,##0.##").format(amount) + "元";
  }
}
