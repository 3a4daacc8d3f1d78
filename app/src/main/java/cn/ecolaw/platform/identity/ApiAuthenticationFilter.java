package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.shared.RefusalBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api/*} and {@code /engine-rest/*} against Camunda's identity service: anonymous or wrong
 * credentials get 401 with a Chinese message and a code (AUTH-001, AUTH-002) in the door's JSON shape
 * ({@link RefusalBodies}); a source that guessed wrong too often for a user gets 429 with {@code Retry-After}
 * (AUTH-006, {@link LoginThrottle}); otherwise the user, their groups and tenants are the engine's current
 * authentication for the request, so that engine calls are authorized as that user.
 *
 * <p>For {@code /api/*} only, the platform's own pages ({@code /ui/…}) use the webapps' login instead: a request
 * without credentials but with a Camunda webapp session (same login as Tasklist) is that session's user. A
 * state-changing request on a session must carry the session's anti-forgery token in {@code X-XSRF-TOKEN} (the
 * token {@code GET /api/session} answers), else 403 AUTH-007 — a cookie alone never writes.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String REALM = "Basic realm=\"eco-case-platform\", charset=\"UTF-8\"";

  /** Camunda's session attribute of the anti-forgery token (CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME). */
  public static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  public static final String CSRF_HEADER = "X-XSRF-TOKEN";
  static final String ENGINE = "default";

  private final IdentityService identity;
  private final LoginThrottle throttle;
  private final boolean acceptWebappSession;
  private final VerifiedLogins verified;

  public ApiAuthenticationFilter(IdentityService identity, LoginThrottle throttle) {
    this(identity, throttle, false);
  }

  public ApiAuthenticationFilter(IdentityService identity, LoginThrottle throttle, boolean acceptWebappSession) {
    this(identity, throttle, acceptWebappSession, new VerifiedLogins(java.time.Duration.ZERO, java.time.Clock.systemUTC()));
  }

  public ApiAuthenticationFilter(IdentityService identity, LoginThrottle throttle, boolean acceptWebappSession,
      VerifiedLogins verified) {
    this.identity = identity;
    this.throttle = throttle;
    this.acceptWebappSession = acceptWebappSession;
    this.verified = verified;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
    String sessionUser = credentials == null ? sessionUser(request) : null;
    if (sessionUser != null) {
      if (!safeMethod(request) && !csrfTokenMatches(request)) {
        RefusalBodies.write(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthenticationException",
            "AUTH-007", "页面请求缺少有效的防伪令牌（X-XSRF-TOKEN），请刷新页面后重试");
        return;
      }
      runAs(sessionUser, request, response, chain);
      return;
    }
    if (credentials == null) {
      refuse(request, response, "AUTH-001", "请先登录：访问本接口需要提供用户名和密码（HTTP Basic 认证）");
      return;
    }
    if (LoginThrottle.impossibleUserName(credentials[0])) {
      refuse(request, response, "AUTH-002", "用户名或密码错误");
      return;
    }
    String source = request.getRemoteAddr();
    long wait = throttle.waitSeconds(source, credentials[0]);
    if (wait > 0) {
      tooMany(request, response, wait);
      return;
    }
    var known = verified.find(credentials[0], credentials[1]);
    if (known.isPresent()) {
      runAs(credentials[0], known.get(), request, response, chain);
      return;
    }
    VerifiedLogins.Identity who;
    synchronized (throttle.lockFor(source, credentials[0])) {
      // checked one after another: a guess in flight with others sees their failures counted
      wait = throttle.waitSeconds(source, credentials[0]);
      if (wait > 0) {
        tooMany(request, response, wait);
        return;
      }
      known = verified.find(credentials[0], credentials[1]);
      if (known.isPresent()) {
        who = known.get();
      } else if (!identity.checkPassword(credentials[0], credentials[1])) {
        verified.forget(credentials[0]);
        throttle.failed(source, credentials[0]);
        refuse(request, response, "AUTH-002", "用户名或密码错误");
        return;
      } else {
        throttle.succeeded(source, credentials[0]);
        who = lookUp(credentials[0]);
        verified.remember(credentials[0], credentials[1], who);
      }
    }
    runAs(credentials[0], who, request, response, chain);
  }

  private VerifiedLogins.Identity lookUp(String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new VerifiedLogins.Identity(groups, tenants);
  }

  private void runAs(String userId, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    runAs(userId, lookUp(userId), request, response, chain);
  }

  private void runAs(String userId, VerifiedLogins.Identity who, HttpServletRequest request,
      HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    identity.setAuthentication(userId, who.groups(), who.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The user of the request's Camunda webapp session, or null (no session, not logged in, or not accepted here). */
  private String sessionUser(HttpServletRequest request) {
    if (!acceptWebappSession) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
    return auth == null ? null : auth.getName();
  }

  private static boolean safeMethod(HttpServletRequest request) {
    String method = request.getMethod();
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    Object expected = request.getSession().getAttribute(CSRF_SESSION_ATTRIBUTE);
    String given = request.getHeader(CSRF_HEADER);
    return expected != null && given != null && java.security.MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** {user, password} from a Basic header, or null when absent or malformed. */
  static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String code, String message)
      throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      // A page's script says X-Requested-With: no Basic challenge for it, else the browser pops its own login box
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    }
    RefusalBodies.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", code,
        message);
  }

  static void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    RefusalBodies.write(request, response, 429, "TooManyLoginAttempts", LoginThrottle.CODE,
        LoginThrottle.message(seconds));
  }
}
