package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;

/** Tolerant reading of variable values that arrive as Integer, Long, Double, BigDecimal, String or Boolean. */
final class VariableValues {

  /** Larger than any fine, investment or ratio the platform handles (and than a double holds exactly). */
  private static final BigDecimal MAX = new BigDecimal("1e15");

  private VariableValues() {}

  static BigDecimal decimal(Object value, String label) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      if (d.abs().compareTo(MAX) > 0) {
        throw PlatformException.badRequest("DISC-008", label + "超出合理范围：" + d.toPlainString());
      }
      return d;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw PlatformException.badRequest("DISC-008", label + "不是有效的数字：" + value);
      }
      if (Math.abs(d) > MAX.doubleValue()) {
        throw PlatformException.badRequest("DISC-008", label + "超出合理范围：" + value);
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if (d.abs().compareTo(MAX) > 0) {
        throw PlatformException.badRequest("DISC-008", label + "超出合理范围：" + n);
      }
      return d;
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(text);
      if (d.abs().compareTo(MAX) > 0) {
        throw PlatformException.badRequest("DISC-008", label + "超出合理范围：" + text);
      }
      return d;
    } catch (NumberFormatException e) {
      throw PlatformException.badRequest("DISC-008", label + "不是有效的数字：" + text);
    }
  }

  static Integer integer(Object value, String label) {
    BigDecimal d = decimal(value, label);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw PlatformException.badRequest("DISC-008", label + "必须是整数：" + d.toPlainString());
    }
  }

  static boolean bool(Object value, String label) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim().toLowerCase();
    return switch (text) {
      case "true", "是", "1", "yes" -> true;
      case "false", "否", "0", "no", "" -> false;
      default -> throw PlatformException.badRequest("DISC-008", label + "必须是“是”或“否”：" + value);
    };
  }
}
