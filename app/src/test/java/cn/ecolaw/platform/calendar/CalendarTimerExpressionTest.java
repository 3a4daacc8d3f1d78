package cn.ecolaw.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calendar as BPMN timers use it: {@code timeDate ${workingDayCalendar.dueAfter...(...)}} in a real engine. */
class CalendarTimerExpressionTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    WorkingDayCalendar calendar =
        new WorkingDayCalendar(new CalendarDataLoader().load(CalendarDataLoader.DEFAULT_LOCATION));
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:calendar-timer-test;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.setProcessEngineName("calendar-timer-test");
    Map<Object, Object> beans = new HashMap<>();
    beans.put("workingDayCalendar", calendar);
    configuration.setBeans(beans);
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static Date beijing(String isoLocalDateTime) {
    return Date.from(OffsetDateTime.parse(isoLocalDateTime + "+08:00").toInstant());
  }

  private Date timerDueDate(String key, String timeDateExpression, Map<String, Object> variables) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key)
        .startEvent()
        .intermediateCatchEvent("deadline").timerWithDate(timeDateExpression)
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    return timer.getDuedate();
  }

  @Test
  void reminderTimerWaitsTenWorkingDaysAcrossNationalDay() {
    // 催告书 served Friday 2025-09-26: ten working days (ACEL 54, 69) end on 2025-10-16.
    Date due = timerDueDate("reminder-wait",
        "${workingDayCalendar.dueAfterWorkingDays(servedAt, 10)}",
        Map.of("servedAt", beijing("2025-09-26T15:30:00")));

    assertThat(due).isEqualTo(beijing("2025-10-16T23:59:59"));
  }

  @Test
  void paymentTimerTakesAnIsoStringAndExtendsPastTheHoliday() {
    Date due = timerDueDate("payment-wait",
        "${workingDayCalendar.dueAfterCalendarDays(receivedOn, 15)}",
        Map.of("receivedOn", "2026-09-16"));

    assertThat(due).isEqualTo(beijing("2026-10-08T23:59:59"));
  }

  @Test
  void injunctionClockCountsPlainHours() {
    Date due = timerDueDate("injunction-clock",
        "${workingDayCalendar.dueAfterHours(appliedAt, 48)}",
        Map.of("appliedAt", beijing("2026-02-14T10:00:00")));

    assertThat(due).isEqualTo(beijing("2026-02-16T10:00:00"));
  }
}
