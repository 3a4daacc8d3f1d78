package cn.ecolaw.platform.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Statutory deadlines under the Chinese working-day calendar (State Council holiday notices with their
 * make-up working weekends, loaded from {@code calendar/<year>.json}).
 *
 * <ul>
 *   <li>"N 日" of the APL (Art. 85) and "十日以内" of the ACEL (Art. 69) are working days:
 *       {@link #addWorkingDays}.
 *   <li>Other periods are calendar days or months; a period whose last day is not a working day ends on the
 *       next working day (法定期间届满日遇节假日顺延): {@link #addCalendarDays}, {@link #addMonths}.
 * </ul>
 *
 * A day in a year without data is refused with {@code CAL-002}, never guessed as Monday–Friday. The
 * {@code dueAfter...} methods serve BPMN timers, e.g.
 * {@code <timeDate>${workingDayCalendar.dueAfterWorkingDays(servedAt, 10)}</timeDate>}.
 */
@Component("workingDayCalendar")
public class WorkingDayCalendar {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final HolidayCalendarData data;
  private final Clock clock;

  @Autowired
  public WorkingDayCalendar(HolidayCalendarData data) {
    this(data, Clock.system(CalendarInputs.CHINA));
  }

  public WorkingDayCalendar(HolidayCalendarData data, Clock clock) {
    this.data = Objects.requireNonNull(data, "data");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return data.isWorkingDay(date);
  }

  /** The Nth working day after {@code from} (counting starts the day after from). days >= 0; days==0 returns from. */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    Objects.requireNonNull(from, "from");
    requireRange("天", days, CalendarErrors.MAX_DAYS);
    if (days == 0) {
      return from;
    }
    long day = from.toEpochDay();
    int remaining = days;
    while (remaining > 0) {
      day++;
      if (data.isWorkingEpochDay(day)) {
        remaining--;
      }
    }
    return LocalDate.ofEpochDay(day);
  }

  /**
   * Calendar-day period (15 days, 60 days): from + days; if that last day is not a working day, the period
   * ends on the next working day (法定期间届满日遇节假日顺延).
   */
  public LocalDate addCalendarDays(LocalDate from, int days) {
    Objects.requireNonNull(from, "from");
    requireRange("天", days, CalendarErrors.MAX_DAYS);
    return onOrAfterNextWorkingDay(from.plusDays(days));
  }

  /**
   * Month period (3 months, 6 months): the same day of the month {@code months} later (the month's last day
   * where it has no such day), extended to the next working day like {@link #addCalendarDays}.
   */
  public LocalDate addMonths(LocalDate from, int months) {
    Objects.requireNonNull(from, "from");
    requireRange("月", months, CalendarErrors.MAX_MONTHS);
    return onOrAfterNextWorkingDay(from.plusMonths(months));
  }

  /** {@code date} itself if it is a working day, else the first working day after it. */
  public LocalDate onOrAfterNextWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    long day = date.toEpochDay();
    while (!data.isWorkingEpochDay(day)) {
      day++;
    }
    return LocalDate.ofEpochDay(day);
  }

  /** End (23:59:59 Asia/Shanghai) of {@link #addWorkingDays}; from: Date, LocalDate, ISO String; null = today. */
  public Date dueAfterWorkingDays(Object from, int days) {
    return endOf(addWorkingDays(CalendarInputs.toDate(from, clock), days));
  }

  /** End (23:59:59 Asia/Shanghai) of {@link #addCalendarDays}; from: Date, LocalDate, ISO String; null = today. */
  public Date dueAfterCalendarDays(Object from, int days) {
    return endOf(addCalendarDays(CalendarInputs.toDate(from, clock), days));
  }

  /** End (23:59:59 Asia/Shanghai) of {@link #addMonths}; from: Date, LocalDate, ISO String; null = today. */
  public Date dueAfterMonths(Object from, int months) {
    return endOf(addMonths(CalendarInputs.toDate(from, clock), months));
  }

  /**
   * Plain hours, no calendar (the 48-hour injunction clock). from: an instant (Date, ISO date-time String);
   * a bare day (LocalDate, "YYYY-MM-DD") counts from its start, 00:00 Asia/Shanghai; null = now.
   */
  public Date dueAfterHours(Object from, int hours) {
    requireRange("小时", hours, CalendarErrors.MAX_HOURS);
    return Date.from(CalendarInputs.toInstant(from, clock).plus(Duration.ofHours(hours)));
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(CalendarInputs.CHINA).toInstant());
  }

  private static void requireRange(String unit, int value, int max) {
    if (value < 0 || value > max) {
      throw CalendarErrors.periodOutOfRange(unit, value, max);
    }
  }
}
