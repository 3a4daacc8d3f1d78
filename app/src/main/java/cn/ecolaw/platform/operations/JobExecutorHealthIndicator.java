package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.engine.JobExecutorProbe;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The engine's job executor (component {@code jobExecutor}): timers, asynchronous continuations and retries run only
 * while it is active. UP when active; DOWN when this node should run it ({@code camunda.bpm.job-execution.enabled})
 * and it does not; UNKNOWN on a node configured without it. Details: the jobs due now, the failed jobs (no retries
 * left) and the open incidents of the whole engine, read as the platform (no user's authorizations).
 */
public class JobExecutorHealthIndicator implements HealthIndicator {

  private final JobExecutorProbe probe;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final boolean enabled;

  public JobExecutorHealthIndicator(JobExecutorProbe probe, ManagementService management, RuntimeService runtime,
      boolean enabled) {
    this.probe = probe;
    this.management = management;
    this.runtime = runtime;
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    boolean active = probe.active();
    Health.Builder health = active ? Health.up() : enabled ? Health.down() : Health.unknown();
    health.withDetail("active", active).withDetail("enabled", enabled);
    if (probe.lockOwner() != null) {
      health.withDetail("lockOwner", probe.lockOwner());
    }
    health.withDetail("jobsDue", management.createJobQuery().executable().count())
        .withDetail("jobsFailed", management.createJobQuery().noRetriesLeft().count())
        .withDetail("incidents", runtime.createIncidentQuery().count());
    if (!active) {
      health.withDetail("message", enabled ? "作业执行器未运行：定时器、异步任务和重试不会执行" : "本节点未启用作业执行器");
    }
    return health.build();
  }
}
