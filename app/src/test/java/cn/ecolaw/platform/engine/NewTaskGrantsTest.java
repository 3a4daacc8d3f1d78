package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.SqlCounts;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grants a new task gives its candidate groups (Camunda's TASK and HISTORIC_TASK authorizations) are written
 * without first looking for stored ones — a task created in this command has none (platform.task-grants.skip-lookup)
 * — and are exactly Camunda's; a group added to an existing task is still looked up and merged.
 */
@PlatformTest
class NewTaskGrantsTest {

  static final String KEY = "new-task-grants-test";
  static final String GROUP = "eco-legal";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  private String deployment;

  @BeforeEach
  void deploy() {
    deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
        .camundaHistoryTimeToLive(1).startEvent().userTask("review").camundaCandidateGroups(GROUP).endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aNewTasksCandidateGroupIsGrantedWithoutLookingUpStoredGrants() {
    // when a task is created for a candidate group
    String taskId;
    long lookups;
    long inserts;
    try (SqlCounts sql = SqlCounts.start(jdbc)) {
      String pid = runtime.startProcessInstanceByKey(KEY).getId();
      taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
      lookups = sql.executions("%SELECT%ACT_RU_AUTHORIZATION%RESOURCE_ID_%");
      inserts = sql.executions("%INSERT INTO ACT_RU_AUTHORIZATION%");
    }

    // then no stored grant was looked up (two grants written), and the group holds Camunda's task and historic task
    // permissions
    assertThat(inserts).isEqualTo(2);
    assertThat(lookups).isZero();
    Authorization task = grant(Resources.TASK.resourceType(), taskId);
    assertThat(task.isPermissionGranted(TaskPermissions.READ)).isTrue();
    assertThat(task.isPermissionGranted(TaskPermissions.UPDATE)).isTrue();
    assertThat(grant(Resources.HISTORIC_TASK.resourceType(), taskId)
        .isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
    assertThat(grant(Resources.HISTORIC_TASK.resourceType(), taskId).getRootProcessInstanceId()).isNotNull();
  }

  @Test
  void aGroupAddedToAnExistingTaskIsMergedIntoItsStoredGrant() {
    // given a task whose group holds its grants
    String pid = runtime.startProcessInstanceByKey(KEY).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();

    // when the group is added again and a user is added
    tasks.addCandidateGroup(taskId, GROUP);
    tasks.addCandidateUser(taskId, "legal1");

    // then the group still has one grant per resource, and the user got the task's permissions
    assertThat(grants(Resources.TASK.resourceType(), taskId)).hasSize(1);
    assertThat(grants(Resources.HISTORIC_TASK.resourceType(), taskId)).hasSize(1);
    assertThat(authorizations.createAuthorizationQuery().userIdIn("legal1").resourceType(Resources.TASK)
        .resourceId(taskId).singleResult().isPermissionGranted(TaskPermissions.READ)).isTrue();
  }

  private Authorization grant(int resourceType, String taskId) {
    List<Authorization> found = grants(resourceType, taskId);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private List<Authorization> grants(int resourceType, String taskId) {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(GROUP).resourceType(resourceType).resourceId(taskId).list();
  }
}
