package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;

/** Tolerant reading of variable values that arrive as Integer, Long, Double, BigDecimal, String or Boolean. */
final class VariableValues {

  private VariableValues() {}

  static BigDecimal decimal(Object value, String label) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text);
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
