package cn.ecolaw.platform.appraisal;

/** The 7 categories of environmental-damage appraisal (环境损害司法鉴定执业分类). */
public enum AppraisalCategory {
  POLLUTANT("污染物性质"),
  SURFACE_WATER("地表水与沉积物"),
  AIR("空气污染"),
  SOIL_GROUNDWATER("土壤与地下水"),
  MARINE("近岸海洋与海岸带"),
  ECOSYSTEM("生态系统"),
  OTHER("其他");

  private final String label;

  AppraisalCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static AppraisalCategory of(Object code) {
    for (AppraisalCategory c : values()) {
      if (c.name().equals(String.valueOf(code))) {
        return c;
      }
    }
    return null;
  }
}
