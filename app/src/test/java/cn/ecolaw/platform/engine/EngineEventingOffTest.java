package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.spring.boot.starter.event.ExecutionEvent;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Camunda's Spring eventing (camunda.bpm.eventing.*) is off: the engine publishes no Spring event per activity, task
 * or history event, and no platform component listens for one (it would silently never be called). The platform's
 * own engine hooks (metrics, labels, trail, search outbox) are plugins and keep working (OperationsMetricsTest,
 * CaseLabelsTest, SearchOutboxTest, AuditTrailTest).
 */
@PlatformTest
class EngineEventingOffTest {

  @Autowired ProcessEngine engine;
  @Autowired AbstractApplicationContext context;

  @Test
  void theEnginePublishesNoSpringEventsPerActivityTaskOrHistoryEvent() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<Object> hooks = new ArrayList<>();
    Stream.of(configuration.getCustomPreBPMNParseListeners(), configuration.getCustomPostBPMNParseListeners(),
        configuration.getCustomHistoryEventHandlers()).filter(l -> l != null).forEach(hooks::addAll);

    assertThat(hooks).extracting(h -> h.getClass().getName())
        .noneMatch(name -> name.startsWith("org.camunda.bpm.spring.boot.starter.event."));
  }

  @Test
  void noPlatformComponentListensToTheEnginesSpringEvents() {
    List<ResolvableType> engineEvents = Stream.of(DelegateExecution.class, DelegateTask.class, HistoryEvent.class,
            ExecutionEvent.class, TaskEvent.class)
        .map(type -> ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, type)).toList();
    List<String> listening = new ArrayList<>();
    List<ApplicationListener<?>> listeners = new ArrayList<>(context.getApplicationListeners());
    context.getBeansOfType(ApplicationListener.class).values().forEach(listeners::add);
    for (ApplicationListener<?> listener : listeners) {
      String id = listener instanceof ApplicationListenerMethodAdapter method ? method.getListenerId()
          : listener.getClass().getName();
      if (!id.startsWith("cn.ecolaw.")) {
        continue;
      }
      GenericApplicationListener generic = listener instanceof GenericApplicationListener g ? g
          : new GenericApplicationListenerAdapter(listener);
      if (engineEvents.stream().anyMatch(generic::supportsEventType)) {
        listening.add(id);
      }
    }

    assertThat(listening).as("platform listeners of Camunda's Spring events, which are off").isEmpty();
  }
}
