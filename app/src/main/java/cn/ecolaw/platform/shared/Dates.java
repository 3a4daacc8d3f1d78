package cn.ecolaw.platform.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Dates as the platform counts them: China time, the engine's clock (so tests can move time). */
public final class Dates {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Dates() {}

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Reads a date variable: LocalDate, java.util.Date or "yyyy-MM-dd…" text; null stays null. */
  public static LocalDate toLocalDate(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZONE).toLocalDate();
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  public static Date startOfDay(LocalDate date) {
    return Date.from(date.atStartOfDay(ZONE).toInstant());
  }

  public static String chinese(LocalDate date) {
    return date == null ? null : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
