package cn.ecolaw.platform.review;

import java.math.BigDecimal;

/** One deduction on the scoring sheet: the item, the points taken off and the reviewer's reason. */
public record Deduction(SheetItem item, BigDecimal points, String reason) {

  /** "INV-02 调查询问笔录规范完整 扣2分：询问笔录未载明执法证件号" */
  public String describe() {
    return item.itemCode() + " " + item.itemName() + " 扣" + ScoringSheet.points(points) + "分：" + reason;
  }
}
