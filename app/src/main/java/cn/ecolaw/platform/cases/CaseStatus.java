package cn.ecolaw.platform.cases;

/** Where a case stands, in the words a clerk uses. */
public enum CaseStatus {
  FILING("立案审查"),
  INVESTIGATING("调查取证"),
  NOTICE("事先告知"),
  DECIDING("决定审批"),
  SERVING("送达"),
  PAYMENT("履行期"),
  REMINDER("催告"),
  AT_COURT("申请法院强制执行"),
  CLOSED("已结案");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
