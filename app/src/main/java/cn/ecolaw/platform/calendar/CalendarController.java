package cn.ecolaw.platform.calendar;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deadline arithmetic and the holiday data, for the UI and for clerks checking a date by hand. */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private final WorkingDayCalendar calendar;
  private final HolidayCalendarData data;

  public CalendarController(WorkingDayCalendar calendar, HolidayCalendarData data) {
    this.calendar = calendar;
    this.data = data;
  }

  /** The Nth working day after {@code from}: {@code {"date":"YYYY-MM-DD"}}. */
  @GetMapping("/add-working-days")
  public DateAnswer addWorkingDays(@RequestParam String from, @RequestParam int days) {
    return new DateAnswer(calendar.addWorkingDays(CalendarInputs.parseDate(from), days).toString());
  }

  /** The end of a calendar-day period, extended past holidays: {@code {"date":"YYYY-MM-DD"}}. */
  @GetMapping("/add-calendar-days")
  public DateAnswer addCalendarDays(@RequestParam String from, @RequestParam int days) {
    return new DateAnswer(calendar.addCalendarDays(CalendarInputs.parseDate(from), days).toString());
  }

  /** The year's holiday notice: its source, days off and make-up working days. */
  @GetMapping("/{year}")
  public CalendarYear year(@PathVariable int year) {
    return data.year(year);
  }

  public record DateAnswer(String date) {}
}
