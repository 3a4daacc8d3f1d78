package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Rule: a malformed or unknown query parameter is refused with 400, a code and a Chinese message, never answered as
 * "not found" and never silently ignored — on {@code /engine-rest}, on the Tasklist's own engine API and on
 * {@code /api}.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadQueryParametersAreRefusedNotIgnoredTest {

  /** The main list endpoints of the engine's REST API (each takes firstResult and maxResults). */
  static final List<String> ENGINE_LISTS = List.of("task", "process-instance", "process-definition", "deployment",
      "execution", "job", "incident", "filter", "user", "group", "variable-instance", "decision-definition",
      "history/process-instance", "history/task", "history/activity-instance", "history/variable-instance",
      "history/detail", "history/incident");

  /** Date parameters of the engine's list endpoints. */
  static final List<String> ENGINE_DATES = List.of("task?dueAfter=", "task?createdBefore=", "task?followUpAfter=",
      "history/process-instance?startedAfter=", "history/process-instance?finishedBefore=",
      "history/task?taskDueDateBefore=", "history/activity-instance?startedAfter=", "job?dueDates=lt_",
      "incident?incidentTimestampBefore=", "history/detail?occurredAfter=");

  /** Names of /api parameters that are dates or numbers. */
  static final Set<String> API_DATES_AND_NUMBERS = Set.of("from", "to", "limit", "page", "size", "days", "version",
      "year");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

  PlatformHttp officer;

  @BeforeEach
  void setUp() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    officer = new PlatformHttp(port).as("officer1");
  }

  private static void badRequest(int status, String body, String code, String what) {
    assertThat(status).as(what + " → " + body).isEqualTo(400);
    assertThat(body).as(what).containsPattern("\\p{IsHan}");
    var json = parse(body);
    assertThat(json.path("message").asText()).as(what + " → " + body).containsPattern("\\p{IsHan}");
    if (code != null) {
      assertThat(json.path("code").asText()).as(what + " → " + body).isEqualTo(code);
    } else {
      assertThat(json.path("code").asText()).as(what + " → " + body).matches("[A-Z]+-\\d{3}");
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String body) {
    try {
      return PlatformHttp.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  void engineRestPagingParametersAreNonNegativeIntegers() {
    for (String list : ENGINE_LISTS) {
      for (String bad : List.of("firstResult=abc", "firstResult=-1", "maxResults=zz", "maxResults=-1",
          "maxResults=99999999999", "firstResult=")) {
        String url = "/engine-rest/" + list + "?" + bad;
        PlatformHttp.Response r = officer.get(url);
        badRequest(r.status(), r.text(), "REQ-400", "GET " + url);
      }
    }
    // the Tasklist posts its task queries with the paging in the address
    PlatformHttp.Response post = officer.post("/engine-rest/task?firstResult=abc&maxResults=15", Map.of());
    badRequest(post.status(), post.text(), "REQ-400", "POST /engine-rest/task?firstResult=abc");
    // well-formed paging still works
    assertThat(officer.get("/engine-rest/task?firstResult=0&maxResults=15").status()).isEqualTo(200);
    assertThat(officer.get("/engine-rest/task?maxResults=2147483647").status()).isEqualTo(200);
    assertThat(officer.post("/engine-rest/task?firstResult=0&maxResults=15", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void engineRestDatesThatAreNotDatesAreRefused() {
    for (String param : ENGINE_DATES) {
      String url = "/engine-rest/" + param + "zz";
      PlatformHttp.Response r = officer.get(url);
      badRequest(r.status(), r.text(), null, "GET " + url);
    }
  }

  @Test
  void tasklistPagingAndDatesAreRefusedTheSameWay() {
    TasklistSession tasklist = TasklistSession.login(port, "officer1");
    for (String bad : List.of("firstResult=abc", "maxResults=-1")) {
      HttpResponse<String> r = tasklist.send("GET", TasklistSession.ENGINE + "/task?" + bad, null, null);
      badRequest(r.statusCode(), r.body(), "REQ-400", "Tasklist GET task?" + bad);
      HttpResponse<String> p = tasklist.send("POST", TasklistSession.ENGINE + "/task?" + bad, "application/json", "{}");
      badRequest(p.statusCode(), p.body(), "REQ-400", "Tasklist POST task?" + bad);
    }
    HttpResponse<String> date = tasklist.send("GET", TasklistSession.ENGINE + "/task?dueAfter=zz", null, null);
    badRequest(date.statusCode(), date.body(), null, "Tasklist GET task?dueAfter=zz");
    assertThat(tasklist.send("POST", TasklistSession.ENGINE + "/task?firstResult=0&maxResults=15",
        "application/json", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void apiUnknownParameterIsRefusedNotIgnored() {
    PlatformHttp reviewer = officer.as("reviewer2");
    assertThat(reviewer.get("/api/reviews/statistics").status()).isEqualTo(200);
    PlatformHttp.Response r = reviewer.get("/api/reviews/statistics?from=zz");
    badRequest(r.status(), r.text(), "REQ-005", "GET /api/reviews/statistics?from=zz");
    assertThat(r.text("message")).contains("from");
  }

  @Test
  void apiLimitIsAPositiveInteger() {
    assertThat(officer.get("/api/cases?limit=5").status()).isEqualTo(200);
    assertThat(officer.get("/api/cases?limit=100000").status()).isEqualTo(200); // capped by the list, as before
    for (String bad : List.of("0", "-1", "zz", "1e400", "")) {
      PlatformHttp.Response r = officer.get("/api/cases?limit=" + bad);
      badRequest(r.status(), r.text(), "REQ-002", "GET /api/cases?limit=" + bad);
    }
  }

  /**
   * Every GET endpoint of /api (discovered from Spring MVC): an undeclared parameter is refused, and each declared
   * date or number parameter with a malformed value is refused with 400 — never answered 2xx as if it were absent.
   */
  @Test
  void everyApiEndpointRefusesMalformedDatesAndNumbersAndUnknownParameters() {
    PlatformHttp admin = new PlatformHttp(port);
    List<String> checked = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mvc.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
        continue;
      }
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") || pattern.contains("{")) {
          continue;
        }
        PlatformHttp.Response unknown = admin.get(pattern + "?zzUnknown=1");
        assertThat(unknown.status()).as("GET " + pattern + "?zzUnknown=1 → " + unknown.text()).isIn(400, 403);
        if (unknown.status() == 400) {
          assertThat(unknown.text("code")).as(pattern).isEqualTo("REQ-005");
        }
        for (MethodParameter p : e.getValue().getMethodParameters()) {
          RequestParam param = p.getParameterAnnotation(RequestParam.class);
          if (param == null) {
            continue;
          }
          String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
              : p.getParameterName();
          if (name == null || !API_DATES_AND_NUMBERS.contains(name)) {
            continue;
          }
          for (String bad : List.of("zz", "-1", "1e400", "2026-13-45")) {
            String url = pattern + "?" + name + "=" + bad;
            PlatformHttp.Response r = admin.get(url);
            assertThat(r.status()).as("GET " + url + " → " + r.text()).isIn(400, 403);
            assertThat(r.text("code")).as("GET " + url + " → " + r.text()).matches("[A-Z]+-\\d{3}");
            checked.add(url);
          }
        }
      }
    }
    assertThat(checked).as("date and number parameters found").isNotEmpty();
  }
}
