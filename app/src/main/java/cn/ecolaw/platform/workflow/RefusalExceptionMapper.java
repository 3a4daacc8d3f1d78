package cn.ecolaw.platform.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * The engine REST API wraps every engine exception of a form submission or task completion into a 500
 * {@link RestException}, also a {@link BadUserRequestException} that refuses the user's input (a {@link Refusals}
 * refusal: "【FORM-001】…"). This mapper answers such refusals with 400 and the refusal's own Chinese message, in
 * Camunda's error format; every other {@link RestException} stays with Camunda's handler.
 */
@Priority(Priorities.USER - 100)
public class RefusalExceptionMapper implements ExtendedExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public boolean isMappable(RestException exception) {
    return exception.getStatus() == Status.INTERNAL_SERVER_ERROR && refusal(exception) != null;
  }

  @Override
  public Response toResponse(RestException exception) {
    BadUserRequestException refusal = refusal(exception);
    if (refusal == null) {
      return camunda.toResponse(exception);
    }
    return camunda.toResponse(new RestException(Status.BAD_REQUEST, refusal, refusal.getMessage()));
  }

  private static BadUserRequestException refusal(Throwable exception) {
    for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException b) {
        return b;
      }
    }
    return null;
  }
}
