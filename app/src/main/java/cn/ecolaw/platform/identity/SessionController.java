package cn.ecolaw.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is, for the platform's pages: user, name, role groups and units, and the anti-forgery token that
 * the pages send as {@code X-XSRF-TOKEN} with every state-changing request made on the webapps' session (the
 * webapps' own token when the Tasklist has set one, else a new one that the webapps then share). A same-origin
 * read: no other site can read the answer.
 */
@RestController
class SessionController {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final Caller caller;

  SessionController(IdentityService identity, Caller caller) {
    this.identity = identity;
    this.caller = caller;
  }

  @GetMapping("/api/session")
  Map<String, Object> session(HttpServletRequest request) {
    String userId = caller.userId();
    User user = identity.createUserQuery().userId(userId).singleResult();
    List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", userId);
    body.put("name", user == null ? userId : (nonNull(user.getFirstName()) + " " + nonNull(user.getLastName())).trim());
    body.put("groups", groups.stream().filter(g -> !"UNIT".equals(g.getType()))
        .map(g -> Map.of("id", g.getId(), "name", nonNull(g.getName()))).toList());
    body.put("units", groups.stream().filter(g -> "UNIT".equals(g.getType()))
        .map(g -> Map.of("id", g.getId(), "name", nonNull(g.getName()))).toList());
    body.put("admin", caller.unrestricted());
    body.put("csrfToken", csrfToken(request.getSession(false)));
    return body;
  }

  /** The session's token (created when absent); null for callers without a session (HTTP Basic). */
  private static String csrfToken(HttpSession session) {
    if (session == null) {
      return null;
    }
    synchronized (session.getId().intern()) {
      Object token = session.getAttribute(ApiAuthenticationFilter.CSRF_SESSION_ATTRIBUTE);
      if (token == null) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        token = HexFormat.of().withUpperCase().formatHex(bytes);
        session.setAttribute(ApiAuthenticationFilter.CSRF_SESSION_ATTRIBUTE, token);
      }
      return token.toString();
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
