package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form guard keeps each deployed form parsed per form definition id (platform.form-guard.cache): the form is
 * read from the database once, yet every completion is still checked against the form Camunda would serve now —
 * a form deployed again (a new version, binding "latest") applies to the next completion.
 */
@PlatformTest
class FormGuardCacheTest {

  static final String KEY = "form-guard-cache-test";
  static final String FORM = "form-guard-cache-probe";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DeployedFormSchemas forms;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void deploy() {
    deployments.add(repository.createDeployment().name(KEY)
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
            .startEvent().userTask("probe").camundaCandidateGroups("eco-officer").camundaFormRef(FORM).camundaFormRefBinding("latest").endEvent().done())
        .addString(FORM + ".form", form("approvalOpinion", "审批意见"))
        .deploy().getId());
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aDeployedFormIsReadOnceAndStillChecksEveryCompletion() {
    // given the form checked once
    complete(Map.of("approvalOpinion", "同意"));
    long reads = forms.reads();

    // when more tasks of the same form complete, one of them without the required field
    complete(Map.of("approvalOpinion", "同意"));
    complete(Map.of("approvalOpinion", "不同意"));
    assertThatThrownBy(() -> complete(Map.of()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("【FORM-001】“审批意见”为必填项");

    // then the form was not read again, and the missing field was still refused
    assertThat(forms.reads()).isEqualTo(reads);
  }

  @Test
  void aNewFormVersionAppliesToTheNextCompletion() {
    // given the first version checked (and kept)
    complete(Map.of("approvalOpinion", "同意"));

    // when the form is deployed again with another required field (a new version; the process is unchanged)
    deployments.add(repository.createDeployment().name(KEY + "-v2")
        .addString(FORM + ".form", form("reviewOpinion", "复核意见")).deploy().getId());

    // then the next completion is checked against the new version: the old field no longer suffices
    assertThatThrownBy(() -> complete(Map.of("approvalOpinion", "同意")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("【FORM-001】“复核意见”为必填项");
    complete(Map.of("reviewOpinion", "同意"));
  }

  @Test
  void aUsersCompletionIsCheckedAgainstTheFormTheEngineDoorResolved() {
    // given a task of the form, worked by a user (the engine door checks the submitted fields first)
    complete(Map.of("approvalOpinion", "同意"));
    String pid = runtime.startProcessInstanceByKey(KEY).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    String blank = tasks.createTaskQuery().processInstanceId(runtime.startProcessInstanceByKey(KEY).getId())
        .singleResult().getId();

    // when the user completes one, and submits the other with the required field blank
    org.camunda.bpm.engine.authorization.Authorization read =
        authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("eco-officer");
    read.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    read.setResourceId(KEY);
    read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    String grant = authorizations.saveAuthorization(read).getId();
    long lookups;
    identity.setAuthentication("officer1", List.of("eco-officer"));
    try (cn.ecolaw.platform.support.SqlCounts sql = cn.ecolaw.platform.support.SqlCounts.start(jdbc)) {
      tasks.complete(taskId, Map.of("approvalOpinion", "同意"));
      lookups = sql.executions("%FROM ACT_RE_CAMFORMDEF%");
      assertThatThrownBy(() -> tasks.complete(blank, Map.of("approvalOpinion", "")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("【FORM-001】“审批意见”为必填项");
    } finally {
      identity.clearAuthentication();
      authorizations.deleteAuthorization(grant);
    }

    // then the form was resolved once for the completion (by the door; the guard checked against the same version),
    // and the guard still refused the blank field
    assertThat(lookups).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    assertThat(tasks.createTaskQuery().taskId(blank).count()).isOne();
  }

  private void complete(Map<String, Object> values) {
    String pid = runtime.startProcessInstanceByKey(KEY).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    try {
      tasks.complete(taskId, values);
    } catch (RuntimeException refused) {
      runtime.deleteProcessInstance(pid, "test");
      throw refused;
    }
  }

  private static String form(String field, String label) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 9,
         "components": [{"key": "%s", "label": "%s", "type": "textarea", "validate": {"required": true}}]}
        """.formatted(FORM, field, label);
  }
}
