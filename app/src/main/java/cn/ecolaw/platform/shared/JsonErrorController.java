package cn.ecolaw.platform.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's English "Whitelabel" error page and JSON ({@code {"timestamp","status","error"}}): every
 * error dispatched to {@code /error} (an unknown address, a method or content type the address does not take, an
 * uncaught exception, the engine's REST API answering with {@code sendError}) answers JSON with a code and a Chinese
 * message, in the shape of the door that was asked ({@link RefusalBodies}).
 */
@RestController
public class JsonErrorController implements ErrorController {

  @RequestMapping(path = "/error", produces = MediaType.ALL_VALUE)
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    if (status < 400) {
      status = 500;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    boolean csrf = "Required".equals(response.getHeader("X-XSRF-TOKEN"))
        || (reason != null && reason.toString().contains("CSRF"));
    RefusalBodies.Refusal refusal = status == 403 && csrf
        // the webapps' CSRF protection: the page's token is missing or stale
        ? new RefusalBodies.Refusal("AUTH-007", "页面已过期或缺少防伪令牌，请刷新页面后重试")
        : RefusalBodies.byStatus(status, null);
    RefusalBodies.mark(request, refusal.code());
    HttpStatus httpStatus = HttpStatus.resolve(status);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(RefusalBodies.body(path, httpStatus == null ? "Error" : httpStatus.name(), refusal.code(),
            refusal.message()));
  }
}
