package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.shared.PlatformException;
import java.util.Map;

/** Reading the loosely typed values of forms and JSON (strings "true"/"false", numbers as text). */
final class InjunctionValues {

  private InjunctionValues() {}

  static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }

  static String text(Object v) {
    return blank(v) ? null : v.toString().trim();
  }

  /** true/false, "true"/"false"; anything else is refused with {@code code}. */
  static boolean flag(Object v, String code, String label) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v != null && (v.toString().equals("true") || v.toString().equals("false"))) {
      return Boolean.parseBoolean(v.toString());
    }
    throw PlatformException.badRequest(code, "请选择“" + label + "”（是或否）");
  }

  /** A number or numeric text; null when blank. */
  static Double number(Object v, String code, String label) {
    if (blank(v)) {
      return null;
    }
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else {
      try {
        d = Double.parseDouble(v.toString().trim());
      } catch (NumberFormatException e) {
        throw PlatformException.badRequest(code, "“" + label + "”应为数字");
      }
    }
    if (!Double.isFinite(d) || Math.abs(d) > 1e15) {
      throw PlatformException.badRequest(code, "“" + label + "”不是合理的数字");
    }
    return d;
  }

  static String label(Map<String, String> codes, Object code) {
    return code == null ? "" : codes.getOrDefault(code.toString(), code.toString());
  }
}
