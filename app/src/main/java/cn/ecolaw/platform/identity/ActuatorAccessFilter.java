package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.shared.RefusalBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator's endpoints ({@code /actuator/*}, issue 14): HTTP Basic against the identity service, like
 * {@code /api}, and then membership of one of the reader groups ({@code platform.operations.reader-groups}: the
 * administrator and the scraping account's group). Anonymous or a wrong password: 401 AUTH-001/AUTH-002; a user of
 * another group: 403 OPS-001; guessing: 429 AUTH-006 ({@link LoginThrottle}). The probes a load balancer or an
 * orchestrator calls without credentials ({@code /actuator/health/liveness}, {@code /actuator/health/readiness})
 * are open: they answer a status and nothing else.
 *
 * <p>The user is not made the engine's current authentication: health and metrics read the engine as the platform
 * (all jobs, all incidents), and nothing on these endpoints changes anything (read-only actuator access).
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

  public static final String FORBIDDEN_CODE = "OPS-001";
  static final Set<String> OPEN = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

  private final IdentityService identity;
  private final LoginThrottle throttle;
  private final List<String> readerGroups;

  public ActuatorAccessFilter(IdentityService identity, LoginThrottle throttle, List<String> readerGroups) {
    this.identity = identity;
    this.throttle = throttle;
    this.readerGroups = List.copyOf(readerGroups);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RefusalBodies.pathOf(request);
    if (OPEN.contains(stripSlash(path))) {
      chain.doFilter(request, response);
      return;
    }
    String[] credentials = ApiAuthenticationFilter.credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (credentials == null) {
      unauthorized(request, response, "AUTH-001", "请先登录：运维端点需要提供用户名和密码（HTTP Basic 认证）");
      return;
    }
    if (LoginThrottle.impossibleUserName(credentials[0])) {
      unauthorized(request, response, "AUTH-002", "用户名或密码错误");
      return;
    }
    String source = request.getRemoteAddr();
    long wait = throttle.waitSeconds(source, credentials[0]);
    if (wait > 0) {
      ApiAuthenticationFilter.tooMany(request, response, wait);
      return;
    }
    if (!identity.checkPassword(credentials[0], credentials[1])) {
      throttle.failed(source, credentials[0]);
      unauthorized(request, response, "AUTH-002", "用户名或密码错误");
      return;
    }
    throttle.succeeded(source, credentials[0]);
    if (!isReader(credentials[0])) {
      RefusalBodies.write(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          FORBIDDEN_CODE, "无权查看运维端点：仅系统管理员和运维监控账户（" + String.join("、", readerGroups)
              + "）可以读取健康状态和指标");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isReader(String userId) {
    return !readerGroups.isEmpty()
        && identity.createGroupQuery().groupMember(userId).groupIdIn(readerGroups.toArray(String[]::new)).count() > 0;
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String code,
      String message) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiAuthenticationFilter.REALM);
    RefusalBodies.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", code,
        message);
  }
}
