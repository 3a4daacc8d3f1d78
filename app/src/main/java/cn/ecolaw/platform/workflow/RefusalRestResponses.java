package cn.ecolaw.platform.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes a refusal ({@link Refusals}) answer 400 on {@code /engine-rest}, as the Tasklist and REST clients expect. The
 * REST API's submit-form endpoints answer 400 only for the engine's own form-field validation and 500 for any other
 * engine exception, and the engine wraps an exception thrown by a task listener (ENGINE-03051); so a "【FORM-001】…"
 * refusal would reach the user as an internal error. This mapper finds the refusal in the cause chain and answers
 * with it (400, its Chinese message); every other exception is answered exactly as the REST API does.
 */
@Component
public class RefusalRestResponses implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
    config.register(EngineMapper.class);
  }

  /** Takes precedence over the REST API's own mapper for {@link RestException}. */
  @Priority(1)
  public static class Mapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException e) {
      return ExceptionHandlerHelper.getInstance().getResponse(Refusals.find(e).<Throwable>map(r -> r).orElse(e));
    }
  }

  /** The same for endpoints that let the engine's exception through unwrapped (e.g. task complete). */
  @Priority(1)
  public static class EngineMapper implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {

    @Override
    public Response toResponse(org.camunda.bpm.engine.ProcessEngineException e) {
      return ExceptionHandlerHelper.getInstance().getResponse(Refusals.find(e).<Throwable>map(r -> r).orElse(e));
    }
  }
}
