package cn.ecolaw.platform.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * What the operator's health check needs to know of the engine's job executor (issue 14): whether it runs on this
 * node and under which lock owner. The job executor is an engine internal; this is the adapter's one window on it.
 */
@Component
public class JobExecutorProbe {

  private final ProcessEngine engine;

  public JobExecutorProbe(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Whether this node's job executor is acquiring and executing jobs. */
  public boolean active() {
    JobExecutor executor = executor();
    return executor != null && executor.isActive();
  }

  /** The lock owner this node's job executor writes on the jobs it takes (null without a job executor). */
  public String lockOwner() {
    JobExecutor executor = executor();
    return executor == null ? null : executor.getLockOwner();
  }

  private JobExecutor executor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }
}
