package cn.ecolaw.platform.mediation;

import java.util.Map;

/** Chinese labels of the codes used by {@code mediation-routing}. */
public final class MediationVocabulary {

  public static final Map<String, String> CATEGORIES = Map.of(
      "POLLUTION_DAMAGE", "环境污染责任纠纷",
      "ECOLOGICAL_DAMAGE", "生态破坏责任纠纷",
      "NEIGHBOUR_NUISANCE", "相邻污染侵害纠纷",
      "RESOURCE_CONTRACT", "自然资源开发利用合同纠纷",
      "OTHER", "其他环境资源纠纷");

  public static final Map<String, String> CHANNELS = Map.of(
      "PEOPLES_MEDIATION", "人民调解委员会（人民调解）",
      "PROFESSIONAL_MEDIATION", "环境资源专业调解组织",
      "ONLINE_MEDIATION", "人民法院在线调解平台（在线调解）");

  private MediationVocabulary() {}

  public static String label(Map<String, String> labels, Object code) {
    return code == null ? "" : labels.getOrDefault(code.toString(), code.toString());
  }
}
