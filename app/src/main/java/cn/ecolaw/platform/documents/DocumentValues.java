package cn.ecolaw.platform.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the caller's data into the text of a placeholder. Rules:
 * <ul>
 *   <li>a missing or null key renders as a blank line {@value #BLANK} that a clerk fills by hand;
 *       an empty string renders as nothing (e.g. no hearing right);</li>
 *   <li>numbers are money: {@code ${X}} → 150,000.00, {@code ${XUpper}} → 壹拾伍万元整,
 *       {@code ${XText}} → 人民币壹拾伍万元整（¥150,000.00）;</li>
 *   <li>dates (LocalDate, Date, ...) → 2026年11月22日, date-times → 2026年11月22日9时30分;
 *       {@code ${XCn}} → 二〇二六年十一月二十二日 (the date under a court's seal, in Chinese numerals);</li>
 *   <li>collections → one line per element; booleans → 是/否; line breaks → separate paragraphs;</li>
 *   <li>everything is plain text: characters that XML cannot carry are dropped.</li>
 * </ul>
 */
final class DocumentValues {

  static final String BLANK = "________";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final Map<String, ?> data;

  DocumentValues(Map<String, ?> data) {
    this.data = data == null ? Map.of() : data;
  }

  /** The text for {@code ${key}}; never null. */
  String resolve(String key) {
    Object value = data.get(key);
    if (value != null) {
      return format(value);
    }
    if (key.endsWith("Upper")) {
      BigDecimal amount = amount(key.substring(0, key.length() - "Upper".length()));
      return amount == null ? BLANK : ChineseAmount.toCapital(amount);
    }
    if (key.endsWith("Cn") && key.length() > 2) {
      Object date = data.get(key.substring(0, key.length() - 2));
      String chinese = date == null ? null : chineseDate(format(date));
      return chinese == null ? BLANK : chinese;
    }
    if (key.endsWith("Text")) {
      BigDecimal amount = amount(key.substring(0, key.length() - "Text".length()));
      return amount == null ? BLANK : ChineseAmount.toText(amount);
    }
    return BLANK;
  }

  private BigDecimal amount(String key) {
    Object value = data.get(key);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (value instanceof CharSequence text && NUMBER.matcher(text.toString().trim()).matches()) {
      return new BigDecimal(text.toString().trim());
    }
    return null;
  }

  static String format(Object value) {
    if (value instanceof Number number) {
      return ChineseAmount.toFigures(new BigDecimal(number.toString()));
    }
    if (value instanceof Boolean flag) {
      return flag ? "是" : "否";
    }
    if (value instanceof LocalDate date) {
      return date(date);
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime(dateTime);
    }
    if (value instanceof java.sql.Date sqlDate) {
      return date(sqlDate.toLocalDate());
    }
    if (value instanceof Date date) {
      return date(date.toInstant().atZone(ZONE).toLocalDate());
    }
    if (value instanceof Instant instant) {
      return dateTime(instant.atZone(ZONE).toLocalDateTime());
    }
    if (value instanceof ZonedDateTime zoned) {
      return dateTime(zoned.withZoneSameInstant(ZONE).toLocalDateTime());
    }
    if (value instanceof OffsetDateTime offset) {
      return dateTime(offset.atZoneSameInstant(ZONE).toLocalDateTime());
    }
    if (value instanceof Collection<?> items) {
      return items.stream().filter(item -> item != null).map(DocumentValues::format)
          .collect(Collectors.joining("\n"));
    }
    if (value instanceof TemporalAccessor other) {
      return clean(other.toString());
    }
    return clean(value.toString());
  }

  private static final Pattern DATE = Pattern.compile("(\\d{4})[年\\-/](\\d{1,2})[月\\-/](\\d{1,2})日?");
  private static final String DIGITS = "〇一二三四五六七八九";

  /** 2026年12月1日 or 2026-12-01 → 二〇二六年十二月一日; null when the text is no date. */
  static String chineseDate(String text) {
    java.util.regex.Matcher m = DATE.matcher(text);
    if (!m.find()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (char c : m.group(1).toCharArray()) {
      out.append(DIGITS.charAt(c - '0'));
    }
    return out.append('年').append(upTo31(Integer.parseInt(m.group(2)))).append('月')
        .append(upTo31(Integer.parseInt(m.group(3)))).append('日').toString();
  }

  private static String upTo31(int n) {
    if (n < 10) {
      return String.valueOf(DIGITS.charAt(n));
    }
    String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
    return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
  }

  static String date(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private static String dateTime(LocalDateTime dateTime) {
    String time = dateTime.getMinute() == 0
        ? dateTime.getHour() + "时"
        : dateTime.getHour() + "时" + dateTime.getMinute() + "分";
    return date(dateTime.toLocalDate()) + time;
  }

  /** Plain text only: CR/LF normalised to LF, tabs to a space, characters XML 1.0 cannot carry dropped. */
  static String clean(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    StringBuilder out = new StringBuilder(normalised.length());
    normalised.codePoints().forEach(cp -> {
      boolean allowed = cp == '\n'
          || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (allowed) {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
