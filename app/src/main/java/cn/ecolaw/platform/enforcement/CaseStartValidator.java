package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.TextSafety;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks the start variables of an enforcement case (DESIGN.md contract) before anything is created: the party, its
 * identifier by check digit, the codes, the facts and the discretion inputs. Returns the normalised variables.
 */
@Component
public class CaseStartValidator {

  static final int MAX_NAME = 200;
  /** Camunda keeps a string variable in a 4,000-character column (ACT_RU_VARIABLE.TEXT_). */
  static final int MAX_FACTS = 4000;

  /**
   * What a case start may carry: the fields of the start form {@code enforcement-start} and the case number
   * (CaseStartValidatorTest keeps the two in step). Everything else (an outcome, a flag of the procedure, a fine) is
   * the platform's to set and is refused (CASE-009) instead of being stored as a case variable.
   */
  public static final java.util.Set<String> START_KEYS = java.util.Set.of("caseNo", "partyName", "partyType", "partyId",
      "legalRepresentative", "partyAddress", "region", "domain", "clueSource", "facts", "violationType", "exceedRatio",
      "durationDays", "violationsIn2Years", "totalInvestment", "sensitiveArea", "firstViolation", "correctedPromptly",
      "harmOccurred");

  private final AgencyProperties agency;

  public CaseStartValidator(AgencyProperties agency) {
    this.agency = agency;
  }

  public Map<String, Object> validate(String caseNo, Map<String, Object> input) {
    if (input == null) {
      throw PlatformException.badRequest("CASE-000", "缺少案件信息");
    }
    Map<String, Object> v = new HashMap<>(input);
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(v).entrySet()) {
      if (!START_KEYS.contains(e.getKey())) {
        throw PlatformException.badRequest("CASE-009", "案件信息中有立案登记表以外的字段“" + e.getKey()
            + "”：立案时只能填写立案登记表中的项目，其他事项由办案流程确定");
      }
      Object value = e.getValue();
      if (value instanceof Map || value instanceof Iterable || (value != null && value.getClass().isArray())) {
        throw PlatformException.badRequest("CASE-010", "“" + e.getKey() + "”应为文字、数字或是否，不能是对象或列表");
      }
    }
    if (caseNo != null && !caseNo.isBlank() && !CaseNumbers.isWellFormed(caseNo)) {
      throw PlatformException.badRequest("CASE-001", "案号格式不正确，应如：湖环罚〔2026〕12号");
    }
    if (caseNo != null && !caseNo.isBlank() && CaseNumbers.year(caseNo) > cn.ecolaw.platform.shared.Dates.today().getYear()) {
      throw PlatformException.badRequest("CASE-011", "案号年度" + CaseNumbers.year(caseNo) + "晚于当前年度"
          + cn.ecolaw.platform.shared.Dates.today().getYear() + "，请核对案号");
    }
    if (caseNo != null && !caseNo.isBlank() && !caseNo.startsWith(agency.shortName() + "罚〔")) {
      throw PlatformException.badRequest("CASE-008", "案号“" + caseNo + "”不是本机关（" + agency.name() + "）的案号，应以“"
          + agency.shortName() + "罚”开头");
    }
    String partyName = text(v, "partyName", "当事人名称", MAX_NAME);
    String partyType = code(v, "partyType", "当事人类型", Vocabulary.PARTY_TYPES);
    String partyId = text(v, "partyId", "统一社会信用代码或身份证号码", 18).toUpperCase();
    if ("ENTERPRISE".equals(partyType) && !PartyIds.isUnifiedSocialCreditCode(partyId)) {
      throw PlatformException.badRequest("CASE-004", "统一社会信用代码“" + partyId + "”校验不通过");
    }
    if ("INDIVIDUAL".equals(partyType) && !PartyIds.isCitizenId(partyId)) {
      throw PlatformException.badRequest("CASE-004", "居民身份证号码“" + partyId + "”校验不通过");
    }
    v.put("partyName", partyName.trim());
    v.put("partyId", partyId);
    v.put("region", text(v, "region", "行政区划", 100).trim());
    code(v, "domain", "违法行为领域", Vocabulary.DOMAINS);
    code(v, "clueSource", "案件来源", Vocabulary.CLUE_SOURCES);
    v.put("facts", text(v, "facts", "违法事实", MAX_FACTS).trim());
    optionalText(v, "partyAddress", "当事人地址", 300);
    optionalText(v, "legalRepresentative", "法定代表人", 50);
    Map<String, Object> checked = v;
    if (v.get("violationsIn2Years") == null || v.get("violationsIn2Years").toString().isBlank()) {
      // left empty at filing: the platform counts it from the party's file before the investigation (issue 12)
      v.remove("violationsIn2Years");
      checked = new HashMap<>(v);
      checked.put("violationsIn2Years", 1);
    }
    DiscretionInput discretion = DiscretionInput.fromVariables(checked);
    discretion.validate();
    return v;
  }

  private static String text(Map<String, Object> v, String key, String label, int max) {
    Object value = v.get(key);
    if (value == null || value.toString().isBlank()) {
      throw PlatformException.badRequest("CASE-002", "缺少必填项：" + label + "（" + key + "）");
    }
    if (!(value instanceof String s)) {
      throw PlatformException.badRequest("CASE-003", label + "应为文字");
    }
    if (s.length() > max) {
      throw PlatformException.badRequest("CASE-005", label + "不得超过" + max + "个字");
    }
    TextSafety.inspect(label, s).ifPresent(finding -> {
      throw PlatformException.badRequest(finding.code(), finding.message());
    });
    return s;
  }

  private static void optionalText(Map<String, Object> v, String key, String label, int max) {
    Object value = v.get(key);
    if (value != null && !value.toString().isBlank()) {
      text(v, key, label, max);
    }
  }

  private static String code(Map<String, Object> v, String key, String label, Map<String, String> codes) {
    String value = text(v, key, label, 40);
    if (!codes.containsKey(value)) {
      throw PlatformException.badRequest("CASE-006", label + "“" + value + "”不是有效代码，可选：" + String.join("、", codes.keySet()));
    }
    return value;
  }
}
