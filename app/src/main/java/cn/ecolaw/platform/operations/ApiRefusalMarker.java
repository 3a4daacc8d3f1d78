package cn.ecolaw.platform.operations;

import cn.ecolaw.platform.shared.ApiError;
import cn.ecolaw.platform.shared.RefusalBodies;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Marks an {@code /api} request answered with an {@link ApiError} (a PlatformException, an engine refusal, a lost race,
 * a missing parameter…) with its code, for {@link RefusalMetricsFilter}. Looks at the body only; changes nothing.
 */
@RestControllerAdvice(basePackages = "cn.ecolaw.platform")
public class ApiRefusalMarker implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof ApiError error && request instanceof ServletServerHttpRequest servlet) {
      RefusalBodies.mark(servlet.getServletRequest(), error.code());
    }
    return body;
  }
}
