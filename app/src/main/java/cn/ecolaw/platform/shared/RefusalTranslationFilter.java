package cn.ecolaw.platform.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST API ({@code /engine-rest}) and the webapps' APIs ({@code /camunda/api}) refuse in English or
 * with no body at all (401 without a body, "The user with id 'x' does not have 'READ' permission…", "HTTP 405 Method
 * Not Allowed", a Jackson parse error). This filter lets every answer below 400 and every refusal that already
 * carries a Chinese message through unchanged, and rewrites any other 4xx/5xx body into JSON with a code and a
 * Chinese message ({@link RefusalBodies#byStatus}), keeping the status, the headers and Camunda's {@code type}.
 */
public class RefusalTranslationFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    SwallowedRefusals.clear();
    try {
      chain.doFilter(request, wrapper);
    } finally {
      try {
        translate(request, wrapper);
        wrapper.copyBodyToResponse();
      } finally {
        SwallowedRefusals.clear();
      }
    }
  }

  private static void translate(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
    int status = response.getStatus();
    if (status < 400 || response.isCommitted()) {
      return;
    }
    byte[] body = response.getContentAsByteArray();
    JsonNode json = null;
    if (body.length > 0) {
      try {
        json = JSON.readTree(body);
      } catch (IOException notJson) {
        json = null;
      }
    }
    if (json != null && json.isObject() && coded(json)) {
      RefusalBodies.mark(request, codeOf(json));
      recode((com.fasterxml.jackson.databind.node.ObjectNode) json, response);
      return;
    }
    SwallowedRefusals.Refusal swallowed = SwallowedRefusals.last();
    if (swallowed != null && swallowed.code() != null) {
      // the engine refused with a code, the REST resource answered something else (e.g. a bare 404): the refusal
      response.setStatus(swallowed.status());
      RefusalBodies.mark(request, swallowed.code());
      Map<String, Object> refused = new java.util.LinkedHashMap<>();
      refused.put("type", swallowed.type());
      refused.put("message", swallowed.message());
      refused.put("code", swallowed.code());
      writeJson(response, refused);
      return;
    }
    String type = json != null && json.hasNonNull("type") ? json.get("type").asText() : errorType(status);
    String original = json == null ? "" : json.path("message").asText("");
    String path = RefusalBodies.pathOf(request);
    if (status >= 500 && ("OptimisticLockingException".equals(type) || original.startsWith("ENGINE-03005"))) {
      // a parallel request on the same entity won (twenty edits of one comment at once: each updates the task); the
      // engine rolled this one back, nothing changed
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      RefusalBodies.Refusal refusal = RefusalBodies.byStatus(409, type);
      RefusalBodies.mark(request, refusal.code());
      writeJson(response, withDetail(RefusalBodies.body(path, type, refusal.code(), refusal.message()), original));
      return;
    }
    if (status >= 500 && original.contains("StreamReadConstraints")) {
      // JSON nested deeper than the parser's limit (1000): malformed input, as an unparsable body
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      RefusalBodies.Refusal refusal = RefusalBodies.byStatus(400, "JsonParseException");
      RefusalBodies.mark(request, refusal.code());
      writeJson(response, withDetail(RefusalBodies.body(path, type, refusal.code(), refusal.message()), original));
      return;
    }
    if (AUTHORIZATION_WRITE.matcher(path).matches() && ("POST".equals(request.getMethod())
        || "PUT".equals(request.getMethod())) && (status >= 500 || "NullValueException".equals(type))) {
      // an authorization the engine cannot hold (type 3, a GLOBAL one for a named user, no resource type, neither or
      // both of user and group): the administrator's input, refused before anything was written
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      RefusalBodies.mark(request, BAD_AUTHORIZATION_CODE);
      writeJson(response, withDetail(RefusalBodies.body(path, type, BAD_AUTHORIZATION_CODE,
          BAD_AUTHORIZATION_MESSAGE), original));
      return;
    }
    if (status >= 500 && invalidQuery(original) || status >= 400 && "NullValueException".equals(type) && queryDoor(path)) {
      // criteria the engine cannot run together or with such a value: the request's fault, not the server's, and
      // nothing is "not found" either
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      RefusalBodies.mark(request, BAD_QUERY_CODE);
      writeJson(response, withDetail(RefusalBodies.body(path, type, BAD_QUERY_CODE, BAD_QUERY_MESSAGE), original));
      return;
    }
    if (status >= 500 && ("NullValueException".equals(type) || original.contains("Cannot find")
        || original.contains("does not exist") || original.matches("(?s).*\\b\\w+ is null.*"))) {
      // the engine could not find what the request names (a task, an instance): not the server's fault
      status = HttpServletResponse.SC_NOT_FOUND;
      response.setStatus(status);
    } else if (status >= 500 && "NotValidException".equals(type)) {
      status = HttpServletResponse.SC_BAD_REQUEST;
      response.setStatus(status);
    }
    if (status >= 500 && (original.contains("Unknown property used in expression")
        || original.contains("Cannot resolve identifier"))) {
      // a model whose expression names what the platform does not expose to models (engine.ModelBeans)
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      RefusalBodies.mark(request, EXPRESSION_REFUSED);
      writeJson(response, withDetail(RefusalBodies.body(RefusalBodies.pathOf(request), type, EXPRESSION_REFUSED,
          "流程模型中的表达式引用了平台未向模型开放的对象，已拒绝执行，案件未作任何改动"), original));
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8).toLowerCase();
    boolean unparsable = status == 400 && (text.contains("json") || text.contains("pars")
        || text.contains("unexpected") || text.contains("end-of-input"));
    RefusalBodies.Refusal refusal = RefusalBodies.byStatus(status, unparsable ? "JsonParseException" : type);
    RefusalBodies.mark(request, refusal.code());
    Map<String, Object> refused = RefusalBodies.body(RefusalBodies.pathOf(request), type, refusal.code(),
        refusal.message());
    writeJson(response, status >= 500 ? withDetail(refused, original) : refused);
  }

  public static final String BAD_AUTHORIZATION_CODE = "AUTH-022";
  static final String BAD_AUTHORIZATION_MESSAGE = "授权内容不正确：类型须为全局（0）或授予（1），全局授权的用户须为“*”，"
      + "须指定资源类型，且须指定用户或组之一（不能两者都指定），授权未保存";

  private static final java.util.regex.Pattern AUTHORIZATION_WRITE = java.util.regex.Pattern.compile(
      "^/(engine-rest|camunda/api/engine/engine/[^/]+)/authorization/[^/]+/?$");

  public static final String BAD_QUERY_CODE = "REQ-400";
  public static final String BAD_QUERY_MESSAGE = "查询条件无效：其中的条件不能同时使用，或条件的值不能这样比较（如“无候选组”放在“或”查询中、"
      + "候选人与候选组同时指定、布尔值比较大小、缺少变量名），请修改查询条件后重试";

  /** The engine's words for a query it refuses to build (TaskQueryImpl, the variable conditions of any query). */
  private static final java.util.regex.Pattern INVALID_QUERY = java.util.regex.Pattern.compile(
      "^(Invalid query usage: .*|Booleans and null cannot be used in '[a-z ]+' condition|Object values cannot be used "
          + "to query|.*cannot be used in '[a-z ]+' condition.*)$", java.util.regex.Pattern.DOTALL);

  /** The engine's (and the Tasklist's) query doors: lists and counts, a filter's list, count and single result. */
  private static final java.util.regex.Pattern QUERY_DOOR = java.util.regex.Pattern.compile(
      "^/(engine-rest|camunda/api/engine/engine/[^/]+)/(task|process-instance|execution|variable-instance|job|incident"
          + "|history/[a-z-]+|filter/[^/]+/(list|count|singleResult))(/count)?/?$");

  static boolean invalidQuery(String engineMessage) {
    return engineMessage != null && INVALID_QUERY.matcher(engineMessage).matches();
  }

  static boolean queryDoor(String path) {
    return path != null && QUERY_DOOR.matcher(path).matches();
  }

  /** The refusal's code: the body's textual {@code code}, else the one in "【CODE】…". */
  private static String codeOf(JsonNode json) {
    if (json.path("code").isTextual()) {
      return json.path("code").asText();
    }
    String message = json.path("message").asText("");
    int end = message.indexOf('】');
    return message.startsWith("【") && end > 1 ? message.substring(1, end) : null;
  }

  /** The code of "【CODE】…" as the body's {@code code} (Camunda puts its numeric engine error code there). */
  private static void recode(com.fasterxml.jackson.databind.node.ObjectNode json, ContentCachingResponseWrapper response)
      throws IOException {
    String message = json.path("message").asText("");
    int end = message.indexOf('】');
    if (!message.startsWith("【") || end < 2 || json.path("code").isTextual()) {
      return;
    }
    json.put("code", message.substring(1, end));
    writeJson(response, json);
  }

  /** The engine's own words, for the administrator reading the log or the answer; the message stays Chinese. */
  private static Map<String, Object> withDetail(Map<String, Object> body, String original) {
    if (original != null && !original.isBlank()) {
      body.put("detail", original);
    }
    return body;
  }

  private static void writeJson(HttpServletResponse response, Object body) throws IOException {
    response.resetBuffer();
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  /** Already a refusal of the platform: "【CODE】中文…" or {"code": "X-1", "message": "中文…"}. */
  static final String EXPRESSION_REFUSED = "EXPR-001";

  private static boolean coded(JsonNode json) {
    String message = json.path("message").asText("");
    boolean chinese = message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    return chinese && (message.startsWith("【") || json.path("code").isTextual());
  }

  private static String errorType(int status) {
    return switch (status) {
      case 401 -> "AuthenticationException";
      case 403 -> "AuthorizationException";
      default -> "Error";
    };
  }
}
