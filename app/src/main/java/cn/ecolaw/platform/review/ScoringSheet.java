package cn.ecolaw.platform.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One published version of the scoring sheet (评查表): veto items plus the 100-point items by stage. */
public record ScoringSheet(int version, String note, String publishedBy, Instant publishedAt, List<SheetItem> items) {

  public Optional<SheetItem> item(String code) {
    return items.stream().filter(i -> i.itemCode().equals(code)).findFirst();
  }

  public List<SheetItem> vetoItems() {
    return items.stream().filter(SheetItem::veto).toList();
  }

  public List<SheetItem> pointItems() {
    return items.stream().filter(i -> !i.veto()).toList();
  }

  /** The points of a stage: the sum of its items' maxima. */
  public BigDecimal stagePoints(ReviewStage stage) {
    return pointItems().stream().filter(i -> i.stage() == stage).map(SheetItem::maxPoints)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The sheet as the scoring form shows it (Markdown): veto items, then each stage with its items and points. */
  public String asMarkdown() {
    StringBuilder s = new StringBuilder("**评查表第 " + version + " 版**\n\n**一票否决项**（存在任一项即为不合格）：\n\n");
    vetoItems().forEach(i -> s.append("- ").append(i.itemCode()).append(' ').append(i.itemName()).append('\n'));
    s.append("\n**百分制评分项**（扣分格式：项目代码 扣分 理由，每行一项）：\n\n");
    for (ReviewStage stage : ReviewStage.values()) {
      List<SheetItem> items = pointItems().stream().filter(i -> i.stage() == stage).toList();
      if (items.isEmpty()) {
        continue;
      }
      s.append("- ").append(stage.label()).append("（").append(points(stagePoints(stage))).append("分）：")
          .append(items.stream().map(i -> i.itemCode() + " " + i.itemName() + "（" + points(i.maxPoints()) + "分）")
              .collect(Collectors.joining("；")))
          .append('\n');
    }
    return s.toString();
  }

  static String points(BigDecimal p) {
    return p.stripTrailingZeros().toPlainString();
  }
}
