package cn.ecolaw.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.calendar.CalendarDataLoader;
import cn.ecolaw.platform.calendar.HolidayCalendarData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The calendar component: the holiday data must reach a year ahead (WARNING short of it), must never end within the
 * next 60 days (DOWN), and a provisional year about to begin is a WARNING. The shipped data: 2025 and 2026 from the
 * State Council's notices, 2027 provisional.
 */
class CalendarHealthIndicatorTest {

  static final HolidayCalendarData SHIPPED = new CalendarDataLoader().load(CalendarDataLoader.DEFAULT_LOCATION);
  static final OperationsProperties DEFAULTS = new OperationsProperties(null, null, null);

  static Health on(String day) {
    Clock clock = Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
        ZoneId.of("UTC"));
    return new CalendarHealthIndicator(SHIPPED, DEFAULTS, clock).health();
  }

  @Test
  void upWhenTheDataReachesAYearAheadAndNoProvisionalYearIsNear() {
    Health health = on("2026-03-01");
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("coveredUntil", "2027-12-31");
  }

  @Test
  void warningWhenAProvisionalYearBeginsWithinSixtyDays() {
    Health health = on("2026-11-29");
    assertThat(health.getStatus()).isEqualTo(CalendarHealthIndicator.WARNING);
    assertThat(health.getDetails().get("message").toString()).contains("2027年节假日数据为暂定数据", "calendar/2027.json");
  }

  @Test
  void warningWhenTheDataEndsWithinTheComingYear() {
    Health health = on("2027-03-01");
    assertThat(health.getStatus()).isEqualTo(CalendarHealthIndicator.WARNING);
    assertThat(health.getDetails().get("message").toString()).contains("未覆盖未来一年", "calendar/2028.json");
  }

  @Test
  void downWhenTheDataEndsWithinSixtyDays() {
    Health health = on("2027-11-15");
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("message").toString()).contains("2027-12-31", "calendar/2028.json");
  }

  @Test
  void downWhenThisYearHasNoData() {
    Health health = on("2028-01-02");
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("message").toString()).contains("没有2028年（今年）的节假日数据", "CAL-002");
  }
}
