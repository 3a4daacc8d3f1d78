package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.calendar.HolidayCalendarData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The working-day calendar's holiday data for the coming year (component {@code calendar}). Statutory deadlines are
 * counted in working days of the State Council's holiday notices; a day in a year without data is refused (CAL-002),
 * never guessed. So:
 * <ul>
 *   <li>DOWN: no data for today, or the data ends within {@code calendar-down-ahead} (60 days): deadlines computed
 *       now would run past it;</li>
 *   <li>WARNING (answers 200): the data ends within {@code calendar-warn-ahead} (the coming year), or a provisional
 *       year (statutory holidays only, the notice's make-up working days missing) begins within
 *       {@code calendar-down-ahead}: replace {@code calendar/<year>.json} when the notice is published;</li>
 *   <li>UP otherwise.</li>
 * </ul>
 */
public class CalendarHealthIndicator implements HealthIndicator {

  public static final Status WARNING = new Status("WARNING", "需要关注");
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final HolidayCalendarData data;
  private final OperationsProperties properties;
  private final Clock clock;

  public CalendarHealthIndicator(HolidayCalendarData data, OperationsProperties properties, Clock clock) {
    this.data = data;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    LocalDate downBefore = today.plusDays(properties.calendarDownAhead().toDays());
    LocalDate warnBefore = today.plusDays(properties.calendarWarnAhead().toDays());
    int year = today.getYear();
    List<Integer> provisional = new ArrayList<>();
    while (data.years().contains(year)) {
      if (data.year(year).isProvisional()) {
        provisional.add(year);
      }
      year++;
    }
    Health.Builder health = new Health.Builder().withDetail("today", today.toString())
        .withDetail("years", List.copyOf(data.years())).withDetail("provisionalYears", provisional);
    if (year == today.getYear()) {
      return health.down().withDetail("message", "没有" + today.getYear() + "年（今年）的节假日数据：按工作日计算的法定期限将被拒绝（CAL-002），"
          + "请补充 calendar/" + today.getYear() + ".json").build();
    }
    LocalDate coveredUntil = LocalDate.of(year - 1, 12, 31);
    health.withDetail("coveredUntil", coveredUntil.toString());
    if (coveredUntil.isBefore(downBefore)) {
      return health.down().withDetail("message", "节假日数据只到" + coveredUntil + "，不足"
          + properties.calendarDownAhead().toDays() + "天：此后到期的期限将无法计算，请补充 calendar/" + year + ".json").build();
    }
    if (coveredUntil.isBefore(warnBefore)) {
      return health.status(WARNING).withDetail("message", "节假日数据只到" + coveredUntil + "，未覆盖未来一年，请在国务院办公厅"
          + "发布" + year + "年节假日安排后补充 calendar/" + year + ".json").build();
    }
    for (int p : provisional) {
      if (!LocalDate.of(p, 1, 1).isAfter(downBefore)) {
        return health.status(WARNING).withDetail("message", p + "年节假日数据为暂定数据（仅含法定节假日，未含调休上班日），"
            + "国务院办公厅通知发布后请替换 calendar/" + p + ".json").build();
      }
    }
    return health.up().withDetail("message", "节假日数据覆盖至" + coveredUntil).build();
  }
}
