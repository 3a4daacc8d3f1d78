package cn.ecolaw.platform.review;

import cn.ecolaw.platform.shared.PlatformException;

/** The stages of a penalty case file on the 100-point scoring sheet, in file order. */
public enum ReviewStage {
  FILING("立案"),
  INVESTIGATION("调查取证"),
  DISCRETION("自由裁量"),
  NOTICE_HEARING("告知与听证"),
  DECISION("处罚决定"),
  SERVICE("送达"),
  ENFORCEMENT("执行"),
  ARCHIVING("立卷归档");

  private final String label;

  ReviewStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ReviewStage parse(String code) {
    for (ReviewStage s : values()) {
      if (s.name().equals(code)) {
        return s;
      }
    }
    throw PlatformException.badRequest("REV-021", "未知的评查环节：" + code);
  }
}
