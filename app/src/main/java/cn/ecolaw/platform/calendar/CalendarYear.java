package cn.ecolaw.platform.calendar;

import java.util.List;

/**
 * One year of the State Council's holiday notice, as stored in {@code calendar/<year>.json}: the days off
 * ({@code holidays}, weekends inside a holiday included) and the weekend days that are working days
 * ({@code workdays}). Every other Monday–Friday is a working day, every other Saturday and Sunday is not.
 */
public record CalendarYear(
    Integer year, String source, String url, List<CalendarDay> holidays, List<CalendarDay> workdays) {}
