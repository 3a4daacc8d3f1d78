package cn.ecolaw.platform.calendar;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the yearly holiday files ({@code calendar/<year>.json}) and checks them. Any unreadable or
 * inconsistent file is an {@link InvalidCalendarDataException}, so that the application does not start with a
 * calendar that would compute wrong statutory deadlines.
 */
public final class CalendarDataLoader {

  public static final String DEFAULT_LOCATION = "classpath*:calendar/*.json";

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Loads every file matching the Spring resource pattern, e.g. {@value #DEFAULT_LOCATION}. */
  public HolidayCalendarData load(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new InvalidCalendarDataException("无法读取节假日数据目录 " + locationPattern, e);
    }
    if (resources.length == 0) {
      throw new InvalidCalendarDataException("未找到节假日数据文件：" + locationPattern);
    }
    List<CalendarYear> years = new ArrayList<>();
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        years.add(parse(resource.getFilename(), in));
      } catch (IOException e) {
        throw new InvalidCalendarDataException("无法读取节假日数据文件 " + resource.getFilename(), e);
      }
    }
    return new HolidayCalendarData(years);
  }

  /** Parses and validates one file; {@code fileName} must be {@code <year>.json}. */
  public CalendarYear parse(String fileName, InputStream json) {
    CalendarYear year;
    try {
      year = mapper.readValue(json, CalendarYear.class);
    } catch (JacksonException e) {
      throw new InvalidCalendarDataException(
          "节假日数据文件 " + fileName + " 无效：不是格式正确的 JSON（" + e.getOriginalMessage() + "）", e);
    } catch (IOException e) {
      throw new InvalidCalendarDataException("无法读取节假日数据文件 " + fileName, e);
    }
    if (year == null) {
      throw new InvalidCalendarDataException("节假日数据文件 " + fileName + " 为空");
    }
    CalendarYearValidator.validate(fileName, year);
    return year;
  }
}
