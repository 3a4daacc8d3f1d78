package cn.ecolaw.platform.attacks;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: a refusal of {@code /api} is the coded Chinese JSON whatever the request accepts. A browser opening an /api
 * address ({@code Accept: text/html}) or a download ({@code Accept: application/pdf}) of a case or transfer that does
 * not exist, is another unit's, or is malformed used to answer 500, because no converter could write the refusal in
 * the accepted type.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiRefusalsAreCodedJsonWhateverTheClientAcceptsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  @Test
  void refusalsToBrowsersAndDownloadsAreCodedChineseJsonNever500() throws Exception {
    Logins.ensureDemoUsers(identity, filters, tasks);
    HttpClient client = HttpClient.newHttpClient();
    record Probe(String path, String accept, int status, String code) {}
    for (Probe p : List.of(
        new Probe("/api/cases/" + enc("湖环罚〔2026〕99999号"), "text/html", 404, "CASE-404"),
        new Probe("/api/cases/xx/dossier.pdf", "application/pdf", 404, "CASE-404"),
        new Probe("/api/clues/nosuch", "text/html", 404, "CLUE-404"),
        new Probe("/api/clues/nosuch/documents/1/pdf", "application/pdf", 404, "CLUE-404"),
        new Probe("/api/decisions/drafts/abc", "application/xml", 400, "REQ-002"),
        new Probe("/api/parties/xyz", "text/html", 400, "PARTY-001"))) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + p.path()))
          .header("Authorization", Logins.basic("officer1")).header("Accept", p.accept()).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as("%s (%s): %s", p.path(), p.accept(), r.body()).isEqualTo(p.status());
      assertThat(r.headers().firstValue("Content-Type").orElse("")).as(p.path()).startsWith("application/json");
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.path("code").asText()).as(p.path()).isEqualTo(p.code());
      assertThat(body.path("message").asText()).containsPattern("\\p{IsHan}");
    }
  }
}
