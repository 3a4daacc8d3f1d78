package cn.ecolaw.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user on whose behalf the current thread calls the engine, as set by the {@code /api} and {@code /engine-rest}
 * filters. No authentication means engine-internal work (job executor, delegates, demo loader): not restricted.
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
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  public List<String> groups() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
  }

  /** True when nothing restricts the caller: engine-internal work or the administrator. */
  public boolean unrestricted() {
    return userId() == null || groups().contains(properties.adminGroup());
  }
}
