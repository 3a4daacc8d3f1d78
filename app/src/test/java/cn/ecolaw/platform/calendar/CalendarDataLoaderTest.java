package cn.ecolaw.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The holiday files: the shipped ones match the State Council notices, broken ones stop the start. */
class CalendarDataLoaderTest {

  private final CalendarDataLoader loader = new CalendarDataLoader();

  private CalendarYear parse(String fileName, String json) {
    return loader.parse(fileName, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String file(String holidays, String workdays) {
    return """
        {"year": 2026, "source": "国务院办公厅关于2026年部分节假日安排的通知",
         "holidays": [%s], "workdays": [%s]}
        """.formatted(holidays, workdays);
  }

  @Test
  void shippedFilesHoldTheNoticesOf2025And2026AndAProvisional2027() {
    HolidayCalendarData data = loader.load(CalendarDataLoader.DEFAULT_LOCATION);

    assertThat(data.years()).containsExactly(2025, 2026, 2027);
    assertThat(data.year(2025).isProvisional()).isFalse();
    assertThat(data.year(2026).isProvisional()).isFalse();
    CalendarYear y2027 = data.year(2027);
    assertThat(y2027.isProvisional()).as("2027's notice is not yet in the data").isTrue();
    assertThat(y2027.holidays()).hasSize(1 + 4 + 1 + 2 + 1 + 1 + 3);
    assertThat(y2027.workdays()).isEmpty();
    CalendarYear y2025 = data.year(2025);
    assertThat(y2025.source()).contains("国办发明电〔2024〕12号");
    assertThat(y2025.holidays()).hasSize(1 + 8 + 3 + 5 + 3 + 8);
    assertThat(y2025.workdays()).extracting(CalendarDay::date).containsExactly(
        LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));

    CalendarYear y2026 = data.year(2026);
    assertThat(y2026.source()).contains("国办发明电〔2025〕7号");
    assertThat(y2026.holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
    assertThat(y2026.workdays()).extracting(CalendarDay::date).containsExactly(
        LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
        LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    assertThat(y2026.holidays()).filteredOn(d -> d.date().equals(LocalDate.of(2026, 2, 15)))
        .extracting(CalendarDay::name).containsExactly("春节");
  }

  @Test
  void acceptsAWellFormedFile() {
    CalendarYear year = parse("2026.json", file(
        "{\"date\": \"2026-01-01\", \"name\": \"元旦\"}", "{\"date\": \"2026-01-04\", \"name\": \"元旦调休上班\"}"));

    assertThat(year.year()).isEqualTo(2026);
    assertThat(year.holidays()).containsExactly(new CalendarDay(LocalDate.of(2026, 1, 1), "元旦"));
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
    "{\"date\": \"2025-12-31\", \"name\": \"元旦\"} | | 不属于2026年",
    "{\"date\": \"2026-01-01\", \"name\": \"元旦\"} | {\"date\": \"2027-01-03\", \"name\": \"调休\"} | 不属于2026年",
    "{\"date\": \"2026-01-04\", \"name\": \"元旦\"} | {\"date\": \"2026-01-04\", \"name\": \"调休\"} | 同时列为放假日和调休上班日",
    "{\"date\": \"2026-01-01\", \"name\": \"元旦\"} | {\"date\": \"2026-01-05\", \"name\": \"调休\"} | 不是周六或周日",
    "{\"date\": \"2026-01-01\", \"name\": \"元旦\"},{\"date\": \"2026-01-01\", \"name\": \"元旦\"} | | 重复出现",
    "{\"date\": \"2026-01-01\", \"name\": \"\"} | | 缺少 name",
    "{\"name\": \"元旦\"} | | 缺少 date",
  })
  void refusesInconsistentDates(String holidays, String workdays, String problem) {
    String json = file(holidays, workdays == null ? "" : workdays);
    assertThatThrownBy(() -> parse("2026.json", json))
        .isInstanceOf(InvalidCalendarDataException.class)
        .hasMessageContaining("2026.json")
        .hasMessageContaining(problem);
  }

  @Test
  void refusesAFileNamedForAnotherYear() {
    assertThatThrownBy(() -> parse("2025.json", file("{\"date\": \"2026-01-01\", \"name\": \"元旦\"}", "")))
        .isInstanceOf(InvalidCalendarDataException.class)
        .hasMessageContaining("文件名应为 2026.json");
  }

  @Test
  void refusesAFileWithoutSource() {
    String json = "{\"year\": 2026, \"holidays\": [{\"date\": \"2026-01-01\", \"name\": \"元旦\"}], \"workdays\": []}";
    assertThatThrownBy(() -> parse("2026.json", json)).hasMessageContaining("缺少 source");
  }

  @Test
  void refusesUnknownFieldsSoThatATypoCannotDropTheMakeUpDays() {
    String json = file("{\"date\": \"2026-01-01\", \"name\": \"元旦\"}", "")
        .replace("\"workdays\"", "\"workday\"");
    assertThatThrownBy(() -> parse("2026.json", json))
        .isInstanceOf(InvalidCalendarDataException.class)
        .hasMessageContaining("不是格式正确的 JSON");
  }

  @Test
  void refusesAnImpossibleDate() {
    assertThatThrownBy(() -> parse("2026.json", file("{\"date\": \"2026-02-30\", \"name\": \"春节\"}", "")))
        .isInstanceOf(InvalidCalendarDataException.class)
        .hasMessageContaining("2026.json");
  }

  @Test
  void refusesTheSameYearTwice() {
    CalendarYear year = parse("2026.json", file("{\"date\": \"2026-01-01\", \"name\": \"元旦\"}", ""));
    assertThatThrownBy(() -> new HolidayCalendarData(List.of(year, year)))
        .isInstanceOf(InvalidCalendarDataException.class)
        .hasMessageContaining("2026年出现了不止一次");
  }

  @Test
  void applicationDoesNotStartWithAnInvalidFile() {
    new ApplicationContextRunner()
        .withUserConfiguration(CalendarConfiguration.class)
        .withPropertyValues("platform.calendar.location=classpath*:calendar-invalid/*.json")
        .run(context -> assertThat(context).getFailure()
            .rootCause()
            .isInstanceOf(InvalidCalendarDataException.class)
            .hasMessageContaining("同时列为放假日和调休上班日"));
  }

  @Test
  void applicationDoesNotStartWithoutAnyFile() {
    new ApplicationContextRunner()
        .withUserConfiguration(CalendarConfiguration.class)
        .withPropertyValues("platform.calendar.location=classpath*:calendar-none/*.json")
        .run(context -> assertThat(context).getFailure()
            .rootCause()
            .hasMessageContaining("未找到节假日数据文件"));
  }

  @Test
  void applicationStartsWithTheShippedFiles() {
    new ApplicationContextRunner()
        .withUserConfiguration(CalendarConfiguration.class, WorkingDayCalendar.class)
        .run(context -> {
          assertThat(context).hasNotFailed().hasBean("workingDayCalendar");
          assertThat(context.getBean(WorkingDayCalendar.class).addWorkingDays(LocalDate.of(2025, 9, 30), 1))
              .isEqualTo(LocalDate.of(2025, 10, 9));
        });
  }
}
