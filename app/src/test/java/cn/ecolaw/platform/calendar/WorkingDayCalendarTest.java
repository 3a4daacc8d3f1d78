package cn.ecolaw.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadline arithmetic against the real 2025 and 2026 holiday files. */
class WorkingDayCalendarTest {

  private static final HolidayCalendarData DATA =
      new CalendarDataLoader().load(CalendarDataLoader.DEFAULT_LOCATION);
  /** Friday 2026-11-20, 10:00 in Beijing. */
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  private final WorkingDayCalendar calendar = new WorkingDayCalendar(DATA, NOW);

  private static Date beijing(String isoLocalDateTime) {
    return Date.from(OffsetDateTime.parse(isoLocalDateTime + "+08:00").toInstant());
  }

  @ParameterizedTest(name = "{0} is a working day: {1} ({2})")
  @CsvSource({
    "2025-01-26, true,  春节调休上班的周日",
    "2025-02-08, true,  春节调休上班的周六",
    "2025-02-04, false, 春节假期中的周二",
    "2025-10-08, false, 国庆中秋假期中的周三",
    "2025-10-11, true,  国庆调休上班的周六",
    "2026-01-04, true,  元旦调休上班的周日",
    "2026-02-23, false, 春节假期最后一天（周一）",
    "2026-02-28, true,  春节调休上班的周六",
    "2026-03-07, false, 普通周六",
    "2026-03-09, true,  普通周一",
    "2026-06-19, false, 端午节（周五）",
    "2026-09-25, false, 中秋节（周五）",
  })
  void knowsWorkingDays(LocalDate date, boolean working, String why) {
    assertThat(calendar.isWorkingDay(date)).as(why).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
  @CsvSource({
    "2025-09-30,  1, 2025-10-09, 国庆中秋8天假期整体跳过",
    "2025-09-26,  1, 2025-09-28, 调休上班的周日计入",
    "2025-02-07,  1, 2025-02-08, 调休上班的周六计入",
    "2025-01-24,  1, 2025-01-26, 春节前调休上班的周日计入",
    "2025-01-27,  1, 2025-02-05, 2025年春节假期跳过",
    "2026-02-13,  1, 2026-02-14, 2026年春节前调休上班的周六",
    "2026-02-14,  1, 2026-02-24, 2026年春节9天假期跳过",
    "2026-02-13,  3, 2026-02-25, 跨越2026年春节",
    "2026-02-27,  1, 2026-02-28, 2026年春节后调休上班的周六",
    "2026-03-06,  1, 2026-03-09, 普通周末跳过",
    "2026-04-03,  1, 2026-04-07, 清明节跳过",
    "2026-04-30,  1, 2026-05-06, 劳动节跳过",
    "2026-05-08,  1, 2026-05-09, 劳动节后调休上班的周六",
    "2025-12-31,  1, 2026-01-04, 跨年：元旦假期后调休上班的周日",
    "2025-12-26,  5, 2026-01-05, 跨年：12月29-31日加1月4日、5日",
    "2025-09-26, 10, 2025-10-16, 国庆前送达催告书后10个工作日（行政强制法第54条）",
    "2026-09-18, 10, 2026-10-09, 2026年中秋、国庆前送达催告书后10个工作日",
    "2026-03-02,  7, 2026-03-11, 普通周的7个工作日",
    "2025-10-01,  0, 2025-10-01, 0个工作日返回起算日本身",
    "2024-12-31,  1, 2025-01-02, 起算日所在年份无需数据，从次日起算",
  })
  void addsWorkingDays(LocalDate from, int days, LocalDate expected, String why) {
    assertThat(calendar.addWorkingDays(from, days)).as(why).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1} calendar days = {2} ({3})")
  @CsvSource({
    "2026-03-02, 15, 2026-03-17, 届满日是工作日，不顺延",
    "2026-09-16, 15, 2026-10-08, 缴款期限届满日在国庆假期，顺延至假期后第一个工作日",
    "2025-09-23, 15, 2025-10-09, 届满日10月8日为假期，顺延",
    "2026-03-06, 15, 2026-03-23, 届满日为普通周六，顺延至周一",
    "2026-02-13, 15, 2026-02-28, 届满日为调休上班的周六，不顺延",
    "2025-11-04, 60, 2026-01-04, 复议期限届满日在元旦假期，顺延至调休上班的周日",
    "2025-10-01,  0, 2025-10-09, 0天期限落在假期也顺延",
  })
  void addsCalendarDaysWithHolidayExtension(LocalDate from, int days, LocalDate expected, String why) {
    assertThat(calendar.addCalendarDays(from, days)).as(why).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1} months = {2} ({3})")
  @CsvSource({
    "2025-03-10, 3, 2025-06-10, 对应日为工作日",
    "2025-07-01, 3, 2025-10-09, 对应日为国庆，顺延",
    "2025-08-15, 6, 2026-02-24, 对应日在春节假期，顺延",
    "2025-08-31, 3, 2025-12-01, 无对应日取月末11月30日（周日），顺延",
    "2025-08-31, 6, 2026-02-28, 无对应日取月末，2月28日为调休上班的周六，不顺延",
  })
  void addsMonthsWithHolidayExtension(LocalDate from, int months, LocalDate expected, String why) {
    assertThat(calendar.addMonths(from, months)).as(why).isEqualTo(expected);
  }

  @Nested
  class MissingYear {

    @Test
    void dayInAYearWithoutDataIsRefused() {
      assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2028, 1, 4)))
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.getCode()).isEqualTo("CAL-002");
            assertThat(e.getStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("缺少2028年节假日数据");
          });
    }

    @Test
    void workingDaysRunningIntoAYearWithoutDataAreRefusedNotGuessed() {
      assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2027, 12, 28), 5))
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.getCode()).isEqualTo("CAL-002");
            assertThat(e.getMessage()).contains("2028");
          });
    }

    @Test
    void workingDaysEndingOnTheLastDayWithDataAreFine() {
      assertThat(calendar.addWorkingDays(LocalDate.of(2027, 12, 28), 3)).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void calendarPeriodEndingInAYearWithoutDataIsRefused() {
      assertThatThrownBy(() -> calendar.addCalendarDays(LocalDate.of(2027, 12, 1), 60))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-002"));
    }

    @Test
    void yearBeforeTheFirstFileIsRefusedToo() {
      assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2024, 12, 31)))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getMessage()).contains("缺少2024年"));
    }
  }

  @ParameterizedTest(name = "{0} days are refused")
  @CsvSource({"-1", "3651", "-2147483648"})
  void refusesPeriodsOutOfRange(int days) {
    LocalDate from = LocalDate.of(2026, 3, 2);
    assertThatThrownBy(() -> calendar.addWorkingDays(from, days))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-001"));
    assertThatThrownBy(() -> calendar.addCalendarDays(from, days))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-001"));
  }

  @Test
  void refusesNegativeMonthsAndHours() {
    assertThatThrownBy(() -> calendar.addMonths(LocalDate.of(2026, 3, 2), -1))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-001"));
    assertThatThrownBy(() -> calendar.dueAfterHours(null, -1))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-001"));
  }

  @Nested
  class TimerDueDates {

    @Test
    void dueAtTheEndOfTheDueDayInBeijing() {
      assertThat(calendar.dueAfterWorkingDays("2025-09-30", 1)).isEqualTo(beijing("2025-10-09T23:59:59"));
    }

    @Test
    void acceptsLocalDateAndSqlDate() {
      assertThat(calendar.dueAfterWorkingDays(LocalDate.of(2025, 9, 30), 1)).isEqualTo(beijing("2025-10-09T23:59:59"));
      assertThat(calendar.dueAfterWorkingDays(java.sql.Date.valueOf("2025-09-30"), 1))
          .isEqualTo(beijing("2025-10-09T23:59:59"));
    }

    @Test
    void aDateVariableCountsFromItsDayInBeijingNotInUtc() {
      // 01:00 on 9 October in Beijing is still 8 October in UTC: counting must start from 9 October.
      assertThat(calendar.dueAfterWorkingDays(beijing("2025-10-09T01:00:00"), 1))
          .isEqualTo(beijing("2025-10-10T23:59:59"));
    }

    @Test
    void nothingMeansToday() {
      // Friday 2026-11-20 + 1 working day = Monday 2026-11-23.
      assertThat(calendar.dueAfterWorkingDays(null, 1)).isEqualTo(beijing("2026-11-23T23:59:59"));
    }

    @Test
    void calendarDaysAndMonthsAreExtendedPastHolidays() {
      assertThat(calendar.dueAfterCalendarDays("2026-09-16", 15)).isEqualTo(beijing("2026-10-08T23:59:59"));
      assertThat(calendar.dueAfterMonths("2025-07-01", 3)).isEqualTo(beijing("2025-10-09T23:59:59"));
    }

    @Test
    void hoursIgnoreTheCalendar() {
      // The 48-hour injunction clock runs through the Spring Festival.
      assertThat(calendar.dueAfterHours(beijing("2026-02-14T10:00:00"), 48)).isEqualTo(beijing("2026-02-16T10:00:00"));
      assertThat(calendar.dueAfterHours("2026-02-14T10:00:00", 48)).isEqualTo(beijing("2026-02-16T10:00:00"));
      assertThat(calendar.dueAfterHours("2026-02-14", 48)).isEqualTo(beijing("2026-02-16T00:00:00"));
      assertThat(calendar.dueAfterHours(null, 48)).isEqualTo(beijing("2026-11-22T10:00:00"));
    }

    @Test
    void refusesMalformedAndUnknownStartValues() {
      assertThatThrownBy(() -> calendar.dueAfterWorkingDays("2025/09/30", 1))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-003"));
      assertThatThrownBy(() -> calendar.dueAfterWorkingDays("2025-02-30", 1))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-003"));
      assertThatThrownBy(() -> calendar.dueAfterWorkingDays(20250930, 1))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("CAL-004"));
    }
  }
}
