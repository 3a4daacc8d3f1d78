package cn.ecolaw.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class RefusalRestResponsesTest {

  private final RefusalRestResponses.Mapper rest = new RefusalRestResponses.Mapper();
  private final RefusalRestResponses.EngineMapper engine = new RefusalRestResponses.EngineMapper();

  @Test
  void aRefusedSubmissionAnswers400WithTheChineseMessage() {
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("ENGINE-03051", Refusals.refuse("FORM-001", "“立案理由”为必填项")),
        "Cannot submit task form 42");

    Response response = rest.toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((ExceptionDto) response.getEntity()).getMessage()).isEqualTo("【FORM-001】“立案理由”为必填项");
    assertThat(engine.toResponse(new ProcessEngineException("x", Refusals.refuse("ENF-001", "两人"))).getStatus())
        .isEqualTo(400);
  }

  @Test
  void otherFailuresStayWithCamundasHandler() {
    assertThat(rest.toResponse(new RestException(Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("database down"), "Cannot submit task form 42")).getStatus()).isEqualTo(500);
    assertThat(rest.toResponse(new RestException(Status.NOT_FOUND, "no such task")).getStatus()).isEqualTo(404);
    assertThat(engine.toResponse(new ProcessEngineException("database down")).getStatus()).isEqualTo(500);
  }
}
