package cn.ecolaw.platform.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Turns the loosely typed start values that BPMN expressions pass ({@link Date} process variables, ISO
 * strings, {@code java.time} values, or nothing) into a day or an instant in China time.
 */
final class CalendarInputs {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private CalendarInputs() {}

  /** Parses {@code YYYY-MM-DD}; refuses anything else with CAL-003. */
  static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      throw CalendarErrors.malformedDate(String.valueOf(text));
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw CalendarErrors.malformedDate(text);
    }
  }

  /** The calendar day (China time) of {@code value}; {@code null} means today. */
  static LocalDate toDate(Object value, Clock clock) {
    if (value == null) {
      return LocalDate.now(clock.withZone(CHINA));
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date sqlDate) {
      return sqlDate.toLocalDate();
    }
    if (value instanceof CharSequence text && isDateOnly(text.toString())) {
      return parseDate(text.toString());
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    return LocalDate.ofInstant(toInstant(value, clock), CHINA);
  }

  /** The instant of {@code value}; a bare day means its start (00:00 China time); {@code null} means now. */
  static Instant toInstant(Object value, Clock clock) {
    if (value == null) {
      return clock.instant();
    }
    if (value instanceof java.sql.Date sqlDate) {
      return sqlDate.toLocalDate().atStartOfDay(CHINA).toInstant();
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(CHINA).toInstant();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.atZone(CHINA).toInstant();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (value instanceof CharSequence text) {
      return parseInstant(text.toString().trim());
    }
    throw CalendarErrors.unsupportedDateType(value);
  }

  private static boolean isDateOnly(String text) {
    return text.trim().length() <= 10;
  }

  /** {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM[:SS]} (China time) or an ISO date-time with offset. */
  private static Instant parseInstant(String text) {
    if (isDateOnly(text)) {
      return parseDate(text).atStartOfDay(CHINA).toInstant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(CHINA).toInstant();
      } catch (DateTimeParseException e) {
        throw CalendarErrors.malformedDate(text);
      }
    }
  }
}
