package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.workflow.Refusals;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The platform grants, it never revokes: every authorization it writes is a GRANT ({@code identity.EngineGrants},
 * Camunda's task and instance grants); a permission is taken back by changing or deleting the grant. So the engine
 * runs with {@code authorizationCheckRevokes = never}: it skips the per-command "is there any REVOKE for this user"
 * query and always builds the join form of its authorization checks (which {@link TaskQueryGrantSemiJoin} turns
 * into one read of the user's grants per Tasklist query). That is only right while no REVOKE exists, so a REVOKE
 * authorization is refused through every door that writes one ({@code /engine-rest/authorization/create}, the admin
 * webapp's authorization page, {@code AuthorizationService} in code, an update turning a grant into a revoke): 400
 * {@value #CODE}, nothing written.
 */
@Component
public class NoRevokeAuthorizations extends AbstractProcessEnginePlugin {

  public static final String CODE = "AUTH-021";
  static final String MESSAGE = "平台只使用授予（GRANT）类授权，不能创建撤销（REVOKE）类授权：权限检查按“不存在撤销授权”执行，"
      + "撤销授权不会生效。要收回权限，请修改或删除相应的授予授权";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GrantsOnlyAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, refusing to write a REVOKE authorization. */
  static class GrantsOnlyAuthorizationManager extends AuthorizationManager {

    @Override
    public void insert(DbEntity entity) {
      if (entity instanceof AuthorizationEntity a) {
        refuseRevoke(a);
      }
      super.insert(entity);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      refuseRevoke(authorization);
      super.update(authorization);
    }

    private static void refuseRevoke(AuthorizationEntity authorization) {
      if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw Refusals.refuse(CODE, MESSAGE);
      }
    }
  }
}
