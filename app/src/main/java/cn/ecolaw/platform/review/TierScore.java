package cn.ecolaw.platform.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** What one tier gave the case file: the total (100 minus deductions), the failed veto items and the deductions. */
public record TierScore(ReviewTier tier, int sheetVersion, BigDecimal total, List<SheetItem> failedVetoItems,
    List<Deduction> deductions) {

  public boolean vetoFailed() {
    return !failedVetoItems.isEmpty();
  }

  public String vetoCodes() {
    return failedVetoItems.stream().map(SheetItem::itemCode).collect(Collectors.joining(","));
  }

  /** Every finding as text, one a line: veto items first, then the deductions. */
  public String findingsText() {
    List<String> lines = new java.util.ArrayList<>();
    failedVetoItems.forEach(i -> lines.add(i.itemCode() + " " + i.itemName() + "（一票否决）"));
    deductions.forEach(d -> lines.add(d.describe()));
    return lines.isEmpty() ? "无" : String.join("\n", lines);
  }
}
