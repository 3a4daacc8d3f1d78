package cn.ecolaw.platform.injunction;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ruling clock of CPL 103–104: 48 hours from the application before suit or when urgent, otherwise 5 days
 * (calendar days, a period ending on a holiday runs to the next working day).
 */
@Component
public class InjunctionClock {

  static final int URGENT_HOURS = 48;
  static final int ORDINARY_DAYS = 5;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final WorkingDayCalendar calendar;

  public InjunctionClock(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** rulingDueAt (Date), rulingDue (yyyy-MM-dd HH:mm, China time) and rulingClock (the rule in words). */
  public Map<String, Object> rulingDeadline(Date receivedAt, boolean preSuit, boolean urgent) {
    boolean fast = preSuit || urgent;
    Date due = fast ? calendar.dueAfterHours(receivedAt, URGENT_HOURS)
        : calendar.dueAfterCalendarDays(receivedAt, ORDINARY_DAYS);
    String clock = preSuit ? "诉前申请，四十八小时内裁定" : urgent ? "情况紧急，四十八小时内裁定" : "五日内裁定";
    return Map.of("rulingDueAt", due, "rulingDue", SHOWN.format(due.toInstant()), "rulingClock", clock,
        "rulingHours", fast ? URGENT_HOURS : ORDINARY_DAYS * 24);
  }

  static String shown(Date at) {
    return SHOWN.format(at.toInstant());
  }
}
