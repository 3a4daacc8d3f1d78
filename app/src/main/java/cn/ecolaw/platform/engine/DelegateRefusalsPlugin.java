package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.Refusals;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.springframework.stereotype.Component;

/**
 * One place that turns a domain refusal into the engine's: a {@link PlatformException} thrown by any delegate,
 * task or execution listener or expression the engine invokes becomes {@link Refusals#of} (400, or 409 for a
 * conflict, with the code), so the whole command rolls back and the caller sees the coded Chinese message. The
 * delegates themselves stay free of try/catch.
 */
@Component
public class DelegateRefusalsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDelegateInterceptor(new RefusingDelegateInterceptor(configuration.getDelegateInterceptor()));
  }

  /** Wraps the engine's own interceptor (which switches the process application context and checks rights). */
  static final class RefusingDelegateInterceptor implements DelegateInterceptor {

    private final DelegateInterceptor next;

    RefusingDelegateInterceptor(DelegateInterceptor next) {
      this.next = next;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
      try {
        next.handleInvocation(invocation);
      } catch (PlatformException e) {
        throw Refusals.of(e);
      }
    }
  }
}
