package cn.ecolaw.platform.operations;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's view ({@code platform.operations}, issue 14).
 *
 * @param readerGroups groups whose members may read {@code /actuator/*} (health details, metrics); the probes
 *     {@code /actuator/health/liveness} and {@code /readiness} are open to everyone
 * @param calendarDownAhead the calendar component is DOWN when the holiday data ends sooner than this (deadlines
 *     computed now would run into a year without data and be refused, CAL-002)
 * @param calendarWarnAhead WARNING when the data ends within this (the coming year), or a provisional year (statutory
 *     holidays only, no make-up working days) begins within {@code calendarDownAhead}
 */
@ConfigurationProperties("platform.operations")
public record OperationsProperties(List<String> readerGroups, Duration calendarDownAhead, Duration calendarWarnAhead) {

  public OperationsProperties {
    readerGroups = readerGroups == null ? List.of("camunda-admin", "ops-monitor") : List.copyOf(readerGroups);
    calendarDownAhead = calendarDownAhead == null ? Duration.ofDays(60) : calendarDownAhead;
    calendarWarnAhead = calendarWarnAhead == null ? Duration.ofDays(365) : calendarWarnAhead;
  }
}
