package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.shared.RefusalBodies;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Counts each refused request once, by the code it was answered with ({@code ecocase_refusals_total{code,door}}):
 * whoever writes a refusal marks the request ({@link RefusalBodies#mark}: the authentication filters, the refusal
 * translation of the engine's REST API and the webapps, the error page, the {@code /api} error handlers through
 * {@link ApiRefusalMarker}); this outermost filter reads the mark when the request (or its error dispatch) is done.
 */
public class RefusalMetricsFilter implements Filter {

  static final String COUNTED = RefusalMetricsFilter.class.getName() + ".counted";
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{0,15}-[A-Z0-9]{1,8}");

  private final OperationsMetrics metrics;

  public RefusalMetricsFilter(OperationsMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      count((HttpServletRequest) request, (HttpServletResponse) response);
    }
  }

  private void count(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RefusalBodies.REFUSAL_CODE_ATTRIBUTE);
    if (code == null || request.getAttribute(COUNTED) != null || response.getStatus() < 400) {
      return;
    }
    request.setAttribute(COUNTED, Boolean.TRUE);
    metrics.refused(CODE.matcher(code.toString()).matches() ? code.toString() : "OTHER", door(request));
  }

  /** The door the request came through (the original address on an error dispatch). */
  static String door(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original != null ? original.toString() : request.getRequestURI();
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    if (RefusalBodies.isApi(path)) {
      return "api";
    }
    if (path.startsWith("/engine-rest")) {
      return "engine-rest";
    }
    if (RefusalBodies.isActuator(path)) {
      return "actuator";
    }
    return path.startsWith("/camunda") ? "webapp" : "other";
  }
}
