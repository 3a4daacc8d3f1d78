package cn.ecolaw.platform.review;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The review of one case file, step by step as the case-review process calls it: prepare (sheet version, the case
 * file's links), score a tier, record the result with its problems and the 案卷评查表, issue the 整改通知书, close.
 */
@Service
public class ReviewService {

  private final ScoringSheetService sheets;
  private final ReviewRepository reviews;
  private final CaseFileRepository cases;
  private final DocumentService documents;
  private final String reviewOffice;
  private final cn.ecolaw.platform.filecheck.FileCheckService fileChecks;
  private final MachineFindings machineFindings;

  public ReviewService(ScoringSheetService sheets, ReviewRepository reviews, CaseFileRepository cases,
      DocumentService documents,
      @Value("${platform.review.office:浙江省生态环境厅案卷评查办公室}") String reviewOffice,
      cn.ecolaw.platform.filecheck.FileCheckService fileChecks, MachineFindings machineFindings) {
    this.fileChecks = fileChecks;
    this.machineFindings = machineFindings;
    this.sheets = sheets;
    this.reviews = reviews;
    this.cases = cases;
    this.documents = documents;
    this.reviewOffice = reviewOffice;
  }

  /** Registers the file under review on the current sheet; returns the variables the reviewers' forms show. */
  public Map<String, Object> prepare(String processInstanceId, String caseNo, String unit, Long sampleId) {
    CaseFile file = cases.find(caseNo)
        .orElseThrow(() -> PlatformException.notFound("REV-014", "被评查案件不存在：" + caseNo));
    ScoringSheet sheet = sheets.current();
    reviews.insertCase(processInstanceId, caseNo, unit, sampleId, sheet.version());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("sheetVersion", sheet.version());
    v.put("sheetText", sheet.asMarkdown());
    v.put("partyName", file.partyName());
    v.put("caseSummary", "当事人：" + file.partyName() + "　地区：" + file.region() + "　违法行为：" + file.violationType()
        + "　结案情况：" + file.outcome());
    v.put("caseFileLinks", links(caseNo));
    v.put("reviewOffice", reviewOffice);
    // 案卷问题智能查找: the machine's findings, pre-filled as the city's deductions for the reviewer to confirm
    java.util.List<cn.ecolaw.platform.filecheck.Finding> findings;
    try {
      findings = fileChecks.check(caseNo);
    } catch (PlatformException e) {
      // the machine's help never keeps a file from being reviewed: the reviewers score it by hand
      v.put("machineFindings", "机器检查未能完成（" + e.getMessage() + "），请人工评查。");
      return v;
    }
    java.util.Optional<cn.ecolaw.platform.filecheck.Finding> unreadable = findings.stream()
        .filter(f -> cn.ecolaw.platform.filecheck.FileCheckService.UNREADABLE.equals(f.check())).findFirst();
    if (unreadable.isPresent()) {
      // a document the machine could not read: its other findings are incomplete, the reviewers score by hand
      v.put("machineFindings", "机器检查未能完成（" + unreadable.get().title() + "），请人工评查。");
      return v;
    }
    machineFindings.record(processInstanceId, caseNo, findings);
    v.putAll(MachineFindings.prefill(findings, sheet));
    return v;
  }

  /**
   * The case file, read-only, next to the scoring form: the workspace's case page (party, steps, documents with
   * preview, the discretion record, the trail with its verification), not the JSON of the API.
   */
  static String links(String caseNo) {
    String page = "/ui/workspace/case.html?caseNo=" + URLEncoder.encode(caseNo, StandardCharsets.UTF_8).replace("+", "%20");
    return "[案件页（当事人、办案经过、裁量记录）](" + page + ")　[证据与文书](" + page + "#documents)　[办案留痕及校验](" + page
        + "#trail)";
  }

  /** Reads a tier's scoring form against the sheet version of this review. */
  public TierScore score(ReviewTier tier, int sheetVersion, Boolean vetoFailed, String vetoItems, String deductions) {
    return ScoreCardParser.parse(tier, sheets.version(sheetVersion), vetoFailed, vetoItems, deductions);
  }

  /** Stores every tier's score, the final tier's findings as problems, the grade and the 案卷评查表. */
  public Recorded record(ReviewRecord r, String user) {
    String unit = reviews.unitOf(r.processInstanceId()).orElse(r.unit());
    r.scores().forEach((tier, score) -> reviews.insertScore(r.processInstanceId(), r.caseNo(), score,
        r.opinions().get(tier)));
    machineFindings.judged(r.processInstanceId(), r.scores().get(ReviewTier.CITY));
    TierScore fin = r.scores().get(r.finalTier());
    int problems = reviews.insertProblems(r.processInstanceId(), r.caseNo(), unit, fin);
    reviews.grade(r.processInstanceId(), r.finalTier(), fin.total(), fin.vetoFailed(), r.grade(),
        problems > 0 ? "RECTIFYING" : "GRADED");
    documents.generate(r.caseNo(), DocumentType.REVIEW_SHEET, sheetData(r, fin), user);
    return new Recorded(problems, fin.findingsText());
  }

  /** The number of problems and their text, one a line. */
  public record Recorded(int problemCount, String problemsText) {}

  private Map<String, Object> sheetData(ReviewRecord r, TierScore fin) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reviewOffice", reviewOffice);
    d.put("reviewedUnit", r.unit());
    d.put("partyName", r.partyName());
    d.put("sheetVersion", String.valueOf(fin.sheetVersion()));
    for (ReviewTier tier : ReviewTier.values()) {
      TierScore s = r.scores().get(tier);
      String key = tier.name().toLowerCase();
      d.put(key + "ScoreText", s == null ? "—" : ScoringSheet.points(s.total()) + "分" + (s.vetoFailed() ? "（一票否决）" : ""));
      d.put(key + "Findings", s == null ? "未进行专家仲裁" : s.findingsText());
      d.put(key + "Opinion", s == null ? "—" : nonBlank(r.opinions().get(tier)));
    }
    d.put("arbitrationReason", nonBlank(r.arbitrationReason()));
    d.put("finalTier", r.finalTier().label());
    d.put("finalScore", ScoringSheet.points(fin.total()));
    d.put("vetoText", fin.vetoFailed() ? "存在一票否决情形：" + fin.vetoCodes() : "无一票否决情形");
    d.put("grade", r.grade());
    return d;
  }

  /** 整改通知书 to the case's handler, with the deadline. */
  public void rectificationNotice(String caseNo, Map<String, Object> data, String user) {
    Map<String, Object> d = new LinkedHashMap<>(data);
    d.put("reviewOffice", reviewOffice);
    documents.generate(caseNo, DocumentType.RECTIFICATION_NOTICE, d, user);
  }

  public void close(String processInstanceId, String outcome) {
    if ("RECTIFIED".equals(outcome)) {
      reviews.markRectified(processInstanceId);
    }
    reviews.close(processInstanceId, outcome);
  }

  public ReviewStatistics statistics() {
    return ReviewStatistics.of(reviews.statisticsByUnit(), reviews.statisticsByProblemType(),
        reviews.statisticsByGrade(), reviews.arbitrated());
  }

  /** The same, for the reviewed units named (as recorded on the reviews); null = every unit. */
  public ReviewStatistics statistics(java.util.Collection<String> units) {
    return ReviewStatistics.of(reviews.statisticsByUnit(units), reviews.statisticsByProblemType(units),
        reviews.statisticsByGrade(units), reviews.arbitrated(units));
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  static BigDecimal decimal(Object v) {
    return v == null ? null : new BigDecimal(v.toString());
  }
}
