package cn.ecolaw.platform.workflow;

import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.shared.ApiError;
import cn.ecolaw.platform.workflow.Refusals;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps refusals of the application API to {@link ApiError} bodies with Chinese messages, always JSON: a refusal to a
 * request that accepts only {@code text/html} (a browser opening an /api address) or {@code application/pdf} (a
 * download) is still the coded Chinese JSON, never a 500 because no converter could write the refusal.
 */
@RestControllerAdvice(basePackages = "cn.ecolaw.platform")
public class ApiErrorHandler {

  @ExceptionHandler(PlatformException.class)
  public ResponseEntity<ApiError> platform(PlatformException e) {
    return ResponseEntity.status(e.getStatus()).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(e.getCode(), e.getMessage()));
  }

  /** A refusal from inside the engine (a form or legal rule of a task, a delegate's check). */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  public ResponseEntity<ApiError> engine(org.camunda.bpm.engine.ProcessEngineException e) {
    var refusal = Refusals.find(e);
    if (refusal.isEmpty() && isRace(e)) {
      LOG.info("lost race answered 409: {}", e.toString());
      return race();
    }
    if (refusal.isEmpty()) {
      throw e;
    }
    String[] parts = Refusals.split(refusal.get().getMessage());
    return ResponseEntity.status(Refusals.status(refusal.get())).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(parts[0], parts[1]));
  }

  /** Code of a request that lost a race with a parallel one on the same data (409). */
  public static final String RACE_CODE = "REQ-409";
  public static final String RACE_MESSAGE = "该事项正由他人同时办理，本次请求未作任何更改；请刷新后重试";

  /**
   * A parallel request on the same data won (a unique key, a row lock, the engine's optimistic lock): 409, never 500.
   * The transaction was rolled back, so nothing changed.
   */
  @ExceptionHandler({org.springframework.dao.DuplicateKeyException.class,
      org.springframework.dao.TransientDataAccessException.class,
      org.springframework.dao.ConcurrencyFailureException.class})
  public ResponseEntity<ApiError> race(Exception e) {
    LOG.info("lost race answered 409: {}", e.toString());
    return race();
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrorHandler.class);

  private static ResponseEntity<ApiError> race() {
    return ResponseEntity.status(409).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(RACE_CODE, RACE_MESSAGE));
  }

  /** Whether the cause chain shows a lost race (see {@link #race(Exception)}). */
  public static boolean isRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
          || t instanceof org.springframework.dao.DuplicateKeyException
          || t instanceof org.springframework.dao.TransientDataAccessException
          || t instanceof org.springframework.dao.ConcurrencyFailureException
          || t instanceof java.sql.SQLTransientException
          || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("REQ-001", "缺少必填参数：" + e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("REQ-002", "参数格式不正确：" + e.getName()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("REQ-003", "请求内容不是有效的 JSON 或字段类型不正确"));
  }
}
