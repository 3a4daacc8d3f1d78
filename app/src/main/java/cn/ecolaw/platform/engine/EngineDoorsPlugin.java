package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.identity.AccessProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Registers the checked engine doors: the {@link EngineDoorGuard} in front of every command, the
 * {@link DecisionDeploymentGuard} before every deployment, and an expression manager that reaches only the beans the
 * platform's models name ({@link ModelBeans}).
 */
@Component
public class EngineDoorsPlugin extends AbstractProcessEnginePlugin {

  private final AccessProperties access;
  private final ApplicationContext context;
  private final DeployedFormSchemas forms;

  public EngineDoorsPlugin(AccessProperties access, ApplicationContext context, DeployedFormSchemas forms) {
    this.access = access;
    this.context = context;
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // one guard per command executor: an interceptor holds the next one of its chain
    boolean gate = context.getEnvironment().getProperty("platform.engine.task-completion-gate", Boolean.class, true);
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired(),
        new EngineDoorGuard(configuration, access.adminGroup(), gate, forms)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(
        configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
        new EngineDoorGuard(configuration, access.adminGroup(), gate, forms)));
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, new DecisionDeploymentGuard(access.adminGroup()));
    configuration.setCustomPreDeployers(deployers);

    // beans named by the platform's models, plus any an operator lists (e.g. a test's fault injector)
    ModelBeans beans = ModelBeans.of(context, java.util.Set.of(context.getEnvironment()
        .getProperty("platform.expressions.extra-beans", String[].class, new String[0])));
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> list, CommandInterceptor guard) {
    List<CommandInterceptor> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
    out.add(0, guard);
    return out;
  }
}
