package cn.ecolaw.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class RefusalExceptionMapperTest {

  private final RefusalExceptionMapper mapper = new RefusalExceptionMapper();

  @Test
  void aRefusedSubmissionAnswers400WithTheChineseMessage() {
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        Refusals.refuse("FORM-001", "“立案理由”为必填项"), "Cannot submit task form 42: 【FORM-001】“立案理由”为必填项");

    assertThat(mapper.isMappable(wrapped)).isTrue();
    Response response = mapper.toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((ExceptionDto) response.getEntity()).getMessage()).isEqualTo("【FORM-001】“立案理由”为必填项");
  }

  @Test
  void otherEngineFailuresStayWithCamundasHandler() {
    RestException failure = new RestException(Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("database down"), "Cannot submit task form 42: database down");
    RestException notFound = new RestException(Status.NOT_FOUND, "no such task");

    assertThat(mapper.isMappable(failure)).isFalse();
    assertThat(mapper.isMappable(notFound)).isFalse();
    assertThat(mapper.toResponse(failure).getStatus()).isEqualTo(500);
  }
}
