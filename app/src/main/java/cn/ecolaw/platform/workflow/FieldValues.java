package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.shared.Dates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The type half of a task's contract: parses a submitted value to the type its Camunda Form field declares, before
 * anything stores it. number → {@link Double}; checkbox and yes/no choices → {@link Boolean}; other choices → one of
 * the field's values ({@link String}); date → ISO date string (yyyy-MM-dd); text → {@link String} of at most
 * {@link #MAX_TEXT} characters (what Camunda's TEXT_ column holds) or the field's own smaller limit. Anything else
 * (objects, lists, numbers for text...) is refused with the field's code. Blank values are returned unchanged: whether
 * a field is required is the {@code cn.ecolaw.platform.engine.FormInputGuard}'s question. Parsing an already parsed value returns it unchanged,
 * so the engine door ({@code cn.ecolaw.platform.engine.EngineDoorGuard}) and the guard share one parser and a value is
 * converted once.
 */
public final class FieldValues {

  /** What Camunda's TEXT_ column (varchar 4000) holds: the upper limit of every text field. */
  public static final int MAX_TEXT = 4000;

  private FieldValues() {}

  public static Object parse(FormSchema.Field f, Object value) {
    if (isBlank(value)) {
      return value;
    }
    return switch (f.type()) {
      case "number" -> number(f, value);
      case "checkbox" -> bool(f, value);
      case "radio", "select" -> choice(f, value);
      case "datetime" -> date(f, value);
      case "textfield", "textarea" -> text(f, value);
      default -> scalar(f, value);
    };
  }

  /** The text limit of a field: its own maxLength, never more than {@link #MAX_TEXT}. */
  public static int textLimit(FormSchema.Field f) {
    return f.maxLength() == null ? MAX_TEXT : Math.min(f.maxLength(), MAX_TEXT);
  }

  static Double number(FormSchema.Field f, Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw Refusals.refuse("FORM-002", "“" + f.label() + "”应为数字");
      }
    } else {
      throw Refusals.refuse("FORM-002", "“" + f.label() + "”应为数字");
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw Refusals.refuse("FORM-002", "“" + f.label() + "”应为数字");
    }
    return number;
  }

  static Boolean bool(FormSchema.Field f, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Boolean.parseBoolean(text);
    }
    throw Refusals.refuse("FORM-005", "“" + f.label() + "”应为是或否");
  }

  static Object choice(FormSchema.Field f, Object value) {
    if (!(value instanceof String || value instanceof Boolean || value instanceof Number)) {
      throw Refusals.refuse("FORM-004", "“" + f.label() + "”的取值不在可选范围内");
    }
    String text = value.toString();
    if (f.values() != null && !f.values().isEmpty() && !f.values().contains(text)) {
      throw Refusals.refuse("FORM-004", "“" + f.label() + "”的取值“" + abbreviate(text) + "”不在可选范围内");
    }
    return f.booleanChoice() ? (Object) Boolean.parseBoolean(text) : text;
  }

  static String date(FormSchema.Field f, Object value) {
    if (value instanceof Date d) {
      return d.toInstant().atZone(Dates.ZONE).toLocalDate().toString();
    }
    if (!(value instanceof String text)) {
      throw Refusals.refuse("FORM-006", "“" + f.label() + "”不是有效日期（格式：年-月-日）");
    }
    try {
      LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return f.subtype() == null || "date".equals(f.subtype()) ? date.toString() : text;
    } catch (DateTimeParseException e) {
      throw Refusals.refuse("FORM-006", "“" + f.label() + "”不是有效日期（格式：年-月-日）");
    }
  }

  static String text(FormSchema.Field f, Object value) {
    if (!(value instanceof String text)) {
      throw Refusals.refuse("FORM-007", "“" + f.label() + "”应为文字");
    }
    int limit = textLimit(f);
    if (text.length() > limit) {
      throw Refusals.refuse("FORM-008", "“" + f.label() + "”不得超过" + limit + "个字");
    }
    return text;
  }

  static Object scalar(FormSchema.Field f, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    throw Refusals.refuse(UNSUPPORTED_CODE, unsupported(f.label()));
  }

  /** A value of a type no form field takes (object, list, JSON, serialized Java, file). */
  public static final String UNSUPPORTED_CODE = "FORM-021";

  public static String unsupported(String label) {
    return "“" + label + "”的值类型不受支持：只能提交文字、数字、日期或是否";
  }

  public static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }

  static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
