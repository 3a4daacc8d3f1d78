package cn.ecolaw.platform.shared;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps refusals of the application API to {@link ApiError} bodies with Chinese messages. */
@RestControllerAdvice(basePackages = "cn.ecolaw.platform")
public class ApiErrorHandler {

  @ExceptionHandler(PlatformException.class)
  public ResponseEntity<ApiError> platform(PlatformException e) {
    return ResponseEntity.status(e.getStatus()).body(new ApiError(e.getCode(), e.getMessage()));
  }

  /** A refusal from inside the engine (a form or legal rule of a task, a delegate's check). */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  public ResponseEntity<ApiError> engine(org.camunda.bpm.engine.ProcessEngineException e) {
    var refusal = cn.ecolaw.platform.workflow.Refusals.find(e);
    if (refusal.isEmpty()) {
      throw e;
    }
    String[] parts = cn.ecolaw.platform.workflow.Refusals.split(refusal.get().getMessage());
    return ResponseEntity.badRequest().body(new ApiError(parts[0], parts[1]));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest()
        .body(new ApiError("REQ-001", "缺少必填参数：" + e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(new ApiError("REQ-002", "参数格式不正确：" + e.getName()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(new ApiError("REQ-003", "请求内容不是有效的 JSON 或字段类型不正确"));
  }
}
