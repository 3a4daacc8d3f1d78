package cn.ecolaw.platform.filecheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.discretion.DiscretionResult;
import cn.ecolaw.platform.documents.DocumentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 案卷问题智能查找 on crafted files: a clean file has no finding; each file with one known defect has exactly one
 * finding, under the scoring sheet item of that defect.
 */
class FileChecksTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
  static final String DECISION_TEXT = "行政处罚决定书 行政处罚自由裁量情况 裁量等级：从轻处罚 基准罚款金额：150,000元";
  static final String NOTICE_TEXT = "行政处罚事先告知书 本案不属于《中华人民共和国行政处罚法》第六十三条规定的听证范围。";

  final FileChecks checks = new FileChecks("", "");

  // ------------------------------------------------------------------ a clean file, and how to spoil it

  static class File {
    String partyType = "ENTERPRISE";
    boolean open = false;
    Map<String, Object> v = new HashMap<>();
    List<CaseFileFacts.Doc> docs = new ArrayList<>();
    BigDecimal benchmark = new BigDecimal("150000");
    BigDecimal officerFine = new BigDecimal("150000");
    String deviationReason;
    boolean discretion = true;

    File() {
      v.put("filingDue", "2026-05-20");
      v.put("filingDate", "2026-05-10");
      v.put("officers", "张伟、刘明");
      v.put("noticeDate", "2026-05-15");
      v.put("decisionDue", "2026-08-08");
      v.put("decisionDate", "2026-05-30");
      v.put("serviceDue", "2026-06-08");
      v.put("serviceDate", "2026-06-01");
      v.put("recipient", "沈建国");
      v.put("benchmarkFine", 150000d);
      v.put("proposedFine", 150000d);
      v.put("fineAmount", 150000d);
      v.put("measure", "NONE");
      v.put("hearingRightNotified", false);
      v.put("caseOutcome", "PAID");
      doc(DocumentType.FILING_APPROVAL, "2026-05-10", null);
      doc(DocumentType.PRIOR_NOTICE, "2026-05-15", NOTICE_TEXT);
      doc(DocumentType.PENALTY_DECISION, "2026-05-30", DECISION_TEXT);
      doc(DocumentType.SERVICE_RECEIPT, "2026-06-01", null);
    }

    File doc(DocumentType type, String day, String text) {
      docs.add(new CaseFileFacts.Doc(type, LocalDate.parse(day), text));
      return this;
    }

    File without(DocumentType type) {
      docs.removeIf(d -> d.type() == type);
      return this;
    }

    CaseFileFacts facts() {
      DiscretionResult result = new DiscretionResult("LIGHTER", benchmark, new BigDecimal("100000"),
          new BigDecimal("1000000"), "《中华人民共和国水污染防治法》第八十三条第（二）项", "《中华人民共和国水污染防治法》第十条",
          "EXCEED", "penalty-discretion", 1, "penalty-discretion:1:1", Map.of(), Instant.now());
      Optional<DiscretionRecord> record = discretion
          ? Optional.of(new DiscretionRecord(1, "湖环罚〔2026〕1号", result, officerFine, deviationReason, Instant.now()))
          : Optional.empty();
      return new CaseFileFacts("湖环罚〔2026〕1号", partyType, open, TODAY, v, docs, record);
    }
  }

  private List<Finding> check(File f) {
    return checks.check(f.facts());
  }

  private void onlyFinding(File f, String item, String check) {
    List<Finding> found = check(f);
    assertThat(found).as("findings %s", found).hasSize(1);
    assertThat(found.get(0).item()).isEqualTo(item);
    assertThat(found.get(0).check()).isEqualTo(check);
    assertThat(found.get(0).title()).matches(".*\\p{IsHan}.*");
    assertThat(found.get(0).severity()).isEqualTo(item.startsWith("VETO-") ? Finding.VETO : Finding.DEDUCT);
  }

  // ------------------------------------------------------------------ tests

  @Test
  void cleanFileHasNoFinding() {
    assertThat(check(new File())).isEmpty();
  }

  @Test
  void apl55OneOfficerIsInv01() {
    File f = new File();
    f.v.put("officers", "张伟");
    onlyFinding(f, "INV-01", "OFFICERS");
  }

  @Test
  void apl55NoOfficerRecordedIsInv01() {
    File f = new File();
    f.v.remove("officers");
    onlyFinding(f, "INV-01", "OFFICERS");
  }

  @Test
  void filingAfterItsDeadlineIsFil02() {
    File f = new File();
    f.v.put("filingDate", "2026-05-21");
    onlyFinding(f, "FIL-02", "DEADLINE");
  }

  @Test
  void apl60DecisionAfterItsDeadlineIsVeto03() {
    File f = new File();
    f.v.put("decisionDue", "2026-05-29");
    onlyFinding(f, "VETO-03", "DEADLINE");
  }

  @Test
  void apl60OpenCasePastItsDecisionDeadlineIsVeto03() {
    File f = new File().without(DocumentType.PENALTY_DECISION).without(DocumentType.SERVICE_RECEIPT);
    f.open = true;
    f.v.remove("decisionDate");
    f.v.remove("serviceDate");
    f.v.remove("serviceDue");
    f.v.remove("caseOutcome");
    f.v.put("decisionDue", "2026-06-09");
    onlyFinding(f, "VETO-03", "DEADLINE");
  }

  @Test
  void apl61ServiceAfterItsDeadlineIsSer01() {
    File f = new File();
    f.v.put("serviceDue", "2026-05-31");
    onlyFinding(f, "SER-01", "DEADLINE");
  }

  @Test
  void acel53CourtApplicationAfterItsDeadlineIsEnf01() {
    File f = new File().doc(DocumentType.REMINDER, "2026-06-05", null)
        .doc(DocumentType.ENFORCEMENT_APPLICATION, "2026-06-09", null);
    f.v.put("reminderDate", "2026-06-05");
    f.v.put("applicationDue", "2026-06-08");
    onlyFinding(f, "ENF-01", "DEADLINE");
  }

  @Test
  void fineAwayFromTheBenchmarkWithoutAReasonIsDis02() {
    File f = new File();
    f.officerFine = new BigDecimal("120000");
    onlyFinding(f, "DIS-02", "DEVIATION");
    f.deviationReason = "当事人主动停产整改，酌情从轻";
    assertThat(check(f)).isEmpty();
  }

  @Test
  void decisionWithoutADiscretionRecordIsDis01() {
    File f = new File();
    f.discretion = false;
    onlyFinding(f, "DIS-01", "DISCRETION_RECORD");
  }

  @Test
  void decisionThatDoesNotPrintTheDiscretionIsDis01() {
    File f = new File().without(DocumentType.PENALTY_DECISION)
        .doc(DocumentType.PENALTY_DECISION, "2026-05-30", "行政处罚决定书 罚款人民币壹拾伍万元");
    onlyFinding(f, "DIS-01", "DISCRETION_PRINTED");
  }

  @Test
  void serviceWithoutAReceiptIsSer02() {
    File f = new File().without(DocumentType.SERVICE_RECEIPT);
    onlyFinding(f, "SER-02", "SERVICE_RECEIPT");
  }

  @Test
  void receiptWithoutARecipientIsSer02() {
    File f = new File();
    f.v.remove("recipient");
    onlyFinding(f, "SER-02", "SERVICE_RECEIPT");
  }

  @Test
  void apl63LargeFineWithoutTheHearingRightIsVeto04() {
    File f = new File();
    f.v.put("fineAmount", 250000d);
    f.v.put("proposedFine", 250000d);
    f.benchmark = new BigDecimal("250000");
    f.officerFine = new BigDecimal("250000");
    onlyFinding(f, "VETO-04", "HEARING_RIGHT");
    f.v.put("hearingRightNotified", true);
    assertThat(check(f)).isEmpty();
  }

  @Test
  void apl63IndividualsThresholdIsFiveThousandYuan() {
    File f = new File();
    f.partyType = "INDIVIDUAL";
    for (String key : new String[] {"fineAmount", "proposedFine", "benchmarkFine"}) {
      f.v.put(key, 6000d);
    }
    f.benchmark = new BigDecimal("6000");
    f.officerFine = new BigDecimal("6000");
    onlyFinding(f, "VETO-04", "HEARING_RIGHT");
    f.partyType = "ENTERPRISE";
    assertThat(check(f)).isEmpty();
  }

  @Test
  void apl63ClosureRequiresTheHearingRightWhateverTheFine() {
    File f = new File();
    f.v.put("measure", "CLOSE");
    onlyFinding(f, "VETO-04", "HEARING_RIGHT");
    f.without(DocumentType.PRIOR_NOTICE).doc(DocumentType.PRIOR_NOTICE, "2026-05-15",
        "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要\n求听证。");
    assertThat(check(f)).isEmpty();
  }

  @Test
  void missingPriorNoticeIsArc01() {
    File f = new File().without(DocumentType.PRIOR_NOTICE);
    onlyFinding(f, "ARC-01", "MISSING_DOCUMENT");
    assertThat(check(f).get(0).title()).isEqualTo("卷内缺少行政处罚事先告知书");
  }

  @Test
  void correctionOrderedWithoutTheOrderIsArc01() {
    File f = new File();
    f.v.put("correctionOrderNo", "湖环责改〔2026〕1号");
    onlyFinding(f, "ARC-01", "MISSING_DOCUMENT");
  }

  @Test
  void noPenaltyPathNeedsTheNoPenaltyDecisionNotAPenaltyDecision() {
    File f = new File().without(DocumentType.PENALTY_DECISION).without(DocumentType.SERVICE_RECEIPT);
    f.v.put("caseOutcome", "NO_PENALTY");
    f.v.remove("serviceDate");
    f.v.remove("noticeDate");
    f.without(DocumentType.PRIOR_NOTICE);
    onlyFinding(f, "ARC-01", "MISSING_DOCUMENT");
    assertThat(check(f).get(0).title()).isEqualTo("卷内缺少不予行政处罚决定书");
    f.doc(DocumentType.NO_PENALTY_DECISION, "2026-05-30", null);
    assertThat(check(f)).isEmpty();
  }
}
