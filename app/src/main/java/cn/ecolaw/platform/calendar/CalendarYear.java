package cn.ecolaw.platform.calendar;

import java.util.List;

/**
 * One year of the State Council's holiday notice, as stored in {@code calendar/<year>.json}: the days off
 * ({@code holidays}, weekends inside a holiday included) and the weekend days that are working days
 * ({@code workdays}). Every other Monday–Friday is a working day, every other Saturday and Sunday is not.
 *
 * <p>{@code provisional} marks a year whose notice is not yet published: it holds only the statutory holidays of
 * 《全国年节及纪念日放假办法》 on their dates, without make-up working days. Such a year is announced in the log at
 * startup and in {@code GET /api/calendar/{year}}, and must be replaced by the notice's data when it appears.
 */
public record CalendarYear(
    Integer year, String source, String url, Boolean provisional, List<CalendarDay> holidays,
    List<CalendarDay> workdays) {

  public boolean isProvisional() {
    return Boolean.TRUE.equals(provisional);
  }
}
