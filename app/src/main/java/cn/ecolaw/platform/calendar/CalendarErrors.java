package cn.ecolaw.platform.calendar;

import cn.ecolaw.platform.shared.PlatformException;

/** The refusals of the working-day calendar, with their stable codes. */
final class CalendarErrors {

  /** Longest period the calendar computes, in days (ten years). */
  static final int MAX_DAYS = 3650;
  static final int MAX_MONTHS = 120;
  static final int MAX_HOURS = 24 * MAX_DAYS;

  private CalendarErrors() {}

  static PlatformException periodOutOfRange(String unit, int value, int max) {
    return PlatformException.badRequest(
        "CAL-001", "期限" + unit + "数必须在0至" + max + "之间，收到：" + value);
  }

  static PlatformException missingYear(int year) {
    return PlatformException.badRequest(
        "CAL-002", "缺少" + year + "年节假日数据，无法计算工作日期限（请补充国务院办公厅" + year + "年节假日安排）");
  }

  static PlatformException malformedDate(String text) {
    return PlatformException.badRequest("CAL-003", "日期格式不正确：" + text + "，应为 YYYY-MM-DD，例如 2026-03-02");
  }

  static PlatformException unsupportedDateType(Object value) {
    return PlatformException.badRequest(
        "CAL-004", "无法识别的起算日期类型：" + value.getClass().getName() + "，应为日期或 YYYY-MM-DD 字符串");
  }
}
