package cn.ecolaw.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one holiday data file before it is used. A file that fails is a deployment error, so the messages
 * name the file and the offending date.
 */
final class CalendarYearValidator {

  private CalendarYearValidator() {}

  static void validate(String fileName, CalendarYear data) {
    if (data.year() == null) {
      throw invalid(fileName, "缺少 year 字段");
    }
    int year = data.year();
    String expectedName = year + ".json";
    if (fileName != null && !fileName.equals(expectedName)) {
      throw invalid(fileName, "文件名应为 " + expectedName);
    }
    if (isBlank(data.source())) {
      throw invalid(fileName, "缺少 source 字段（国务院办公厅通知名称及文号）");
    }
    if (data.holidays() == null || data.holidays().isEmpty()) {
      throw invalid(fileName, "缺少 holidays（放假日期）");
    }
    if (data.workdays() == null) {
      throw invalid(fileName, "缺少 workdays（调休上班日期，没有则写 []）");
    }
    Set<LocalDate> holidays = checkDays(fileName, year, "holidays", data.holidays());
    Set<LocalDate> workdays = checkDays(fileName, year, "workdays", data.workdays());
    for (LocalDate workday : workdays) {
      if (holidays.contains(workday)) {
        throw invalid(fileName, workday + " 同时列为放假日和调休上班日");
      }
      if (!isWeekend(workday)) {
        throw invalid(fileName, workday + " 列为调休上班日，但它不是周六或周日");
      }
    }
  }

  private static Set<LocalDate> checkDays(String fileName, int year, String field, List<CalendarDay> days) {
    Set<LocalDate> seen = new HashSet<>();
    for (CalendarDay day : days) {
      if (day == null || day.date() == null) {
        throw invalid(fileName, field + " 中有缺少 date 的条目");
      }
      if (isBlank(day.name())) {
        throw invalid(fileName, field + " 中 " + day.date() + " 缺少 name（节日名称）");
      }
      if (day.date().getYear() != year) {
        throw invalid(fileName, field + " 中 " + day.date() + " 不属于" + year + "年");
      }
      if (!seen.add(day.date())) {
        throw invalid(fileName, field + " 中 " + day.date() + " 重复出现");
      }
    }
    return seen;
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static InvalidCalendarDataException invalid(String fileName, String problem) {
    return new InvalidCalendarDataException("节假日数据文件 " + fileName + " 无效：" + problem);
  }
}
