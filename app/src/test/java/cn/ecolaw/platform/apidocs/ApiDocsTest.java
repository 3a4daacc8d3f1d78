package cn.ecolaw.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document against the controllers (issue 14): every {@code /api} handler method of Spring MVC
 * (discovered as AccessMatrixTest does) is in the document with its method and path, a Chinese summary, a module and
 * its error codes with the error body; nothing else is in it; it answers logged-in users only.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsTest {

  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z]{2,12}-[0-9]{3})\"");
  static final Path MAIN_SOURCES = Path.of("src", "main", "java");
  static final ObjectMapper JSON = new ObjectMapper();

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

  JsonNode document;

  @BeforeEach
  void givenTheDocument() throws IOException {
    Logins.ensureDemoUsers(identity);
    ResponseEntity<String> response = get("/v3/api-docs", Logins.basic("officer1"));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    document = JSON.readTree(response.getBody());
  }

  @Test
  void everyApiHandlerIsInTheDocumentWithItsMethodAndPathAndNothingElseIs() {
    assertThat(documented()).as("文档中的操作 = /api 的处理方法（不多不少）")
        .containsExactlyInAnyOrderElementsOf(handlers().keySet());
    document.get("paths").fieldNames().forEachRemaining(path ->
        assertThat(path).as("文档只描述应用接口 /api").startsWith("/api/"));
  }

  @Test
  void everyOperationHasAChineseSummaryAndAModuleOfTheCatalogue() {
    Set<String> modules = new HashSet<>();
    document.get("tags").forEach(t -> modules.add(t.get("name").asText()));
    List<String> wrong = new ArrayList<>();
    operations().forEach((endpoint, op) -> {
      String summary = op.path("summary").asText("");
      if (!CHINESE.matcher(summary).find()) {
        wrong.add(endpoint + " 缺少中文摘要（在 apidocs/catalogue.yml 的 operations 中登记）");
      }
      JsonNode tags = op.path("tags");
      if (tags.size() != 1 || !modules.contains(tags.get(0).asText())) {
        wrong.add(endpoint + " 不属于目录中的模块：" + tags);
      }
      op.path("parameters").forEach(p -> {
        if (!CHINESE.matcher(p.path("description").asText("")).find()) {
          wrong.add(endpoint + " 的参数 " + p.get("name").asText() + " 缺少中文说明");
        }
      });
    });
    assertThat(wrong).isEmpty();
    document.get("tags").forEach(t -> assertThat(t.get("description").asText()).containsPattern(CHINESE));
  }

  @Test
  void everyOperationDocumentsItsRefusalsWithCodesAndTheErrorBody() {
    assertThat(document.at("/components/schemas/ApiError/required").toString()).contains("code", "message");
    List<String> wrong = new ArrayList<>();
    operations().forEach((endpoint, op) -> {
      Set<String> codes = codes(op);
      if (!codes.containsAll(List.of("AUTH-001", "AUTH-002", "AUTH-006"))) {
        wrong.add(endpoint + " 未列出登录的错误码：" + codes);
      }
      if (endpoint.contains("{caseNo}") && !codes.containsAll(List.of("AUTH-003", "CASE-404"))) {
        wrong.add(endpoint + " 未列出案件权限的错误码：" + codes);
      }
      if (!endpoint.startsWith("GET ") && !codes.contains("AUTH-007")) {
        wrong.add(endpoint + " 写操作未列出防伪令牌的错误码 AUTH-007");
      }
      op.get("responses").fields().forEachRemaining(r -> {
        if (r.getKey().startsWith("2")) {
          return;
        }
        JsonNode json = r.getValue().at("/content/application~1json");
        if (!"#/components/schemas/ApiError".equals(json.at("/schema/$ref").asText())
            || json.path("examples").isEmpty() || !CHINESE.matcher(r.getValue().get("description").asText()).find()) {
          wrong.add(endpoint + " 的 " + r.getKey() + " 答复缺少中文说明、答复体 ApiError 或错误码示例");
        }
        json.path("examples").fields().forEachRemaining(e -> {
          if (!e.getKey().equals(e.getValue().at("/value/code").asText())
              || !r.getValue().get("description").asText().contains("`" + e.getKey() + "`")) {
            wrong.add(endpoint + " 的 " + r.getKey() + " 答复的示例 " + e.getKey() + " 与说明不符");
          }
        });
      });
    });
    assertThat(wrong).isEmpty();
    // shared refusals by rule: a number in the path can be malformed (REQ-002), a case number only by CASE-001
    assertThat(codes(operations().get("GET /api/decisions/drafts/{id}"))).contains("REQ-002");
    assertThat(codes(operations().get("GET /api/cases/{caseNo}"))).contains("CASE-001").doesNotContain("REQ-002");
    assertThat(codes(operations().get("POST /api/cases"))).contains("REQ-003", "AUTH-007", "AUTH-004");
  }

  /** A code written in a controller is documented on one of that controller's operations. */
  @Test
  void everyCodeAControllerAnswersWithIsDocumentedOnItsOperations() throws IOException {
    Map<String, Set<String>> documentedByController = new TreeMap<>();
    Map<String, JsonNode> operations = operations();
    handlers().forEach((endpoint, controller) -> documentedByController
        .computeIfAbsent(controller, c -> new TreeSet<>()).addAll(codes(operations.get(endpoint))));
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Set<String>> c : documentedByController.entrySet()) {
      Path source = MAIN_SOURCES.resolve(c.getKey().replace('.', '/') + ".java");
      if (!Files.exists(source)) {
        continue;
      }
      Matcher m = CODE_LITERAL.matcher(Files.readString(source));
      while (m.find()) {
        if (!m.group(1).equals("SHA-256") && !c.getValue().contains(m.group(1))) {
          missing.add(c.getKey() + " 答复 " + m.group(1) + "，但其操作的文档中没有");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** No invented codes: each code of the catalogue is written somewhere in the application's sources. */
  @Test
  void everyDocumentedCodeExistsInTheApplication() throws IOException {
    Set<String> inSources = new HashSet<>();
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CODE_LITERAL.matcher(Files.readString(f));
        while (m.find()) {
          inSources.add(m.group(1));
        }
      }
    }
    ApiCatalogue catalogue = ApiCatalogue.load();
    assertThat(inSources).as("目录中的错误码都是应用实际使用的错误码").containsAll(catalogue.errors().keySet());
    Set<String> used = new TreeSet<>();
    catalogue.operations().values().forEach(op -> used.addAll(op.errors()));
    assertThat(catalogue.errors().keySet()).as("操作所列的错误码都已登记状态码和含义").containsAll(used);
    catalogue.errors().values().forEach(e -> assertThat(e.meaning()).containsPattern(CHINESE));
  }

  @Test
  void theCatalogueNamesNoOperationWithoutAHandler() {
    assertThat(handlers().keySet()).as("apidocs/catalogue.yml 中没有处理方法的条目")
        .containsAll(ApiCatalogue.load().operations().keySet());
  }

  @Test
  void theDocumentAnswersLoggedInUsersOnly() throws IOException {
    ResponseEntity<String> anonymous = get("/v3/api-docs", null);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.getBody()).get("code").asText()).isEqualTo("AUTH-001");

    ResponseEntity<String> wrong = get("/v3/api-docs", Logins.basic("analyst1", "not-the-password"));
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.getBody()).get("code").asText()).isEqualTo("AUTH-002");

    assertThat(get("/v3/api-docs", Logins.basic("analyst1")).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theSwaggerPageSendsAVisitorWithoutSessionToTheLoginPage() throws Exception {
    for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + page)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(location ->
          assertThat(location).endsWith("/ui/login.html?next=%2Fswagger-ui%2Findex.html"));
    }
  }

  // ------------------------------------------------------------------------------------------------ helpers

  ResponseEntity<String> get(String url, String authorization) {
    HttpHeaders headers = new HttpHeaders();
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
    return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** "GET /api/cases/{caseNo}" -> the controller's class name, for every handler method under /api. */
  Map<String, String> handlers() {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mvc.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      Set<String> methods = new TreeSet<>();
      info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.equals("/api")) {
          methods.forEach(m -> out.put(m + " " + pattern, e.getValue().getBeanType().getName()));
        }
      }
    }
    return out;
  }

  Set<String> documented() {
    return operations().keySet();
  }

  Map<String, JsonNode> operations() {
    Map<String, JsonNode> out = new TreeMap<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (op.getValue().has("responses")) {
        out.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
      }
    }));
    return out;
  }

  static Set<String> codes(JsonNode operation) {
    Set<String> codes = new TreeSet<>();
    if (operation == null) {
      return codes;
    }
    operation.get("responses").fields().forEachRemaining(r ->
        r.getValue().at("/content/application~1json/examples").fieldNames().forEachRemaining(codes::add));
    return codes;
  }
}
