package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 14: the engine's "which groups hold an authorization" is read by a loose index scan, with the same answer. */
@PlatformTest
class AuthorizedGroupsLooseScanTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void authorizedGroupIdsAreReadByTheLooseIndexScanWithTheSameAnswerAsTheEnginesDistinct() {
    String group = "loose-scan-" + System.nanoTime();
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(Resources.TASK);
    a.setResourceId("loose-scan-task");
    a.addPermission(Permissions.READ);
    authorizations.saveAuthorization(a);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    List<String> groups = configuration.getCommandExecutorTxRequired().execute((Command<List<String>>) context ->
        context.getDbEntityManager().selectList(AuthorizedGroupsLooseScan.STATEMENT));

    assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsLooseScan.STATEMENT))
        .isEqualTo(AuthorizedGroupsLooseScan.LOOSE_SCAN);
    assertThat(new HashSet<>(groups)).isEqualTo(new HashSet<>(jdbc.queryForList(
        "SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IS NOT NULL", String.class)));
    assertThat(groups).contains(group).doesNotHaveDuplicates().doesNotContainNull();
    authorizations.deleteAuthorization(a.getId());
  }
}
