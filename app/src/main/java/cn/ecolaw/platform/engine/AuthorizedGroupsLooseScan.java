package cn.ecolaw.platform.engine;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every authorized command of the engine (each Tasklist and /engine-rest call, each /api read as the user) first asks
 * which groups hold any authorization ({@code selectAuthorizedGroupIds}: {@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION}) to drop the user's groups that hold none. That reads the whole table: the platform grants
 * per task and per case instance, so it grows with the cases (330,000 rows, 220 ms per command at 20,000 open tasks
 * and 10,000 closed cases; millions of rows at a province's scale). This plugin maps the statement to the same answer
 * read by a loose index scan over {@code ACT_IDX_AUTH_GROUP_ID} (one index probe per distinct group, a few dozen):
 * a recursive query that steps from each group to the next larger one. Same result (the distinct non-null groups;
 * the engine drops null), same SQL on H2 and PostgreSQL.
 */
@Component
public class AuthorizedGroupsLooseScan extends AbstractProcessEnginePlugin {

  static final String STATEMENT = "selectAuthorizedGroupIds";
  static final String LOOSE_SCAN = "selectAuthorizedGroupIds_looseIndexScan";
  static final String SQL = """
      WITH RECURSIVE G (ID) AS (
        SELECT MIN(GROUP_ID_) FROM ACT_RU_AUTHORIZATION
        UNION ALL
        SELECT (SELECT MIN(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ > G.ID) FROM G WHERE G.ID IS NOT NULL
      )
      SELECT ID FROM G WHERE ID IS NOT NULL""";

  private final boolean enabled;

  public AuthorizedGroupsLooseScan(@Value("${platform.engine.authorized-groups-loose-scan:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(LOOSE_SCAN, false)) {
      ResultMap strings = new ResultMap.Builder(mybatis, LOOSE_SCAN + "-result", String.class, List.of()).build();
      mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, LOOSE_SCAN, new StaticSqlSource(mybatis, SQL),
          SqlCommandType.SELECT).resultMaps(List.of(strings)).build());
    }
    StatementMappings.add(configuration, Map.of(STATEMENT, LOOSE_SCAN));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing: the statement is mapped once the engine's SQL session factory exists (postInit)
  }
}
