package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.shared.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bad input on {@code /api} is refused, never silently ignored: a query parameter the endpoint does not declare
 * ({@code /api/reviews/statistics?from=zz}: the statistics have no period, and answering them whole would let the
 * reader believe the period was applied) is refused with 400 {@value #UNKNOWN_CODE}; {@code limit}, wherever it is
 * declared, is a positive integer (400 {@value #LIMIT_CODE}; {@code limit=0} or {@code -1} was silently read as 1, a
 * large one is still capped at {@value #MAX_LIMIT} by the list). Only the query string is checked (a form body is the
 * endpoint's own). A parameter given twice ({@code ?q=a&q=b}: Spring glued it into "a,b" and searched for that) is
 * refused with 400 {@value #REPEATED_CODE} (no /api parameter takes a list), and a value carrying a control character
 * ({@code ?q=%00}: trimmed into "no filter", or refused by PostgreSQL with a 5xx) with 400 {@value #CONTROL_CODE}.
 */
public class ApiParameterCheck implements HandlerInterceptor {

  public static final String UNKNOWN_CODE = "REQ-005";
  public static final String LIMIT_CODE = "REQ-002";
  public static final String REPEATED_CODE = "REQ-006";
  public static final String CONTROL_CODE = "REQ-007";
  public static final int MAX_LIMIT = 500;

  private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
      return true;
    }
    Set<String> names = declared.computeIfAbsent(method, ApiParameterCheck::declaredNames);
    if (names == null || names.contains("*")) {
      return true;
    }
    Set<String> unknown = new TreeSet<>();
    Set<String> given = new java.util.HashSet<>();
    Set<String> repeated = new TreeSet<>();
    Set<String> control = new TreeSet<>();
    String limit = null;
    for (String pair : request.getQueryString().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
      if (!given.add(name)) {
        repeated.add(shown);
      }
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (TextSafety.hasControlCharacter(name) || TextSafety.hasControlCharacter(value)) {
        control.add(TextSafety.hasControlCharacter(shown) ? "（参数名含控制字符）" : shown);
      }
      if (!names.contains(name)) {
        unknown.add(name.length() > 40 ? name.substring(0, 40) + "…" : name);
      } else if (name.equals("limit")) {
        limit = value;
      }
    }
    if (!control.isEmpty()) {
      throw PlatformException.badRequest(CONTROL_CODE, "参数“" + String.join("”“", control)
          + "”含有不允许的控制字符（如 NUL），请求未作处理");
    }
    if (!unknown.isEmpty()) {
      throw PlatformException.badRequest(UNKNOWN_CODE, "该接口没有参数“" + String.join("”“", unknown) + "”"
          + (names.isEmpty() ? "（该接口不接受任何参数）" : "（可用的参数：" + String.join("、", new TreeSet<>(names)) + "）")
          + "，请求未作处理");
    }
    if (!repeated.isEmpty()) {
      throw PlatformException.badRequest(REPEATED_CODE, "参数“" + String.join("”“", repeated)
          + "”出现了不止一次：每个参数只能给一个值，请求未作处理");
    }
    if (limit != null && !validLimit(limit)) {
      throw PlatformException.badRequest(LIMIT_CODE, "参数 limit（最多返回的条数）应为正整数（每次至多返回" + MAX_LIMIT + "条）");
    }
    return true;
  }

  private static boolean validLimit(String value) {
    return value.matches("0*[1-9]\\d{0,8}");
  }

  /** The names of the method's {@code @RequestParam}s; "*" when one takes them all (a map). */
  private static Set<String> declaredNames(HandlerMethod method) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter p : method.getMethodParameters()) {
      RequestParam param = p.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      String name = !param.name().isEmpty() ? param.name() : param.value();
      if (name.isEmpty() && Map.class.isAssignableFrom(p.getParameterType())) {
        names.add("*");
        continue;
      }
      if (name.isEmpty()) {
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        name = p.getParameterName();
      }
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
