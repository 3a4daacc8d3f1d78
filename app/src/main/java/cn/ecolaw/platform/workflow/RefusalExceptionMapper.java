package cn.ecolaw.platform.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Makes {@code /engine-rest} answer a refused task completion with 400 and the Chinese message, as for any other bad
 * request: the engine wraps what a task listener throws in a plain {@link ProcessEngineException} (500 otherwise).
 * Everything else goes to Camunda's own handler unchanged.
 */
@Provider
@Priority(1)
public class RefusalExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return Refusals.find(exception).map(this::badRequest).orElseGet(() -> camunda.toResponse(exception));
  }

  private Response badRequest(org.camunda.bpm.engine.BadUserRequestException refusal) {
    String[] parts = Refusals.split(refusal.getMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "BadUserRequestException");
    body.put("code", parts[0]);
    body.put("message", refusal.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
