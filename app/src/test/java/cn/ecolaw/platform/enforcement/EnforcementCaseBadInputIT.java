package cn.ecolaw.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input to {@code POST /api/cases} on PostgreSQL: a 4xx answer with a code and a Chinese message, and nothing
 * written: no process instance, no case_file row, no document, no discretion record, no case number drawn (counted
 * in the database before and after).
 */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EnforcementCaseBadInputIT {

  private static final String SUBMIT_FORM = "/engine-rest/process-definition/key/enforcement-case/submit-form";

  @Autowired private JdbcTemplate jdbc;
  @LocalServerPort private int port;

  private PlatformHttp http;

  @BeforeEach
  void connect() {
    http = new PlatformHttp(port);
  }

  static Stream<Arguments> badCases() {
    return Stream.of(
        bad("unknown violation type", v -> v.put("violationType", "WATER_EXCEDE"), "DISC-001", "违法行为类型"),
        bad("negative exceedRatio", v -> v.put("exceedRatio", -0.2), "DISC-002", "超标比例不能为负数"),
        bad("missing party", v -> v.remove("partyName"), "CASE-002", "缺少必填项：当事人名称"),
        bad("blank party", v -> v.put("partyName", "   "), "CASE-002", "缺少必填项：当事人名称"),
        bad("malformed case number", v -> v.put("caseNo", "湖环罚2026-12号"), "CASE-001", "案号格式不正确"),
        bad("case number of another year form", v -> v.put("caseNo", "湖环罚〔26〕12号"), "CASE-001", "案号格式不正确"),
        bad("unknown violation type, no case number",
            v -> { v.remove("caseNo"); v.put("violationType", "NOISE_NIGHT"); }, "DISC-001", "违法行为类型"),
        bad("bad credit code check digit", v -> v.put("partyId", wrongCheckDigit(TestCases.uscc())), "CASE-004", "校验不通过"));
  }

  private static Arguments bad(String label, Consumer<Map<String, Object>> change, String code, String phrase) {
    return Arguments.of(label, change, code, phrase);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCases")
  void badInputIsRefusedInChineseAndWritesNothing(String label, Consumer<Map<String, Object>> change, String code,
      String phrase) {
    Map<String, Object> body = TestCases.enterpriseWater();
    body.put("caseNo", TestCases.caseNo());
    change.accept(body);
    Map<String, Long> before = counts();

    PlatformHttp.Response response = http.post("/api/cases", body);

    assertThat(response.status()).as("%s: %s", label, response.json()).isEqualTo(400);
    assertRefusal(response, code, phrase);
    assertThat(counts()).isEqualTo(before);
    if (body.get("caseNo") != null) {
      assertThat(caseFileRows(body.get("caseNo").toString())).isZero();
    }
  }

  @Test
  void aDuplicateCaseNumberIsAConflictAndChangesNothing() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> first = TestCases.enterpriseWater();
    first.put("caseNo", caseNo);
    assertThat(http.post("/api/cases", first).status()).isEqualTo(201);
    Map<String, Long> before = counts();

    Map<String, Object> second = TestCases.enterpriseSerious();
    second.put("caseNo", caseNo);
    second.put("partyName", "另一家公司");
    PlatformHttp.Response response = http.post("/api/cases", second);

    assertThat(response.status()).as("%s", response.json()).isEqualTo(409);
    assertRefusal(response, "CASE-007", "案号" + caseNo + "已存在");
    assertThat(counts()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select party_name from case_file where case_no = ?", String.class, caseNo))
        .isEqualTo("湖州测试印染有限公司");
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution e join act_re_procdef d"
        + " on e.proc_def_id_ = d.id_ where e.business_key_ = ? and d.key_ = 'enforcement-case'", Long.class, caseNo))
        .isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedInChinese() {
    Map<String, Long> before = counts();

    PlatformHttp.Response response = http.post("/api/cases", "{\"partyName\": \"湖州");

    assertThat(response.status()).isEqualTo(400);
    assertRefusal(response, "REQ-003", "不是有效的 JSON");
    assertThat(counts()).isEqualTo(before);
  }

  /** The Tasklist's start form posts to the engine REST API; Task_RegisterCase refuses and the start rolls back. */
  @Test
  void theTasklistStartFormRefusesBadInputAndTheCorrectedFormStartsTheCase() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> variables = TestCases.enterpriseWater();
    variables.put("exceedRatio", -1.5);
    Map<String, Long> before = counts();

    PlatformHttp.Response refused = http.post(SUBMIT_FORM, startForm(caseNo, variables));

    assertThat(refused.status()).as("%s", refused.json()).isEqualTo(400);
    assertThat(refused.text("message")).startsWith("【DISC-002】超标比例不能为负数");
    assertThat(counts()).isEqualTo(before);
    assertThat(caseFileRows(caseNo)).isZero();

    variables.put("exceedRatio", 0.3);
    PlatformHttp.Response started = http.post(SUBMIT_FORM, startForm(caseNo, variables));

    assertThat(started.status()).as("%s", started.json()).isEqualTo(200);
    assertThat(started.text("businessKey")).isEqualTo(caseNo);
    assertThat(caseFileRows(caseNo)).isOne();
  }

  /** A task completed through the engine REST API passes the same form guard: a missing field is a 400. */
  @Test
  void aTaskCompletedThroughRestWithoutARequiredFieldIsRefusedAndStaysOpen() {
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = TestCases.enterpriseWater();
    body.put("caseNo", caseNo);
    PlatformHttp.Response created = http.post("/api/cases", body);
    assertThat(created.status()).isEqualTo(201);
    String taskId = created.json().get("currentTasks").get(0).get("id").asText();
    String complete = "/engine-rest/task/" + taskId + "/complete";
    Map<String, Object> before = Map.of("counts", counts(), "tasks", openTasks(caseNo));

    PlatformHttp.Response refused = http.post(complete,
        Map.of("variables", Map.of("filingReason", Map.of("value", "涉嫌超标排放。"))));

    assertThat(refused.status()).as("%s", refused.json()).isEqualTo(400);
    assertThat(refused.text("message")).startsWith("【FORM-001】").endsWith("为必填项");
    assertThat(Map.of("counts", counts(), "tasks", openTasks(caseNo))).isEqualTo(before);

    PlatformHttp.Response completed = http.post(complete, Map.of("variables", Map.of(
        "filingReason", Map.of("value", "涉嫌超标排放。"), "officerOpinion", Map.of("value", "建议立案。"))));

    assertThat(completed.status()).as("%s", completed.json()).isEqualTo(204);
    assertThat(openTasks(caseNo)).containsExactly("Task_ApproveFiling");
  }

  private List<String> openTasks(String caseNo) {
    return jdbc.queryForList("select t.task_def_key_ from act_ru_task t join act_ru_execution e"
        + " on t.proc_inst_id_ = e.id_ where e.business_key_ = ? order by t.task_def_key_", String.class, caseNo);
  }

  /** The body the Tasklist sends: every field as {"value": ...}, the case number as business key. */
  private static Map<String, Object> startForm(String caseNo, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return Map.of("businessKey", caseNo, "variables", typed);
  }

  private static String wrongCheckDigit(String uscc) {
    char last = uscc.charAt(uscc.length() - 1);
    return uscc.substring(0, uscc.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static void assertRefusal(PlatformHttp.Response response, String code, String phrase) {
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("message")).contains(phrase).containsPattern("\\p{IsHan}");
  }

  private long caseFileRows(String caseNo) {
    return jdbc.queryForObject("select count(*) from case_file where case_no = ?", Long.class, caseNo);
  }

  /** What a started case would leave behind, counted on PostgreSQL. */
  private Map<String, Long> counts() {
    Map<String, Long> c = new LinkedHashMap<>();
    count(c, "process instances (history)", "select count(*) from act_hi_procinst");
    count(c, "executions", "select count(*) from act_ru_execution");
    count(c, "tasks", "select count(*) from act_ru_task");
    count(c, "jobs", "select count(*) from act_ru_job");
    count(c, "variables", "select count(*) from act_ru_variable");
    count(c, "case_file", "select count(*) from case_file");
    count(c, "case_document", "select count(*) from case_document");
    count(c, "discretion_record", "select count(*) from discretion_record");
    count(c, "case numbers drawn", "select coalesce(sum(next_value), 0) from case_number_sequence");
    return c;
  }

  private void count(Map<String, Long> counts, String label, String sql) {
    counts.put(label, jdbc.queryForObject(sql, Long.class));
  }
}
