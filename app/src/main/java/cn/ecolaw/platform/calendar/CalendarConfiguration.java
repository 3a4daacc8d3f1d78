package cn.ecolaw.platform.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the holiday data at startup; a missing or inconsistent file stops the application from starting. */
@Configuration
public class CalendarConfiguration {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  public HolidayCalendarData holidayCalendarData(
      @Value("${platform.calendar.location:" + CalendarDataLoader.DEFAULT_LOCATION + "}") String location) {
    HolidayCalendarData data = new CalendarDataLoader().load(location);
    for (Integer year : data.years()) {
      if (data.year(year).isProvisional()) {
        LOG.warn("{}年节假日数据为暂定数据（仅含法定节假日，未含调休安排），国务院办公厅通知发布后请替换 calendar/{}.json",
            year, year);
      }
    }
    return data;
  }
}
