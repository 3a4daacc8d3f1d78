package cn.ecolaw.platform.engine;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The process engine's own DMN engine, for evaluating decisions that are not deployed (the policy analysts' drafts):
 * the same FEEL engine, the same configuration and plugins (a faster {@code FeelEngineFactory} configured into the
 * engine applies here as well), so a draft evaluates exactly as it will once published. Only this adapter touches
 * the engine's implementation class.
 */
@Component
public class DecisionEngines {

  private final ProcessEngine engine;

  public DecisionEngines(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Runs {@code work} with the DMN engine the process engine evaluates its deployed decisions with, inside an engine
   * command (the engine's DMN engine parses and evaluates only there: its history-time-to-live parser and history
   * listener read the command's configuration; decisions that are not deployed leave no history).
   */
  public <T> T withDmnEngine(Function<DmnEngine, T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> work.apply(configuration.getDmnEngine()));
  }

  /**
   * The deployment rule every decision meets (FEEL only, DEPLOY-002/003), checked before a draft is stored; the
   * engine's {@link DecisionDeploymentGuard} checks it again when the draft is published.
   */
  public static void checkFeelOnly(String name, byte[] xml) {
    DecisionDeploymentGuard.checkFeelOnly(name, xml);
  }

  /**
   * Reads published decisions (definitions, their DMN files) for any caller: published tables are public rules
   * (APL 34), while the engine's authorizations on decision definitions are the analysts' (change, evaluate, deploy).
   * The caller's authentication is set aside for the read only and restored after; nothing is written.
   */
  public <T> T readPublished(Supplier<T> read) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return read.get();
    }
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
