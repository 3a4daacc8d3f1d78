package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.documents.DocumentGenerated;
import cn.ecolaw.platform.search.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The platform's own figures beside the engine's counters ({@code engine.CaseMetricsPlugin}), all named
 * {@code ecocase_*} in the Prometheus output (issue 14):
 * <ul>
 *   <li>{@code ecocase_documents_generated_seconds_count/_sum/_max{type}}: documents generated per type and the time
 *       each took (DOCX+PDF stored), counted when the generating transaction commits;</li>
 *   <li>{@code ecocase_refusals_total{code,door}}: refusals by code on each door ({@code api}, {@code engine-rest},
 *       {@code webapp}, {@code actuator}), counted once per request ({@link RefusalMetricsFilter});</li>
 *   <li>gauges read when scraped: {@code ecocase_search_outbox_size}, {@code ecocase_search_outbox_oldest_age_seconds}
 *       (0 when empty), {@code ecocase_jobs_due}, {@code ecocase_jobs_failed} (no retries left),
 *       {@code ecocase_incidents_open}.</li>
 * </ul>
 */
public class OperationsMetrics implements MeterBinder {

  public static final String DOCUMENTS = "ecocase.documents.generated";
  public static final String REFUSALS = "ecocase.refusals";

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private final Outbox outbox;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final Clock clock;
  private volatile MeterRegistry registry;

  public OperationsMetrics(Outbox outbox, ManagementService management, RuntimeService runtime, Clock clock) {
    this.outbox = outbox;
    this.management = management;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    gauge(registry, "ecocase.search.outbox.size", "发件箱中等待送往搜索索引的变更数", null, outbox::pending);
    gauge(registry, "ecocase.search.outbox.oldest.age", "发件箱中最早一条未送达变更的等待时间", "seconds",
        () -> outbox.oldestQueuedAt().map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0))
            .orElse(0.0));
    gauge(registry, "ecocase.jobs.due", "已到期等待执行的作业数", null,
        () -> management.createJobQuery().executable().count());
    gauge(registry, "ecocase.jobs.failed", "重试次数已用尽的失败作业数", null,
        () -> management.createJobQuery().noRetriesLeft().count());
    gauge(registry, "ecocase.incidents.open", "未解决的流程事件（incident）数", null,
        () -> runtime.createIncidentQuery().count());
  }

  private static void gauge(MeterRegistry registry, String name, String description, String unit,
      Supplier<? extends Number> value) {
    Gauge.builder(name, () -> {
      try {
        return value.get();
      } catch (RuntimeException e) {
        LOG.debug("gauge {} unavailable: {}", name, e.toString());
        return Double.NaN;
      }
    }).description(description).baseUnit(unit).register(registry);
  }

  /** A document generated: counted with its time when its transaction commits (at once outside one). */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void on(DocumentGenerated event) {
    MeterRegistry meters = registry;
    if (meters == null || event.document() == null || event.document().type() == null) {
      return;
    }
    Timer.builder(DOCUMENTS).description("生成的文书（DOCX+PDF）及其耗时")
        .tag("type", event.document().type().name()).register(meters).record(event.took());
  }

  /** A refusal answered on a door. */
  public void refused(String code, String door) {
    MeterRegistry meters = registry;
    if (meters != null) {
      Counter.builder(REFUSALS).description("按错误码统计的拒绝（4xx/5xx 答复）").tag("code", code).tag("door", door)
          .register(meters).increment();
    }
  }
}
