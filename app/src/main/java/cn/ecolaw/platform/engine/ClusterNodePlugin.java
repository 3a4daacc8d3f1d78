package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.shared.ClusterLocks;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * The engine as one node of several on one PostgreSQL (issue 14):
 * <ul>
 *   <li>before the engine builds (creates or updates its schema, deploys the models, creates the administrator),
 *       the node takes the cluster's startup lock ({@link ClusterLocks#holdStartupLock}); it is released when the
 *       application is ready, so that nodes started together do their start-up writes one after another;
 *   <li>the job executor locks jobs in this node's name ({@code platform.cluster.node-name}), so that
 *       {@code ACT_RU_JOB.LOCK_OWNER_} says which node holds a job. A job locked by a node that died is taken by
 *       another node when its lock expires ({@code camunda.bpm.job-execution.lock-time-in-millis}, default 5 min):
 *       Camunda's own rule, nothing to add.
 * </ul>
 */
@Component
public class ClusterNodePlugin extends AbstractProcessEnginePlugin {

  private final ClusterLocks locks;

  public ClusterNodePlugin(ClusterLocks locks) {
    this.locks = locks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    locks.holdStartupLock();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobs = configuration.getJobExecutor();
    if (jobs != null) {
      jobs.setLockOwner(locks.nodeName());
    }
  }
}
