package cn.ecolaw.platform.review;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a reviewer wrote on the scoring form against a version of the sheet: the yes/no answer on the veto
 * items with the codes of the failed ones, and the deductions, one a line as "项目代码 扣分 理由" (e.g.
 * {@code INV-03 2 询问笔录未载明执法证件号}). A deduction without a reason, an unknown item, or more points than the
 * item or its stage carries is refused.
 */
public final class ScoreCardParser {

  private static final Pattern LINE =
      Pattern.compile("^([A-Za-z]{2,5}-\\d{2})[\\s\\u3000]*(?:扣)?[\\s\\u3000]*(\\d+(?:\\.\\d)?)?[\\s\\u3000]*(?:分)?[\\s\\u3000：:，,、]*(.*)$");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000,，、;；]+");

  private ScoreCardParser() {}

  public static TierScore parse(ReviewTier tier, ScoringSheet sheet, Boolean vetoFailed, String vetoItems,
      String deductions) {
    List<SheetItem> failed = vetoItems(sheet, vetoItems);
    if (vetoFailed == null) {
      throw PlatformException.badRequest("REV-001", "请逐项判断是否存在一票否决情形");
    }
    if (vetoFailed && failed.isEmpty()) {
      throw PlatformException.badRequest("REV-001", "认定存在一票否决情形的，应当填写否决项目代码（如 VETO-02）");
    }
    if (!vetoFailed && !failed.isEmpty()) {
      throw PlatformException.badRequest("REV-001", "填写了否决项目，但未认定存在一票否决情形，请核对");
    }
    List<Deduction> list = deductions(sheet, deductions);
    BigDecimal total = ScoringSheetService.FULL_MARKS;
    for (Deduction d : list) {
      total = total.subtract(d.points());
    }
    return new TierScore(tier, sheet.version(), total, failed, list);
  }

  private static List<SheetItem> vetoItems(ScoringSheet sheet, String text) {
    Set<SheetItem> out = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    for (String code : SEPARATORS.split(text.trim())) {
      SheetItem item = sheet.item(code.toUpperCase())
          .orElseThrow(() -> PlatformException.badRequest("REV-002", "评查表中没有否决项目：" + code));
      if (!item.veto()) {
        throw PlatformException.badRequest("REV-002", code + " 不是一票否决项目，请在扣分栏中填写");
      }
      out.add(item);
    }
    return List.copyOf(out);
  }

  private static List<Deduction> deductions(ScoringSheet sheet, String text) {
    List<Deduction> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Map<String, BigDecimal> perItem = new HashMap<>();
    Map<ReviewStage, BigDecimal> perStage = new HashMap<>();
    int lineNo = 0;
    for (String raw : text.split("\\R")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      Deduction d = deduction(sheet, line, lineNo);
      BigDecimal item = perItem.merge(d.item().itemCode(), d.points(), BigDecimal::add);
      if (item.compareTo(d.item().maxPoints()) > 0) {
        throw PlatformException.badRequest("REV-005", "第" + lineNo + "行：" + d.item().itemCode() + " 合计扣"
            + ScoringSheet.points(item) + "分，超过该项分值" + ScoringSheet.points(d.item().maxPoints()) + "分");
      }
      ReviewStage stage = d.item().stage();
      BigDecimal sum = perStage.merge(stage, d.points(), BigDecimal::add);
      if (sum.compareTo(sheet.stagePoints(stage)) > 0) {
        throw PlatformException.badRequest("REV-006", "“" + stage.label() + "”环节合计扣"
            + ScoringSheet.points(sum) + "分，超过该环节分值" + ScoringSheet.points(sheet.stagePoints(stage)) + "分");
      }
      out.add(d);
    }
    return out;
  }

  private static Deduction deduction(ScoringSheet sheet, String line, int lineNo) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      throw PlatformException.badRequest("REV-004", "第" + lineNo + "行格式应为“项目代码 扣分 理由”，如：INV-03 2 询问笔录未载明执法证件号");
    }
    String code = m.group(1).toUpperCase();
    SheetItem item = sheet.item(code)
        .orElseThrow(() -> PlatformException.badRequest("REV-002", "第" + lineNo + "行：评查表第" + sheet.version()
            + "版中没有项目 " + code));
    if (item.veto()) {
      throw PlatformException.badRequest("REV-002", "第" + lineNo + "行：" + code + " 是一票否决项目，不扣分，请在否决项目栏填写");
    }
    if (m.group(2) == null) {
      throw PlatformException.badRequest("REV-004", "第" + lineNo + "行：请写明扣分分值");
    }
    BigDecimal points = new BigDecimal(m.group(2));
    if (points.signum() <= 0) {
      throw PlatformException.badRequest("REV-004", "第" + lineNo + "行：扣分应大于 0");
    }
    String reason = m.group(3).strip();
    if (reason.isEmpty()) {
      throw PlatformException.badRequest("REV-003", "第" + lineNo + "行：扣分必须写明理由（" + code + "）");
    }
    return new Deduction(item, points, reason);
  }
}
