package cn.ecolaw.platform.audit;

import cn.ecolaw.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting now. The user: the engine's current user ({@link Caller}, the platform's one answer; set by the
 * engine's REST authentication and by the webapps), else the HTTP request's authenticated principal (Spring Security's context or
 * {@code request.getUserPrincipal()}), else {@value Actor#ANONYMOUS} within a request and {@value Actor#SYSTEM}
 * outside one (timers, start-up). The unit: the user's groups of type {@value #UNIT_TYPE}, read without
 * authorization checks. The source: the client's address, {@code job} on the job executor, {@code engine} for other
 * engine work, {@code internal} otherwise.
 */
@Component
public class ActorResolver {

  public static final String UNIT_TYPE = "UNIT";

  private final ObjectProvider<ProcessEngine> engine;

  public ActorResolver(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  public Actor current() {
    String user = user();
    return new Actor(user, unitOf(user), source());
  }

  String user() {
    String engineUser = Caller.userIdOf(configuration().getIdentityService());
    if (engineUser != null) {
      return engineUser;
    }
    HttpServletRequest request = request();
    if (request == null) {
      return Actor.SYSTEM;
    }
    String fromSecurity = springSecurityUser();
    if (fromSecurity != null) {
      return fromSecurity;
    }
    Principal principal = request.getUserPrincipal();
    return principal == null || principal.getName() == null ? Actor.ANONYMOUS : principal.getName();
  }

  /** The units of a user, comma-separated ids (usually one); null for system, anonymous or unit-less users. */
  public String unitOf(String userId) {
    if (userId == null || userId.equals(Actor.SYSTEM) || userId.equals(Actor.ANONYMOUS)) {
      return null;
    }
    ProcessEngineConfigurationImpl configuration = configuration();
    List<Group> units = configuration.getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() -> configuration.getIdentityService().createGroupQuery()
            .groupMember(userId).groupType(UNIT_TYPE).orderByGroupId().asc().list()));
    return units.isEmpty() ? null : units.stream().map(Group::getId).collect(Collectors.joining(","));
  }

  String source() {
    HttpServletRequest request = request();
    if (request != null) {
      return request.getRemoteAddr();
    }
    if (Context.getJobExecutorContext() != null) {
      return "job";
    }
    return Context.getCommandContext() != null ? "engine" : "internal";
  }

  private ProcessEngineConfigurationImpl configuration() {
    ProcessEngineConfigurationImpl inCommand = Context.getCommandContext() == null ? null
        : Context.getProcessEngineConfiguration();
    return inCommand != null ? inCommand
        : (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
  }

  private static HttpServletRequest request() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }

  /**
   * The authenticated user of Spring Security when it is on the classpath (it is not yet: looked up by name so
   * that adding it needs no change here); anonymous tokens do not count.
   */
  private static String springSecurityUser() {
    try {
      Class<?> holder = Class.forName("org.springframework.security.core.context.SecurityContextHolder");
      Object context = holder.getMethod("getContext").invoke(null);
      Object auth = context.getClass().getMethod("getAuthentication").invoke(context);
      if (auth == null || auth.getClass().getSimpleName().startsWith("Anonymous")) {
        return null;
      }
      Method authenticated = auth.getClass().getMethod("isAuthenticated");
      return Boolean.TRUE.equals(authenticated.invoke(auth)) ? ((Principal) auth).getName() : null;
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      return null;
    }
  }
}
