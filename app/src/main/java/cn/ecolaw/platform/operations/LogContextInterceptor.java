package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The user and the case of an {@code /api} request in the logging context (MDC {@code userId}, {@code caseNo}), for
 * every line logged while it is handled (issue 14): the user the authentication filter established, the case the
 * address names ({@code /api/cases/{caseNo}/…}). The engine's commands and delegates add theirs
 * ({@code engine.LogContextPlugin}).
 */
public class LogContextInterceptor implements HandlerInterceptor {

  public static final String CASE_NO = "caseNo";
  public static final String USER = "userId";

  private final Caller caller;

  public LogContextInterceptor(Caller caller) {
    this.caller = caller;
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String user = caller.userId();
    if (user != null) {
      MDC.put(USER, user);
    }
    Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String caseNo = path == null ? null : path.get("caseNo");
    if (caseNo != null && !caseNo.isBlank()) {
      MDC.put(CASE_NO, caseNo);
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    MDC.remove(USER);
    MDC.remove(CASE_NO);
  }
}
