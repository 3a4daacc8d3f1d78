package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.shared.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api/*} against Camunda's identity service: anonymous or wrong credentials get 401 with a
 * Chinese {@code {code,message}}; otherwise the user, their groups and tenants are the engine's current
 * authentication for the request, so that engine calls made by {@code /api} are authorized as that user.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String REALM = "Basic realm=\"eco-case-platform\", charset=\"UTF-8\"";

  private final IdentityService identity;
  private final ObjectMapper json;

  public ApiAuthenticationFilter(IdentityService identity, ObjectMapper json) {
    this.identity = identity;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (credentials == null) {
      refuse(response, new ApiError("AUTH-001", "请先登录：访问本接口需要提供用户名和密码（HTTP Basic 认证）"));
      return;
    }
    if (!identity.checkPassword(credentials[0], credentials[1])) {
      refuse(response, new ApiError("AUTH-002", "用户名或密码错误，或账户已被暂时锁定"));
      return;
    }
    String userId = credentials[0];
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
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

  private void refuse(HttpServletResponse response, ApiError error) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(json.writeValueAsString(error));
  }
}
