package cn.ecolaw.platform.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The /api/calendar endpoints with the real calendar behind them, and their refusals. */
@WebMvcTest(CalendarController.class)
@Import({CalendarConfiguration.class, WorkingDayCalendar.class})
class CalendarControllerTest {

  @Autowired private MockMvc mvc;

  @Test
  void addsWorkingDays() throws Exception {
    mvc.perform(get("/api/calendar/add-working-days").param("from", "2025-09-30").param("days", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.date").value("2025-10-09"));
  }

  @Test
  void addsWorkingDaysAcrossTheYearEnd() throws Exception {
    mvc.perform(get("/api/calendar/add-working-days").param("from", "2025-12-31").param("days", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.date").value("2026-01-04"));
  }

  @Test
  void addsCalendarDaysWithHolidayExtension() throws Exception {
    mvc.perform(get("/api/calendar/add-calendar-days").param("from", "2026-09-16").param("days", "15"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.date").value("2026-10-08"));
  }

  @Test
  void showsTheYearsNotice() throws Exception {
    mvc.perform(get("/api/calendar/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2026))
        .andExpect(jsonPath("$.source").value(containsString("国办发明电〔2025〕7号")))
        .andExpect(jsonPath("$.holidays.length()").value(33))
        .andExpect(jsonPath("$.holidays[0].date").value("2026-01-01"))
        .andExpect(jsonPath("$.holidays[0].name").value("元旦"))
        .andExpect(jsonPath("$.workdays[0].date").value("2026-01-04"))
        .andExpect(jsonPath("$.workdays[0].name").value("元旦调休上班"));
  }

  @ParameterizedTest(name = "from={0} days={1} -> {2}")
  @CsvSource({
    "2025-13-01, 1,    CAL-003, 日期格式不正确",
    "30.09.2025, 1,    CAL-003, 日期格式不正确",
    "2025-09-30, -1,   CAL-001, 0至3650",
    "2025-09-30, 3651, CAL-001, 0至3650",
    "2025-09-30, abc,  REQ-002, days",
    "2027-12-28, 5,    CAL-002, 缺少2028年节假日数据",
  })
  void refusesBadInput(String from, String days, String code, String message) throws Exception {
    for (String path : new String[] {"/api/calendar/add-working-days", "/api/calendar/add-calendar-days"}) {
      String effectiveDays = "CAL-002".equals(code) && path.endsWith("calendar-days") ? "10" : days;
      mvc.perform(get(path).param("from", from).param("days", effectiveDays))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value(code))
          .andExpect(jsonPath("$.message").value(containsString(message)));
    }
  }

  @Test
  void refusesAMissingStartDate() throws Exception {
    mvc.perform(get("/api/calendar/add-working-days").param("days", "1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("REQ-001"));
  }

  @Test
  void refusesAYearWithoutData() throws Exception {
    mvc.perform(get("/api/calendar/2028"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("CAL-002"))
        .andExpect(jsonPath("$.message").value(containsString("缺少2028年节假日数据")));
  }
}
