package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The try/catch(PlatformException) → Refusals.of that every delegate repeated is one engine delegate interceptor:
 * a delegate that throws the platform's refusal is refused by the engine with the code, 409 kept as a conflict,
 * and nothing of the command stays.
 */
@PlatformTest
class DelegateRefusalsTest {

  static final String KEY = "delegate-refusals-test";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  private String deployment;

  /** A delegate as the platform writes them: no try/catch, the service's refusal goes straight out. */
  public static class RefusingDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (Boolean.TRUE.equals(execution.getVariable("conflict"))) {
        throw PlatformException.conflict("TEST-409", "已经办理过了");
      }
      throw PlatformException.badRequest("TEST-400", "不符合法定条件");
    }
  }

  @BeforeEach
  void deploy() {
    deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
        .startEvent().serviceTask("refuse").camundaClass(RefusingDelegate.class.getName()).endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aPlatformExceptionFromAnyDelegateIsTheEnginesCodedRefusal() {
    // given a delegate without try/catch that refuses; when the process runs it
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY))
        // then the engine refuses with the code and the Chinese message, as a 400
        .isInstanceOf(BadUserRequestException.class)
        .satisfies(e -> assertThat(Refusals.status((BadUserRequestException) e)).isEqualTo(400))
        .hasMessage("【TEST-400】不符合法定条件");
    // and nothing was started
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
  }

  @Test
  void aConflictFromAnyDelegateStaysAConflict() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, java.util.Map.of("conflict", true)))
        .isInstanceOf(Refusals.Conflict.class)
        .hasMessage("【TEST-409】已经办理过了");
  }
}
