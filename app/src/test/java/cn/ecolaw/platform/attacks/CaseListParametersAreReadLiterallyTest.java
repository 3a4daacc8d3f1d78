package cn.ecolaw.platform.attacks;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.workspace.WorkspaceController;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rule: the case list ({@code /api/workspace/cases}) reads its parameters literally or refuses them with 400, a code
 * and a Chinese message: a LIKE wildcard ({@code %}, {@code _}) or the escape characters ({@code !}, {@code \}) in the
 * search match themselves only; a control character (NUL) is refused, never trimmed into "no filter" (nor sent to
 * PostgreSQL, which refuses NUL in text with a 5xx); a parameter given twice is refused, never glued together
 * ("a,b"); page and size are ASCII integers in range. The count header tells the truth, and a court user's list holds
 * only cases the court may open.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListParametersAreReadLiterallyTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  PlatformHttp officer;
  // written once for the class (the test database is shared by the test classes of one run)
  static String tag;
  static int serial;

  /** Party-name suffix → the case number carrying it (bureau cases), plus one court case. */
  static final List<String> SUFFIXES = List.of("%甲", "乙甲", "_丙", "丁丙", "!戊", "\\己", "'庚", "😀辛", "壬");

  @BeforeEach
  void givenBureauCasesWhosePartiesCarryWildcards() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    officer = new PlatformHttp(port).as("officer1");
    if (tag != null) {
      return;
    }
    int base = ThreadLocalRandom.current().nextInt(1000, 10_000);
    String t = "字面" + base;
    Timestamp at = Timestamp.from(Instant.now().minusSeconds(86_400L * 4000));
    List<Object[]> files = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    for (int i = 0; i < SUFFIXES.size(); i++) {
      String caseNo = "测字罚〔2015〕" + base + (10 + i) + "号";
      files.add(new Object[] {caseNo, t + SUFFIXES.get(i), "LEGAL_PERSON", "9133" + t + i,
          "浙江省湖州市" + t + SUFFIXES.get(i), "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", at, at});
      grants.add(new Object[] {caseNo, "unit-bureau", at});
    }
    // a case of the court alone, carrying the same tag: never in a bureau user's list, always in the court's
    String courtCase = "测字罚〔2015〕" + base + "99号";
    files.add(new Object[] {courtCase, t + "法院当事人", "LEGAL_PERSON", "9133" + t + "C", "浙江省湖州市吴兴区",
        "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", at, at});
    grants.add(new Object[] {courtCase, "unit-court", at});
    jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
        + " clue_source, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", files);
    jdbc.batchUpdate("INSERT INTO case_access (case_no, unit, granted_at) VALUES (?,?,?)", grants);
    tag = t;
    serial = base;
  }

  private static String caseOf(int i) {
    return "测字罚〔2015〕" + serial + (10 + i) + "号";
  }

  private Set<String> found(PlatformHttp as, String query) {
    JsonNode rows = as.getOk("/api/workspace/cases?size=200&" + query);
    Set<String> out = new TreeSet<>();
    rows.forEach(r -> out.add(r.path("caseNo").asText()));
    return out;
  }

  private static void refused(PlatformHttp.Response r, String code, String what) {
    assertThat(r.status()).as(what + " → " + r.text()).isEqualTo(400);
    assertThat(r.text("code")).as(what + " → " + r.text()).isEqualTo(code);
    assertThat(r.text("message")).as(what).containsPattern("\\p{IsHan}");
  }

  @Test
  void likeWildcardsAndEscapeCharactersInTheSearchMatchThemselvesOnly() {
    assertThat(found(officer, "q=" + enc(tag + "%甲"))).containsExactly(caseOf(0));
    assertThat(found(officer, "q=" + enc(tag + "_丙"))).containsExactly(caseOf(2));
    assertThat(found(officer, "q=" + enc(tag + "!戊"))).containsExactly(caseOf(4));
    assertThat(found(officer, "q=" + enc(tag + "\\己"))).containsExactly(caseOf(5));
    assertThat(found(officer, "q=" + enc(tag + "'庚"))).containsExactly(caseOf(6));
    assertThat(found(officer, "q=" + enc(tag + "😀辛"))).containsExactly(caseOf(7));
    // the region filter too
    assertThat(found(officer, "region=" + enc(tag + "%甲"))).containsExactly(caseOf(0));
    assertThat(found(officer, "region=" + enc(tag + "_丙"))).containsExactly(caseOf(2));
    // a lone wildcard is a character like any other: it finds the cases that carry it, not every case
    for (String wildcard : List.of("%", "_")) {
      JsonNode rows = officer.getOk("/api/workspace/cases?size=200&q=" + enc(wildcard));
      assertThat(rows).as(wildcard).isNotEmpty().allSatisfy(r -> assertThat(r.path("caseNo").asText()
          + r.path("partyName").asText() + r.path("partyId").asText() + r.path("region").asText())
          .as(wildcard).contains(wildcard));
    }
  }

  @Test
  void longUnicodeAndQuotedValuesAreSearchedAsText() {
    assertThat(officer.get("/api/workspace/cases?q=" + enc("污".repeat(700))).json()).isEmpty();
    assertThat(officer.get("/api/workspace/cases?q=" + "a".repeat(5000)).json()).isEmpty();
    assertThat(found(officer, "q=" + enc("' OR 1=1 --"))).isEmpty();
    assertThat(found(officer, "q=" + enc("\uD83D\uDE00"))).contains(caseOf(7));
  }

  @Test
  void controlCharactersInTheSearchAreRefusedNeverTrimmedAway() {
    for (String query : List.of("q=%00", "q=a%00b", "q=" + enc(tag) + "%00", "region=%00", "q=%1B", "status=%00")) {
      PlatformHttp.Response r = officer.get("/api/workspace/cases?" + query);
      refused(r, "REQ-007", query);
    }
  }

  @Test
  void aParameterGivenTwiceIsRefusedNotGluedTogether() {
    for (String query : List.of("q=a&q=b", "q=" + enc(tag) + "&q=" + enc(tag), "region=a&region=b",
        "page=0&page=1", "size=5&size=6", "flow=injunction&flow=injunction", "due=week&due=week")) {
      PlatformHttp.Response r = officer.get("/api/workspace/cases?" + query);
      refused(r, "REQ-006", query);
      assertThat(r.text("message")).as(query).contains(query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  void pageAndSizeAreAsciiIntegersInRange() {
    for (String bad : List.of("page=-1", "page=99999999999", "page=zz", "page=%D9%A3", "page=1e3", "page=1.0",
        "page=0x1", "page=%EF%BC%91", "page=10737418&size=200")) {
      refused(officer.get("/api/workspace/cases?" + bad), "WS-004", bad);
    }
    for (String bad : List.of("size=0", "size=-5", "size=201", "size=%D9%A3", "size=2147483648", "size=1%2C5")) {
      refused(officer.get("/api/workspace/cases?" + bad), "WS-005", bad);
    }
    assertThat(officer.get("/api/workspace/cases?page=10737417&size=200").status()).isEqualTo(200);
    assertThat(officer.get("/api/workspace/cases?page=0&size=200").status()).isEqualTo(200);
  }

  @Test
  void theCountHeaderEqualsTheRowsOfAllPages() throws Exception {
    Set<String> seen = new LinkedHashSet<>();
    String total = null;
    for (int page = 0; page < 10; page++) {
      HttpResponse<String> answer = raw("officer1", "/api/workspace/cases?size=2&q=" + enc(tag) + "&page=" + page);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue(WorkspaceController.TOTAL_COUNT_CAPPED)).isEmpty();
      total = answer.headers().firstValue(WorkspaceController.TOTAL_COUNT).orElseThrow();
      PlatformHttp.json().readTree(answer.body()).forEach(r -> assertThat(seen.add(r.path("caseNo").asText())).isTrue());
    }
    assertThat(total).isEqualTo(String.valueOf(SUFFIXES.size()));
    assertThat(seen).hasSize(SUFFIXES.size()).doesNotContain("测字罚〔2015〕" + serial + "99号");
  }

  @Test
  void aCourtUsersListHoldsOnlyCasesTheCourtMayOpen() {
    for (String user : List.of("filing1", "judge1", "exec1")) {
      PlatformHttp court = officer.as(user);
      Set<String> tagged = found(court, "q=" + enc(tag));
      assertThat(tagged).as(user).containsExactly("测字罚〔2015〕" + serial + "99号");
      for (String query : List.of("", "q=%25", "q=_", "status=CLOSED", "due=overdue", "flow=enforcement-case")) {
        for (String caseNo : found(court, query)) {
          PlatformHttp.Response opened = court.get("/api/cases/" + enc(caseNo));
          assertThat(opened.status()).as(user + " opens " + caseNo + " → " + opened.text()).isEqualTo(200);
        }
      }
    }
    for (String user : List.of("officer1", "legal1", "head1", "police1", "nr1")) {
      assertThat(found(officer.as(user), "q=" + enc(tag + "法院"))).as(user).isEmpty();
    }
  }

  private HttpResponse<String> raw(String user, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", Logins.basic(user)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
