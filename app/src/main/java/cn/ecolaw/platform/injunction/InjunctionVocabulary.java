package cn.ecolaw.platform.injunction;

import java.util.LinkedHashMap;
import java.util.Map;

/** The codes of the injunction forms and their Chinese labels (as printed on documents). */
final class InjunctionVocabulary {

  private InjunctionVocabulary() {}

  /** 法释〔2021〕22号 Art. 2: who may apply. */
  static final Map<String, String> APPLICANT_TYPES = ordered(
      "INJURED_PERSON", "受害人（自然人）", "INJURED_ORGANISATION", "受害单位",
      "STATE_ORGAN", "国家规定的机关", "PRESCRIBED_ORGANISATION", "法律规定的组织");

  static final Map<String, String> RESPONDENT_TYPES = ordered(
      "ENTERPRISE", "法人或者其他组织", "INDIVIDUAL", "自然人");

  static final Map<String, String> OUTCOMES = ordered(
      "REJECTED", "驳回申请", "REVOKED", "复议撤销禁止令", "LIFTED", "情况变化解除禁止令",
      "LIFTED_NO_SUIT", "诉前禁止令未起诉解除", "CONCLUDED", "禁止令执行完毕");

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
