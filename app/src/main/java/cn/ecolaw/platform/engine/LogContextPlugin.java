package cn.ecolaw.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The case number and the user on every log line the engine writes for a case (issue 14, structured logs): the
 * logging context (SLF4J MDC) holds {@value #USER} for every engine command (the authenticated user of the
 * {@code /api}, {@code /engine-rest} or Tasklist request, {@value #JOB_EXECUTOR} for the job executor's commands)
 * and {@value #CASE_NO} while a delegate, listener or expression runs for a process instance (its {@code caseNo}
 * variable, else its business key). The engine adds its own keys (process instance, activity, business key, see
 * {@code camunda.bpm.generic-properties}). Values are restored afterwards, so nested commands and delegates leave
 * the outer context as it was.
 */
@Component
public class LogContextPlugin extends AbstractProcessEnginePlugin {

  public static final String CASE_NO = "caseNo";
  public static final String USER = "userId";
  public static final String JOB_EXECUTOR = "job-executor";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(0, new UserContext(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
    List<CommandInterceptor> requiresNew = configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
    requiresNew.add(0, new UserContext(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDelegateInterceptor(new CaseContext(configuration.getDelegateInterceptor()));
  }

  /** Puts {@code key=value} into the MDC (removes it for null) and answers what was there before. */
  static String put(String key, String value) {
    String before = MDC.get(key);
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
    return before;
  }

  /** The user of each engine command. */
  static final class UserContext extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    UserContext(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      Authentication auth = configuration.getIdentityService().getCurrentAuthentication();
      String user = auth != null ? auth.getUserId()
          : Context.getJobExecutorContext() != null ? JOB_EXECUTOR : MDC.get(USER);
      String before = put(USER, user);
      try {
        return next.execute(command);
      } finally {
        put(USER, before);
      }
    }
  }

  /** The case of each delegate, listener or expression invocation. */
  static final class CaseContext implements DelegateInterceptor {

    private final DelegateInterceptor next;

    CaseContext(DelegateInterceptor next) {
      this.next = next;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
      String caseNo = caseNo(invocation.getContextExecution());
      if (caseNo == null) {
        next.handleInvocation(invocation);
        return;
      }
      String before = put(CASE_NO, caseNo);
      try {
        next.handleInvocation(invocation);
      } finally {
        put(CASE_NO, before);
      }
    }

    static String caseNo(BaseDelegateExecution execution) {
      if (!(execution instanceof DelegateExecution delegate)) {
        return null;
      }
      Object caseNo = delegate.getVariable("caseNo");
      if (caseNo != null && !caseNo.toString().isBlank()) {
        return caseNo.toString();
      }
      String businessKey = delegate.getProcessBusinessKey();
      return businessKey == null || businessKey.isBlank() ? null : businessKey;
    }
  }
}
