package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.calendar.HolidayCalendarData;
import cn.ecolaw.platform.engine.JobExecutorProbe;
import cn.ecolaw.platform.identity.ActuatorAccessFilter;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.identity.LoginThrottle;
import cn.ecolaw.platform.search.Outbox;
import cn.ecolaw.platform.search.OutboxShipper;
import cn.ecolaw.platform.search.SearchClient;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator's view (issue 14): who may read {@code /actuator/*}, the health components beside Spring Boot's
 * ({@code db}, {@code livenessState}, {@code readinessState}): {@code search}, {@code jobExecutor},
 * {@code calendar}; the platform's metrics; the logging context of {@code /api} requests. Camunda's own actuator
 * indicators are replaced ({@code management.health.camunda.enabled: false}).
 */
@Configuration
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsConfiguration {

  @Bean
  public FilterRegistrationBean<ActuatorAccessFilter> actuatorAccess(IdentityService identity, LoginThrottle throttle,
      OperationsProperties properties) {
    FilterRegistrationBean<ActuatorAccessFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAccessFilter(identity, throttle, properties.readerGroups()));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<RefusalMetricsFilter> refusalMetrics(OperationsMetrics metrics) {
    FilterRegistrationBean<RefusalMetricsFilter> registration =
        new FilterRegistrationBean<>(new RefusalMetricsFilter(metrics));
    registration.setName("refusal-metrics");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator", "/actuator/*", "/error");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  public OperationsMetrics operationsMetrics(Outbox outbox, ManagementService management, RuntimeService runtime) {
    return new OperationsMetrics(outbox, management, runtime, Clock.systemUTC());
  }

  @Bean
  public SearchHealthIndicator searchHealthIndicator(SearchClient search, Outbox outbox, OutboxShipper shipper) {
    return new SearchHealthIndicator(search, outbox, shipper, Clock.systemUTC());
  }

  @Bean
  public JobExecutorHealthIndicator jobExecutorHealthIndicator(JobExecutorProbe probe, ManagementService management,
      RuntimeService runtime, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    return new JobExecutorHealthIndicator(probe, management, runtime, enabled);
  }

  @Bean
  public CalendarHealthIndicator calendarHealthIndicator(HolidayCalendarData data, OperationsProperties properties) {
    return new CalendarHealthIndicator(data, properties, Clock.systemUTC());
  }

  @Bean
  public WebMvcConfigurer logContextInterceptorConfigurer(Caller caller) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LogContextInterceptor(caller)).addPathPatterns("/api/**")
            .order(Ordered.HIGHEST_PRECEDENCE);
      }
    };
  }
}
