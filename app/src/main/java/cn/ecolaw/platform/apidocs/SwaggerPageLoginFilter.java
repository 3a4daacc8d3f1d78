package cn.ecolaw.platform.apidocs;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Swagger UI page and its files need the webapps' login (same session as Tasklist and the platform's pages): a
 * visitor without it is sent to {@code /ui/login.html}, which brings them back to the page after login.
 */
class SwaggerPageLoginFilter extends OncePerRequestFilter {

  static final String PAGE = "/swagger-ui/index.html";
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (loggedIn(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.sendRedirect("/ui/login.html?next=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8));
  }

  private static boolean loggedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
    return auth != null;
  }
}
