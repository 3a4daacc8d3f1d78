package cn.ecolaw.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loaded holiday notices, indexed for fast look-up: one byte per day from 1 January of the first year
 * with data to 31 December of the last, telling whether the day is a working day, a day off, or falls in a
 * year without data. Immutable and thread-safe once built.
 */
public final class HolidayCalendarData {

  private static final byte NO_DATA = 0;
  private static final byte WORKING = 1;
  private static final byte REST = 2;

  private final Map<Integer, CalendarYear> years;
  private final long firstEpochDay;
  private final byte[] days;

  public HolidayCalendarData(Collection<CalendarYear> notices) {
    if (notices.isEmpty()) {
      throw new InvalidCalendarDataException("没有任何年份的节假日数据，无法计算工作日期限");
    }
    Map<Integer, CalendarYear> byYear = new TreeMap<>();
    for (CalendarYear notice : notices) {
      CalendarYearValidator.validate(notice.year() + ".json", notice);
      if (byYear.put(notice.year(), notice) != null) {
        throw new InvalidCalendarDataException("节假日数据中" + notice.year() + "年出现了不止一次");
      }
    }
    this.years = Collections.unmodifiableMap(byYear);
    int firstYear = ((TreeMap<Integer, CalendarYear>) byYear).firstKey();
    int lastYear = ((TreeMap<Integer, CalendarYear>) byYear).lastKey();
    this.firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
    long lastEpochDay = LocalDate.of(lastYear, 12, 31).toEpochDay();
    this.days = new byte[Math.toIntExact(lastEpochDay - firstEpochDay + 1)];
    byYear.values().forEach(this::index);
  }

  private void index(CalendarYear notice) {
    LocalDate day = LocalDate.of(notice.year(), 1, 1);
    while (day.getYear() == notice.year()) {
      days[slot(day)] = isWeekend(day) ? REST : WORKING;
      day = day.plusDays(1);
    }
    notice.holidays().forEach(h -> days[slot(h.date())] = REST);
    notice.workdays().forEach(w -> days[slot(w.date())] = WORKING);
  }

  /** Whether the day is a working day; refuses (CAL-002) a day in a year without data. */
  public boolean isWorkingDay(LocalDate date) {
    return isWorkingEpochDay(date.toEpochDay());
  }

  /** As {@link #isWorkingDay(LocalDate)}, for a day given as {@link LocalDate#toEpochDay()}. */
  boolean isWorkingEpochDay(long epochDay) {
    long slot = epochDay - firstEpochDay;
    byte state = slot >= 0 && slot < days.length ? days[(int) slot] : NO_DATA;
    if (state == NO_DATA) {
      throw CalendarErrors.missingYear(LocalDate.ofEpochDay(epochDay).getYear());
    }
    return state == WORKING;
  }

  /** The notice of one year; refuses (CAL-002) a year without data. */
  public CalendarYear year(int year) {
    CalendarYear notice = years.get(year);
    if (notice == null) {
      throw CalendarErrors.missingYear(year);
    }
    return notice;
  }

  /** The years that have data, ascending. */
  public java.util.Set<Integer> years() {
    return years.keySet();
  }

  private int slot(LocalDate day) {
    return (int) (day.toEpochDay() - firstEpochDay);
  }

  private static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
