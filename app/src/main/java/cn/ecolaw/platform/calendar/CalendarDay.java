package cn.ecolaw.platform.calendar;

import java.time.LocalDate;

/** One dated entry of a holiday notice: a day off (放假) or a make-up working day (调休上班), with its name. */
public record CalendarDay(LocalDate date, String name) {}
