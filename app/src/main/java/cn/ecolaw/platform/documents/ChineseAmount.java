package cn.ecolaw.platform.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money in Chinese capital numerals (大写金额) as written on penalty documents: 150000 → 壹拾伍万元整,
 * 1000001 → 壹佰万零壹元整, 0.5 → 伍角, 150000.05 → 壹拾伍万元零伍分. Amounts are rounded to the fen (分).
 */
public final class ChineseAmount {

  private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  private static final String[] UNITS = {"", "拾", "佰", "仟"};
  private static final String[] GROUPS = {"", "万", "亿", "万亿"};
  private static final BigDecimal LIMIT = new BigDecimal("10000000000000000");

  private ChineseAmount() {}

  /** The capital form, e.g. 壹拾伍万元整. */
  public static String toCapital(BigDecimal amount) {
    if (amount == null) {
      throw new IllegalArgumentException("金额不能为空");
    }
    BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP);
    if (fen.abs().compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("金额超出可书写范围：" + amount.toPlainString());
    }
    String sign = fen.signum() < 0 ? "负" : "";
    BigDecimal abs = fen.abs();
    long yuan = abs.setScale(0, RoundingMode.DOWN).longValueExact();
    int cents = abs.subtract(BigDecimal.valueOf(yuan)).movePointRight(2).intValueExact();
    int jiao = cents / 10;
    int f = cents % 10;
    StringBuilder out = new StringBuilder(sign);
    if (yuan > 0) {
      out.append(integerPart(yuan)).append('元');
    }
    if (jiao == 0 && f == 0) {
      return yuan > 0 ? out.append('整').toString() : sign + "零元整";
    }
    if (jiao > 0) {
      out.append(DIGITS[jiao]).append('角');
    } else if (yuan > 0) {
      out.append('零');
    }
    if (f > 0) {
      out.append(DIGITS[f]).append('分');
    }
    return out.toString();
  }

  /** The full text used in documents: 人民币壹拾伍万元整（¥150,000.00）. */
  public static String toText(BigDecimal amount) {
    return "人民币" + toCapital(amount) + "（¥" + toFigures(amount) + "）";
  }

  /** Figures with thousands separators and two decimals: 150,000.00. */
  public static String toFigures(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  private static String integerPart(long value) {
    String digits = Long.toString(value);
    StringBuilder out = new StringBuilder();
    boolean zeroPending = false;
    int length = digits.length();
    for (int i = 0; i < length; i++) {
      int digit = digits.charAt(i) - '0';
      int position = length - 1 - i;
      if (digit == 0) {
        zeroPending = out.length() > 0;
      } else {
        if (zeroPending) {
          out.append('零');
          zeroPending = false;
        }
        out.append(DIGITS[digit]).append(UNITS[position % 4]);
      }
      if (position % 4 == 0 && position > 0 && groupHasValue(digits, i)) {
        out.append(GROUPS[position / 4]);
      }
    }
    return out.toString();
  }

  /** Whether the four-digit group ending at index {@code end} holds any non-zero digit. */
  private static boolean groupHasValue(String digits, int end) {
    for (int i = Math.max(0, end - 3); i <= end; i++) {
      if (digits.charAt(i) != '0') {
        return true;
      }
    }
    return false;
  }
}
