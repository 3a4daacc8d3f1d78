package cn.ecolaw.platform.injunction;

import static cn.ecolaw.platform.injunction.InjunctionValues.blank;
import static cn.ecolaw.platform.injunction.InjunctionValues.flag;
import static cn.ecolaw.platform.injunction.InjunctionValues.number;
import static cn.ecolaw.platform.injunction.InjunctionValues.text;

import cn.ecolaw.platform.shared.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks an injunction application (the start form or the bureau's API call) and returns its variables, typed:
 * applicant of a kind 法释〔2021〕22号 Art. 2 admits, facts, evidence of continuing harm, the conduct to prohibit,
 * and security — mandatory before suit, discretionary during suit (CPL 103–104).
 */
@Component
public class InjunctionApplicationValidator {

  /** Camunda keeps a string variable in a 4,000-character column (ACT_RU_VARIABLE.TEXT_). */
  static final int MAX_TEXT = 4000;

  public Map<String, Object> validate(Map<String, Object> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("applicant", required(in, "applicant", "申请人", 200));
    out.put("applicantType", choice(in, "applicantType", "申请人类型", InjunctionVocabulary.APPLICANT_TYPES));
    out.put("respondent", required(in, "respondent", "被申请人", 200));
    out.put("respondentType", choice(in, "respondentType", "被申请人类型", InjunctionVocabulary.RESPONDENT_TYPES));
    out.put("respondentId", text(in.get("respondentId")));
    out.put("facts", required(in, "facts", "申请事实与理由", MAX_TEXT));
    out.put("harmEvidence", required(in, "harmEvidence", "损害行为及证据", MAX_TEXT));
    out.put("requestedMeasures", required(in, "requestedMeasures", "请求禁止的行为", 3000));
    boolean preSuit = flag(in.get("preSuit"), "INJ-003", "申请阶段（诉前/诉中）");
    boolean urgent = flag(in.get("urgent"), "INJ-003", "是否情况紧急");
    boolean security = flag(in.get("securityProvided"), "INJ-003", "是否提供担保");
    out.put("preSuit", preSuit);
    out.put("urgent", urgent);
    out.put("securityProvided", security);
    if (preSuit && !security) {
      throw PlatformException.badRequest("INJ-004", "诉前申请禁止令的，申请人应当提供担保（《民事诉讼法》第一百零四条）");
    }
    Double amount = number(in.get("securityAmount"), "INJ-005", "担保金额");
    if (security && (amount == null || amount <= 0)) {
      throw PlatformException.badRequest("INJ-005", "提供担保的，请填写大于零的担保金额");
    }
    out.put("securityAmount", security ? amount : null);
    out.put("securityForm", security ? text(in.get("securityForm")) : null);
    return out;
  }

  private static String required(Map<String, Object> in, String key, String label, int max) {
    Object v = in.get(key);
    if (blank(v)) {
      throw PlatformException.badRequest("INJ-001", "“" + label + "”为必填项");
    }
    if (!(v instanceof String)) {
      throw PlatformException.badRequest("INJ-001", "“" + label + "”应为文字");
    }
    String s = v.toString().trim();
    if (s.length() > max) {
      throw PlatformException.badRequest("INJ-001", "“" + label + "”不得超过" + max + "个字");
    }
    return s;
  }

  private static String choice(Map<String, Object> in, String key, String label, Map<String, String> allowed) {
    Object v = in.get(key);
    if (blank(v) || !allowed.containsKey(v.toString())) {
      throw PlatformException.badRequest("INJ-002", "“" + label + "”应为：" + String.join("、", allowed.values()));
    }
    return v.toString();
  }
}
