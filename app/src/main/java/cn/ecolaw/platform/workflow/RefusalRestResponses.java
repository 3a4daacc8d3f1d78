package cn.ecolaw.platform.workflow;

import jakarta.annotation.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes a refusal ({@link Refusals}) answer 400 on {@code /engine-rest}, as the Tasklist and REST clients expect. The
 * REST API's submit-form endpoints answer 400 only for the engine's own form-field validation and 500 for any other
 * engine exception, and the engine wraps an exception thrown by a task listener (ENGINE-03051); so a "【FORM-001】…"
 * refusal would reach the user as an internal error. This mapper finds the refusal in the cause chain and answers
 * with it (400, its Chinese message). A completion that lost a race (two users submitting the same task: the engine's
 * {@link org.camunda.bpm.engine.OptimisticLockingException}, or "task does not exist" for a task that history shows completed) answers 409
 * with {@link TaskConflicts#MESSAGE}. The REST API's own 400s (e.g. an unsupported variable type) get a Chinese message
 * with code {@value #INVALID_REQUEST_CODE}, the original text in brackets. Every other exception is answered exactly as the REST API does.
 */
@Component
public class RefusalRestResponses implements ResourceConfigCustomizer {

  /** The REST API's own 400s (a variable of an unknown type, a value it cannot convert) get a Chinese message. */
  public static final String INVALID_REQUEST_CODE = "REQ-004";
  public static final String INVALID_REQUEST_MESSAGE = "提交的数据无效：变量的值或类型不正确";

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
    config.register(EngineMapper.class);
    config.register(ParamMapper.class);
  }

  /** Code of a query or path parameter the REST API cannot convert (JAX-RS answers 404 for those by default). */
  public static final String BAD_PARAMETER_CODE = "REQ-400";

  /**
   * A query, path or header parameter that cannot be converted to its declared type ({@code ?firstResult=abc} on an
   * endpoint that declares an integer): 400 with the parameter's name, not JAX-RS's bare 404 for query parameters.
   */
  @Priority(1)
  public static class ParamMapper implements ExceptionMapper<org.glassfish.jersey.server.ParamException> {
    @Override
    public Response toResponse(org.glassfish.jersey.server.ParamException e) {
      return body(Response.Status.BAD_REQUEST, "InvalidRequestException", "【" + BAD_PARAMETER_CODE + "】参数“"
          + e.getParameterName() + "”的值格式不正确（数字须为整数，日期须如 2026-01-31T00:00:00.000+0800）");
    }
  }

  /** Takes precedence over the REST API's own mapper for {@link RestException}. */
  @Priority(1)
  public static class Mapper implements ExceptionMapper<RestException> {

    @Context private UriInfo uri;

    @Override
    public Response toResponse(RestException e) {
      return respond(e, uri);
    }
  }

  /** The same for endpoints that let the engine's exception through unwrapped (e.g. task complete). */
  @Priority(1)
  public static class EngineMapper implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {

    @Context private UriInfo uri;

    @Override
    public Response toResponse(org.camunda.bpm.engine.ProcessEngineException e) {
      return respond(e, uri);
    }
  }

  private static final java.util.regex.Pattern FILTER_QUERY =
      java.util.regex.Pattern.compile("^/?filter/[^/]+/(list|count|singleResult)/?$");

  /**
   * A query whose lists hold more values than PostgreSQL binds in one statement (65,535; its driver refuses before
   * sending): the request's size, not the server's fault.
   */
  static boolean tooManyBindParameters(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && (t.getMessage().contains("can have at most 65,535 parameters")
          || t.getMessage().contains("out-of-range integer as a 2-byte value"))) {
        return true;
      }
    }
    return false;
  }

  static Response respond(Throwable e, UriInfo uri) {
    String taskId = TaskConflicts.taskIdOf(uri == null ? null : uri.getPath());
    if (taskId != null && TaskConflicts.isLostRace(e, taskId, () -> EngineUtil.lookupProcessEngine(null))) {
      return body(Response.Status.CONFLICT, "TaskConflict", "【" + TaskConflicts.CODE + "】" + TaskConflicts.MESSAGE);
    }
    var refusal = Refusals.find(e);
    if (refusal.isPresent() && refusal.get() instanceof Refusals.Conflict) {
      return body(Response.Status.CONFLICT, "Conflict", refusal.get().getMessage());
    }
    if (refusal.isPresent()) {
      return ExceptionHandlerHelper.getInstance().getResponse(refusal.get());
    }
    if (tooManyBindParameters(e)) {
      return body(Response.Status.BAD_REQUEST, "InvalidRequestException", "【"
          + cn.ecolaw.platform.shared.RefusalTranslationFilter.BAD_QUERY_CODE + "】查询条件的值过多（如 taskIdIn 列出了"
          + "数万个编号，数据库一次至多接受 65535 个），请分批查询");
    }
    if (e instanceof RestException rest && rest.getStatus() == Response.Status.NOT_FOUND
        && rest.getCause() instanceof org.camunda.bpm.engine.exception.NullValueException missing
        && (missing.getMessage() == null || !missing.getMessage().startsWith("No filter found"))
        && uri != null && FILTER_QUERY.matcher(uri.getPath()).matches()) {
      // a filter's list or count with a query the engine cannot run ({"taskIdIn": [null]}): the filter resource calls
      // every null "filter not found"; the filter is there, the query is wrong
      return body(Response.Status.BAD_REQUEST, "InvalidRequestException", "【"
          + cn.ecolaw.platform.shared.RefusalTranslationFilter.BAD_QUERY_CODE + "】"
          + cn.ecolaw.platform.shared.RefusalTranslationFilter.BAD_QUERY_MESSAGE + "（" + missing.getMessage() + "）");
    }
    if (e instanceof RestException rest && rest.getStatus() == Response.Status.BAD_REQUEST
        && (rest.getMessage() == null || !rest.getMessage().startsWith("【"))) {
      return body(Response.Status.BAD_REQUEST, rest.getClass().getSimpleName(),
          "【" + INVALID_REQUEST_CODE + "】" + INVALID_REQUEST_MESSAGE + "（" + rest.getMessage() + "）");
    }
    return ExceptionHandlerHelper.getInstance().getResponse(e);
  }

  private static Response body(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", null);
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
