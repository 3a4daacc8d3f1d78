package cn.ecolaw.platform.review;

/**
 * The three tiers of 市级初评—省级复评—专家仲裁, each with the prefix of the variables its task sets
 * ({@code cityDeductions}, {@code cityVetoFailed}, {@code cityVetoItems}, {@code cityOpinion}) and its score variable
 * ({@code cityScore}, {@code provinceScore}, {@code arbiterScore}: DESIGN.md's contract).
 */
public enum ReviewTier {
  CITY("city", "市级初评", "Task_CityScoring"),
  PROVINCE("province", "省级复评", "Task_ProvinceScoring"),
  ARBITER("arbiter", "专家仲裁", "Task_Arbitrate");

  private final String prefix;
  private final String label;
  private final String taskKey;

  ReviewTier(String prefix, String label, String taskKey) {
    this.prefix = prefix;
    this.label = label;
    this.taskKey = taskKey;
  }

  public String label() {
    return label;
  }

  public String taskKey() {
    return taskKey;
  }

  public String scoreVariable() {
    return prefix + "Score";
  }

  public String vetoFailedVariable() {
    return prefix + "VetoFailed";
  }

  public String vetoItemsVariable() {
    return prefix + "VetoItems";
  }

  public String deductionsVariable() {
    return prefix + "Deductions";
  }

  public String opinionVariable() {
    return prefix + "Opinion";
  }

  public static ReviewTier ofTask(String taskKey) {
    for (ReviewTier t : values()) {
      if (t.taskKey.equals(taskKey)) {
        return t;
      }
    }
    throw new IllegalArgumentException("not a scoring task: " + taskKey);
  }
}
