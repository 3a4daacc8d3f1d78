package cn.ecolaw.platform.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page ("HTTP Status 400 – Bad Request", English HTML) answers what never reaches the application:
 * an address Tomcat or the security firewall refuses ({@code %2F}, {@code %5C}, {@code %00}, a lone {@code %}), a
 * request line or header too large. This valve answers those with the platform's JSON refusal instead, a code and a
 * Chinese message in the shape of the door that was asked ({@link RefusalBodies}), like {@link JsonErrorController}
 * does for everything that reaches {@code /error}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    java.util.concurrent.atomic.AtomicBoolean io = new java.util.concurrent.atomic.AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
    if (!io.get()) {
      return;
    }
    String path = request.getDecodedRequestURI();
    if (path == null || path.isEmpty()) {
      path = request.getRequestURI();
    }
    RefusalBodies.Refusal refusal = RefusalBodies.byStatus(status, null);
    HttpStatus httpStatus = HttpStatus.resolve(status);
    try {
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentType("application/json;charset=UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(RefusalBodies.body(path == null ? "" : path,
            httpStatus == null ? "Error" : httpStatus.name(), refusal.code(), refusal.message())));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot be written: nothing more to answer
    }
  }
}
