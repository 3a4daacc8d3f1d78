package cn.ecolaw.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link LoginThrottle} for the webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * form fields {@code username} and {@code password}): a source that guessed wrong too often for a user gets 429 with
 * {@code Retry-After} (AUTH-006) before its password is checked; the login's answer (200, or 401 for a wrong
 * password) counts as a success or a failure of that source for that user.
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final LoginThrottle throttle;

  public WebappLoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equalsIgnoreCase(request.getMethod()) || !LOGIN.matcher(uri).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the form parameters: Jersey's @FormParam falls back to them once the body was read here
    String user = request.getParameter("username");
    String source = request.getRemoteAddr();
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    if (LoginThrottle.impossibleUserName(user)) {
      cn.ecolaw.platform.shared.RefusalBodies.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
          "AuthenticationException", "AUTH-002", "用户名或密码错误");
      return;
    }
    // one login of a (source, user) at a time: twenty guesses sent at once are throttled as twenty in a row
    synchronized (throttle.lockFor(source, user)) {
      long wait = throttle.waitSeconds(source, user);
      if (wait > 0) {
        ApiAuthenticationFilter.tooMany(request, response, wait);
        return;
      }
      chain.doFilter(request, response);
      int status = response.getStatus();
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        throttle.failed(source, user);
      } else if (status < 300) {
        throttle.succeeded(source, user);
      }
    }
  }
}
