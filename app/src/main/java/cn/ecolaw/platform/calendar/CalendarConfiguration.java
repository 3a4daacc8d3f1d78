package cn.ecolaw.platform.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the holiday data at startup; a missing or inconsistent file stops the application from starting. */
@Configuration
public class CalendarConfiguration {

  @Bean
  public HolidayCalendarData holidayCalendarData(
      @Value("${platform.calendar.location:" + CalendarDataLoader.DEFAULT_LOCATION + "}") String location) {
    return new CalendarDataLoader().load(location);
  }
}
