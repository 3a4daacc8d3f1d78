package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: an address Tomcat refuses before the application sees it (an encoded slash or backslash, NUL, a lone
 * {@code %}, a request line or header beyond the limits) answers 400 with a code and a Chinese message in JSON, in the
 * shape of the door that was asked — never Tomcat's English HTML page ("HTTP Status 400 – Bad Request").
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AddressesTomcatRefusesAnswerCodedChineseJsonTest {

  @LocalServerPort int port;

  @Test
  void malformedAddressesOfEveryDoorAnswerCodedChineseJson() {
    for (String target : List.of("/api/cases/a%2Fb", "/api/cases/a%5Cb", "/api/cases/%00", "/api/cases/%",
        "/api/decisions/..%2F..%2Fx/drafts", "/engine-rest/task/a%2Fb", "/camunda/app/tasklist/a%2Fb")) {
      RawHttp.Answer a = RawHttp.send(port, "GET", target, "officer1", null);
      assertThat(a.status()).as(target).isEqualTo(400);
      assertThat(a.contentType()).as(target).startsWith("application/json");
      assertThat(a.body()).as(target).doesNotContain("<html", "Bad Request");
      assertThat(a.json().path("code").asText()).as(target).isEqualTo("REQ-400");
      assertThat(a.json().path("message").asText()).as(target).containsPattern("\\p{IsHan}");
    }
    RawHttp.Answer engine = RawHttp.send(port, "GET", "/engine-rest/task/a%2Fb", "officer1", null);
    assertThat(engine.json().path("message").asText()).as("the engine door's shape").startsWith("【REQ-400】");
  }

  @Test
  void oversizedRequestLinesAndHeadersAnswerCodedChineseJson() {
    RawHttp.Answer longLine = RawHttp.send(port, "GET", "/api/search?q=" + "a".repeat(20_000), "officer1", null);
    RawHttp.Answer bigHeader = RawHttp.send(port, "GET", "/api/session", "officer1",
        "X-Padding: " + "a".repeat(20_000) + "\r\n");
    for (RawHttp.Answer a : List.of(longLine, bigHeader)) {
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body()).doesNotContain("<html");
      assertThat(a.json().path("code").asText()).isEqualTo("REQ-400");
      assertThat(a.json().path("message").asText()).containsPattern("\\p{IsHan}");
    }
  }
}
