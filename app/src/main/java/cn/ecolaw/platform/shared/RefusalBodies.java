package cn.ecolaw.platform.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of a refusal written outside the controllers (authentication filters, error pages), in the shape
 * of the door that was asked: {@code /api} answers {@code {"code", "message"}} like {@link ApiError}; the engine's
 * REST API and the webapps' APIs answer in Camunda's shape {@code {"type", "message", "code"}} with the message
 * prefixed by its code ("【AUTH-002】…"), as the engine's refusals are.
 */
public final class RefusalBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RefusalBodies() {}

  /** A refusal's code and Chinese message. */
  public record Refusal(String code, String message) {}

  /**
   * The code and Chinese message for an HTTP status when nothing more specific is known (an error page, an English
   * or empty body of the engine's REST API or the webapps).
   */
  public static Refusal byStatus(int status, String type) {
    if (status == 400 && type != null && (type.contains("Json") || type.contains("Parse"))) {
      return new Refusal("REQ-003", "请求内容不是有效的 JSON 或字段类型不正确");
    }
    return switch (status) {
      case 400 -> new Refusal("REQ-400", "请求无效：参数或内容的格式不正确");
      case 401 -> new Refusal("AUTH-001", "请先登录：未登录、登录已过期，或用户名、密码不正确");
      case 403 -> new Refusal("AUTH-005", "无权执行此操作：当前用户所在岗位没有相应的权限");
      case 404 -> new Refusal("REQ-404", "请求的地址或对象不存在");
      case 405 -> new Refusal("REQ-405", "该地址不支持此请求方法");
      case 406 -> new Refusal("REQ-406", "无法按请求要求的格式答复（请接受 application/json）");
      case 409 -> new Refusal("REQ-409", "该事项正由他人同时办理，本次请求未作任何更改；请刷新后重试");
      case 413 -> new Refusal("REQ-413", "请求内容过大");
      case 415 -> new Refusal("REQ-415", "请求内容的类型不受支持（请使用 application/json）");
      case 429 -> new Refusal("AUTH-006", "请求过于频繁，请稍后再试");
      default -> status >= 500
          ? new Refusal("REQ-500", "服务器内部错误，请稍后重试或联系管理员")
          : new Refusal("REQ-" + status, "请求被拒绝（HTTP " + status + "）");
    };
  }

  public static boolean isApi(String path) {
    // the API's description (/v3/api-docs, issue 14) refuses in the API's shape
    return path != null && (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/v3/api-docs"));
  }

  /** The operator's endpoints (issue 14) answer in the application API's shape. */
  public static boolean isActuator(String path) {
    return path != null && (path.equals("/actuator") || path.startsWith("/actuator/"));
  }

  /**
   * The request attribute naming the code of the refusal a request was answered with: set wherever a refusal is
   * written, read once at the end of the request to count refusals by code (issue 14, {@code ecocase_refusals_total}).
   */
  public static final String REFUSAL_CODE_ATTRIBUTE = RefusalBodies.class.getName() + ".code";

  /** Records the code of the refusal this request is answered with (the last one written wins). */
  public static void mark(HttpServletRequest request, String code) {
    if (request != null && code != null) {
      request.setAttribute(REFUSAL_CODE_ATTRIBUTE, code);
    }
  }

  /** The body for a request path. */
  public static Map<String, Object> body(String path, String type, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (isApi(path) || isActuator(path)) {
      body.put("code", code);
      body.put("message", message);
    } else {
      body.put("type", type);
      body.put("message", "【" + code + "】" + message);
      body.put("code", code);
    }
    return body;
  }

  /** Writes the refusal (status, JSON body in UTF-8) unless the response is already committed. */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
      String code, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    mark(request, code);
    response.resetBuffer();
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body(pathOf(request), type, code, message)));
    response.flushBuffer();
  }

  /** The path inside the application (no context path). */
  public static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
