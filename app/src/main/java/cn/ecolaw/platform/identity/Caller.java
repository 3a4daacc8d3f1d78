package cn.ecolaw.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user on whose behalf the current thread calls the engine, as set by the {@code /api} and {@code /engine-rest}
 * filters and by the Camunda webapps. No authentication means engine-internal work (job executor, timers, demo
 * loader): not restricted. This is the platform's one answer to "who is the current user": delegates ask
 * {@link #userIdOf(ProcessEngineServices)} (through {@code workflow.ProcessUser}), the audit trail's
 * {@code ActorResolver} asks it before falling back to the HTTP request.
 */
@Component
public class Caller {

  private final IdentityService identity;
  private final AccessProperties properties;

  public Caller(IdentityService identity, AccessProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  /** The authenticated user, or null for engine-internal work. */
  public String userId() {
    return userIdOf(identity);
  }

  public List<String> groups() {
    return groupsOf(identity);
  }

  /** The authenticated user of the engine's current thread, or null for engine-internal work. */
  public static String userIdOf(IdentityService identity) {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** The same, from inside the engine (a delegate, a listener). */
  public static String userIdOf(ProcessEngineServices engine) {
    return userIdOf(engine.getIdentityService());
  }

  /** The groups of the authenticated user; empty for engine-internal work. */
  public static List<String> groupsOf(IdentityService identity) {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
  }

  /** True when nothing restricts the caller: engine-internal work or the administrator. */
  public boolean unrestricted() {
    return userId() == null || groups().contains(properties.adminGroup());
  }
}
