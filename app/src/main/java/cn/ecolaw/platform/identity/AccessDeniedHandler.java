package cn.ecolaw.platform.identity;

import cn.ecolaw.platform.shared.ApiError;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engine refused an {@code /api} call for lack of a Camunda authorization: 403 with a Chinese message. */
@RestControllerAdvice(basePackages = "cn.ecolaw.platform")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessDeniedHandler {

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> denied(AuthorizationException e) {
    if (e instanceof UnitRefusal unit) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
          .body(new ApiError(unit.code(), unit.text()));
    }
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("AUTH-005", "无权执行此操作：当前用户所在岗位没有相应的流程权限"));
  }
}
