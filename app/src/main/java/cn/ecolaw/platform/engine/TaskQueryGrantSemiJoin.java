package cn.ecolaw.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's counts and lists at scale (issue 14, benchmark 2). Every task query of a user (each filter's count
 * and page, {@code /engine-rest/task}, the platform's own task reads as the user) is authorized by Camunda with a
 * left join of every candidate task to each matching grant in {@code ACT_RU_AUTHORIZATION} on
 * {@code RESOURCE_ID_ IN (task id, process definition key, '*')}: one probe of the grants table per task, so a count
 * costs a few microseconds per visible task (30,000 visible tasks: hundreds of milliseconds, JIT compilation on top).
 *
 * <p>This plugin maps the engine's two task query statements to a copy ({@code TaskQueryGrants.xml}) whose check is
 * the same predicate written as a semi-join: the task's id (or its definition's key, or "*") is among the resource
 * ids of the grants the user and the user's groups hold for the query's permissions. The database reads those grants
 * once (index-only, V260) into a hash and looks each task up in it. Same grants, same resource ids, same rows; the
 * copy falls back to Camunda's own check whenever Camunda would not use the join form (a revoke check, composite
 * permission checks). {@link NoRevokeAuthorizations} keeps the engine on the join form.
 *
 * <p>The count statement also writes a plain query's candidate criteria (a Tasklist filter's candidate groups, a
 * candidate user) as EXISTS over the task's candidate links instead of Camunda's join to every link: each task then
 * comes once, so the DISTINCT over every visible task (a hash of 45,000 ids at scale) is left off. Camunda's join and
 * DISTINCT stay for "or" queries, {@code involvedUser} and sorts by a variable (bindCandidateSemiJoin), and for every
 * page of tasks: there PostgreSQL's plan for the join was as fast or faster (it may walk the tasks in parallel).
 */
@Component
public class TaskQueryGrantSemiJoin extends AbstractProcessEnginePlugin {

  static final String RESOURCE = "cn/ecolaw/platform/engine/TaskQueryGrants.xml";
  static final String NAMESPACE = "cn.ecolaw.platform.engine.TaskQueryGrants";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteria_grantSemiJoin",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteria_grantSemiJoin");

  private final boolean enabled;

  public TaskQueryGrantSemiJoin(@Value("${platform.engine.task-query-grant-semi-join:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(RESOURCE)) {
      try (InputStream in = TaskQueryGrantSemiJoin.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("缺少任务查询映射文件 " + RESOURCE);
        }
        new XMLMapperBuilder(in, mybatis, RESOURCE, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    StatementMappings.add(configuration, STATEMENTS);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing: mapped once the engine's SQL session factory exists (postInit)
  }
}
