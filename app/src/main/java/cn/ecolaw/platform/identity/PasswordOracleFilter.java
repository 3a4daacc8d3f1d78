package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.shared.RefusalBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda's password oracle {@code POST …/identity/verify} ({@code {"username","password"}} → authenticated
 * true/false) on {@code /engine-rest} and the webapps' engine API: any signed-in user could test any other user's
 * passwords there, unthrottled (and, with Camunda's user lock, lock them out). No page of the platform uses it.
 * Answers 403 AUTH-008.
 */
public class PasswordOracleFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !(uri.endsWith("/identity/verify") || uri.endsWith("/identity/verify/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RefusalBodies.write(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "AUTH-008",
        "平台不提供密码核验接口（防止借此猜测他人密码）");
  }
}
