package cn.ecolaw.platform.court;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The court's documents of 非诉执行 (受理通知书, 不予受理裁定书, 准予/不准予强制执行裁定书, 复议决定书), filed under the
 * bureau's case number so that the bureau sees them in {@code /api/cases/{caseNo}/documents}.
 */
@Service
public class CourtDocuments {

  /** The document types this process issues. */
  public static final Set<DocumentType> TYPES = EnumSet.of(DocumentType.ACCEPTANCE_NOTICE,
      DocumentType.NON_ACCEPTANCE_RULING, DocumentType.ENFORCEMENT_GRANTED_RULING,
      DocumentType.ENFORCEMENT_REFUSED_RULING, DocumentType.CHALLENGE_DECISION);

  private static final List<String> TEXT = List.of("court", "courtDocketNo", "applicant", "respondent", "respondentId",
      "acceptanceNote", "appealReason", "appealDecisionReason", "reviewModeNote", "hearingRecord", "rulingReason",
      "challengeReason", "challengeDecisionReason", "rulingPeriod");
  private static final List<String> DATES = List.of("receivedDate", "acceptedDate", "nonAcceptanceDate", "appealDue",
      "rulingDate", "serviceDate", "challengeDue", "challengeFiledDate", "challengeDecisionDate", "executionDue",
      "hearingDate");

  private static final Map<String, String> GROUNDS = Map.of(
      "NO_FACTUAL_BASIS", "明显缺乏事实根据",
      "NO_LEGAL_BASIS", "明显缺乏法律、法规依据",
      "OTHERWISE_ILLEGAL", "其他明显违法并损害被执行人合法权益",
      "NO_STANDING", "行政机关不具有行政主体资格");
  private static final Map<String, String> EXECUTORS = Map.of(
      "COURT", "由本院强制执行",
      "AGENCY", "由申请机关组织实施");

  private final DocumentService documents;
  private final String higherCourt;

  public CourtDocuments(DocumentService documents,
      @Value("${platform.court.higher-court:上一级人民法院}") String higherCourt) {
    this.documents = documents;
    this.higherCourt = higherCourt;
  }

  /** Issues {@code type} for the court instance whose variables are {@code variables}; returns the stored document. */
  public GeneratedDocument issue(DocumentType type, Map<String, Object> variables, String user) {
    if (!TYPES.contains(type)) {
      throw PlatformException.badRequest("COURT-020", "非诉执行程序不制作此类文书：" + type.title());
    }
    Object caseNo = variables.get("caseNo");
    if (caseNo == null || caseNo.toString().isBlank()) {
      throw PlatformException.badRequest("COURT-021", "非诉执行案件缺少行政处罚案号，无法归档法院文书");
    }
    Map<String, Object> data = data(variables);
    data.put("higherCourt", higherCourt);
    return documents.generate(caseNo.toString(), type, data, user);
  }

  static Map<String, Object> data(Map<String, Object> variables) {
    Map<String, Object> data = new LinkedHashMap<>();
    TEXT.forEach(key -> data.put(key, variables.get(key)));
    DATES.forEach(key -> data.put(key, Dates.toLocalDate(variables.get(key))));
    data.put("amountDue", variables.get("amountDue"));
    data.put("refusalGroundLabel", GROUNDS.get(String.valueOf(variables.get("refusalGround"))));
    data.put("executedByLabel", EXECUTORS.getOrDefault(String.valueOf(variables.get("executedBy")), ""));
    data.put("challengeOutcome", Boolean.TRUE.equals(variables.get("refusalRevoked"))
        ? "撤销原不准予强制执行裁定，准予强制执行" + variables.get("applicant") + "作出的行政处罚决定，"
            + data.get("executedByLabel") + "。"
        : "驳回复议申请，维持原裁定。");
    return data;
  }
}
