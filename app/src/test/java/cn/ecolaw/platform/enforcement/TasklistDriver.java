package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works enforcement cases through {@code /engine-rest} the way the Camunda Tasklist does with Camunda Forms: it
 * loads the deployed form and the form variables, pre-fills the fields with the variables, lets the "user" fill the
 * required fields (from a table of answers keyed by field key), leaves the optional ones as form-js would (pre-filled
 * value, default value, or the field's empty value), drops fields hidden by a condition, and submits every value
 * untyped ({@code {"value": v}}), exactly as the Tasklist's camunda-forms plugin does.
 */
public final class TasklistDriver {

  /** What the "user" enters for a field: a function of the task's variables. */
  @FunctionalInterface
  public interface Answer extends Function<Vars, Object> {}

  /** The variables of a task's process instance, as read through REST. */
  public record Vars(JsonNode variables) {

    public Object value(String name) {
      return toJava(variables.path(name).path("value"));
    }

    public double number(String name) {
      JsonNode v = variables.path(name).path("value");
      return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
    }

    public String text(String name) {
      return variables.path(name).path("value").asText();
    }

    public boolean flag(String name) {
      return variables.path(name).path("value").asBoolean(false);
    }
  }

  /** A task seen on the way, with its candidate group and form. */
  record Visit(String taskKey, String processDefinitionKey, String candidateGroup, String formId) {}

  /** The result of a walk: the case number, its enforcement instance and the tasks completed in order. */
  record Walk(String caseNo, String processInstanceId, List<Visit> visits) {

    List<String> taskKeys() {
      return visits.stream().map(Visit::taskKey).toList();
    }
  }

  /** How a case is worked: answers that override the defaults, and timers fired instead of completing a task. */
  record Scenario(Map<String, Answer> answers, Map<String, String> timerInsteadOfTask) {

    static Scenario of(Map<String, Answer> answers) {
      return new Scenario(answers, Map.of());
    }

    Scenario firing(String taskKey, String timerActivityId) {
      Map<String, String> t = new HashMap<>(timerInsteadOfTask);
      t.put(taskKey, timerActivityId);
      return new Scenario(answers, t);
    }
  }

  /** DESIGN.md's table, as the flow assigns it: task definition key → candidate group. */
  static final Map<String, String> CANDIDATE_GROUPS = Map.ofEntries(
      Map.entry("Task_ProposeFiling", "eco-officer"),
      Map.entry("Task_ApproveFiling", "eco-head"),
      Map.entry("Task_Investigate", "eco-officer"),
      Map.entry("Task_ApproveTransfer", "eco-head"),
      // clue-transfer called by the case: the police answer the bureau's transfer (issue 13)
      Map.entry("Task_ReviewTransfer", "police"),
      Map.entry("Task_TransferForDetention", "eco-head"),
      Map.entry("Task_RecordJudgmentPerformance", "eco-officer"),
      Map.entry("Task_ApplyJudgmentEnforcement", "eco-head"),
      Map.entry("Task_HandOverToReconsiderationBody", "eco-head"),
      Map.entry("Task_ApproveNoPenalty", "eco-head"),
      Map.entry("Task_ProposePenalty", "eco-officer"),
      Map.entry("Task_ServePriorNotice", "eco-officer"),
      Map.entry("Task_RecordStatement", "eco-officer"),
      Map.entry("Task_ScheduleHearing", "eco-legal"),
      Map.entry("Task_HoldHearing", "eco-legal"),
      Map.entry("Task_ReviewStatement", "eco-officer"),
      Map.entry("Task_LegalReview", "eco-legal"),
      Map.entry("Task_ApproveDecision", "eco-head"),
      Map.entry("Task_ServeDecision", "eco-officer"),
      Map.entry("Task_ReInspect", "eco-officer"),
      Map.entry("Task_MonitorPayment", "eco-officer"),
      Map.entry("Task_RecordRemedyResult", "eco-legal"),
      Map.entry("Task_ServeReminder", "eco-officer"),
      Map.entry("Task_AwaitReminderResponse", "eco-officer"),
      Map.entry("Task_PrepareCourtApplication", "eco-head"),
      Map.entry("Task_ReviewApplication", "court-filing"),
      Map.entry("Task_ReviewAndRule", "court-judge"),
      Map.entry("Task_SuperviseAcceptance", "court-judge"),
      Map.entry("Task_ConsiderAppeal", "eco-legal"),
      Map.entry("Task_DecideAppeal", "court-judge"),
      Map.entry("Task_ChooseReviewMode", "court-judge"),
      Map.entry("Task_HearBothSides", "court-judge"),
      Map.entry("Task_ServeRefusal", "court-filing"),
      Map.entry("Task_ConsiderChallenge", "eco-legal"),
      Map.entry("Task_DecideChallenge", "court-judge"),
      Map.entry("Task_ExecuteByCourt", "court-enforcement"),
      Map.entry("Task_ExecuteByAgency", "eco-officer"),
      Map.entry("Task_ServeDailyNotice", "eco-officer"),
      Map.entry("Task_RecordDailyStatement", "eco-officer"),
      Map.entry("Task_HoldDailyHearing", "eco-legal"),
      Map.entry("Task_DailyLegalReview", "eco-legal"),
      Map.entry("Task_ApproveDailyPenalty", "eco-head"),
      Map.entry("Task_ServeDailyDecision", "eco-officer"),
      Map.entry("Task_MonitorDailyPayment", "eco-officer"),
      Map.entry("Task_RecordDailyRemedyResult", "eco-legal"),
      Map.entry("Task_SuperviseDailyService", "eco-head"),
      Map.entry("Task_SuperviseDailyPayment", "eco-head"));

  /** Timers a case waits on with no task open (intermediate catch events): fired when the driver is idle. */
  static final List<String> WAITING_TIMERS = List.of("Event_HearingDay");

  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Pattern CONDITION = Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");
  private static final int MAX_STEPS = 60;

  private final PlatformHttp http;
  private final Map<String, Answer> defaults;
  private final boolean typed;

  public TasklistDriver(PlatformHttp http, Map<String, Answer> defaults) {
    this(http, defaults, false);
  }

  private TasklistDriver(PlatformHttp http, Map<String, Answer> defaults, boolean typed) {
    this.http = http;
    this.defaults = defaults;
    this.typed = typed;
  }

  /**
   * A driver that sends every value with an explicit type (String, Boolean, Long, Double, Null), as a REST client
   * other than the Tasklist may do; the Tasklist itself sends values untyped.
   */
  TasklistDriver typed() {
    return new TasklistDriver(http, defaults, true);
  }

  // ---------------------------------------------------------------------------------------------- start form

  /** The start form's values as the Tasklist would submit them, the clerk having entered {@code input}. */
  Map<String, Object> startFormValues(Map<String, Object> input) {
    return startFormValues(CaseLauncher.PROCESS_KEY, input);
  }

  /** The start form values of another process (mediation-routing, appraisal...). */
  public Map<String, Object> startFormValues(String processKey, Map<String, Object> input) {
    JsonNode form = http.getOk("/engine-rest/process-definition/key/" + processKey + "/deployed-start-form");
    assertChineseForm(form);
    Map<String, Object> values = new LinkedHashMap<>();
    for (JsonNode field : fields(form)) {
      String key = field.get("key").asText();
      Object value = input.containsKey(key) ? input.get(key) : emptyValue(field);
      if (field.path("validate").path("required").asBoolean() && isBlank(value)) {
        throw new AssertionError("start form: no input for required field " + key);
      }
      values.put(key, value);
    }
    dropHidden(fields(form), values);
    return values;
  }

  /** Submits the start form; returns the raw response (the instance on success). */
  PlatformHttp.Response submitStart(String businessKey, Map<String, Object> values) {
    return submitStart(CaseLauncher.PROCESS_KEY, businessKey, values);
  }

  public PlatformHttp.Response submitStart(String processKey, String businessKey, Map<String, Object> values) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (businessKey != null) {
      body.put("businessKey", businessKey);
    }
    body.put("variables", dtos(values));
    return http.post("/engine-rest/process-definition/key/" + processKey + "/submit-form", body);
  }

  /** Starts a case through the start form; returns the enforcement process instance id. */
  String start(String businessKey, Map<String, Object> input) {
    PlatformHttp.Response r = submitStart(businessKey, startFormValues(input));
    assertThat(r.status()).as("start form submit: %s", r.text()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  // ---------------------------------------------------------------------------------------------- task forms

  /** The values the Tasklist submits for this task when the user answers from the scenario and the defaults. */
  public Map<String, Object> taskFormValues(String taskId, Map<String, Answer> answers) {
    JsonNode form = http.getOk("/engine-rest/task/" + taskId + "/deployed-form");
    Vars vars = new Vars(http.getOk("/engine-rest/task/" + taskId + "/form-variables"));
    Map<String, Object> values = new LinkedHashMap<>();
    for (JsonNode field : fields(form)) {
      String key = field.get("key").asText();
      boolean required = field.path("validate").path("required").asBoolean();
      Object value;
      if (answers.containsKey(key)) {
        value = answers.get(key).apply(vars);
      } else if (required && defaults.containsKey(key)) {
        value = defaults.get(key).apply(vars);
      } else if (!isBlank(vars.value(key))) {
        value = vars.value(key);
      } else {
        value = emptyValue(field);
      }
      if (required && isBlank(value)) {
        throw new AssertionError("task form " + form.path("id").asText() + ": no answer for required field " + key);
      }
      values.put(key, value);
    }
    dropHidden(fields(form), values);
    return values;
  }

  public PlatformHttp.Response submitTask(String taskId, Map<String, Object> values) {
    return http.post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", dtos(values)));
  }

  // ---------------------------------------------------------------------------------------------- walking

  /** Works every open task of the case (its enforcement instance and the court's) until all have ended. */
  Walk walk(String processInstanceId, Scenario scenario) {
    String caseNo = http.getOk("/engine-rest/process-instance/" + processInstanceId + "/variables/caseNo")
        .path("value").asText();
    List<Visit> visits = new ArrayList<>();
    for (int step = 0; step < MAX_STEPS; step++) {
      List<String> instances = activeInstancesOf(caseNo);
      if (instances.isEmpty()) {
        return new Walk(caseNo, processInstanceId, visits);
      }
      JsonNode tasks = http.getOk("/engine-rest/task?sortBy=created&sortOrder=asc&processInstanceIdIn="
          + String.join(",", instances));
      if (tasks.isEmpty()) {
        fireWaitingTimer(instances);
        continue;
      }
      JsonNode task = tasks.get(0);
      String taskKey = task.get("taskDefinitionKey").asText();
      String timer = scenario.timerInsteadOfTask().get(taskKey);
      if (timer != null) {
        fireTimer(task.get("processInstanceId").asText(), timer);
        continue;
      }
      visits.add(check(task));
      PlatformHttp.Response r = submitTask(task.get("id").asText(),
          taskFormValues(task.get("id").asText(), scenario.answers()));
      assertThat(r.status()).as("%s submit: %s", taskKey, r.text()).isEqualTo(204);
    }
    throw new AssertionError("case " + caseNo + " did not end within " + MAX_STEPS + " steps: " + visits);
  }

  /** The open task of the instance with this key (exactly one). */
  public JsonNode openTask(String processInstanceId, String taskKey) {
    JsonNode tasks = http.getOk("/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + taskKey);
    assertThat(tasks).as("open %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  /** Completes the open task with this key through its form; the task must accept. */
  void complete(String processInstanceId, String taskKey, Map<String, Answer> answers) {
    JsonNode task = openTask(processInstanceId, taskKey);
    check(task);
    PlatformHttp.Response r = submitTask(task.get("id").asText(), taskFormValues(task.get("id").asText(), answers));
    assertThat(r.status()).as("%s submit: %s", taskKey, r.text()).isEqualTo(204);
  }

  public void fireTimer(String processInstanceId, String activityId) {
    JsonNode jobs = http.getOk("/engine-rest/job?processInstanceId=" + processInstanceId
        + "&activityId=" + activityId);
    assertThat(jobs).as("timer %s", activityId).hasSize(1);
    PlatformHttp.Response r = http.post("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", Map.of());
    assertThat(r.status()).as("execute %s: %s", activityId, r.text()).isEqualTo(204);
  }

  private void fireWaitingTimer(List<String> instances) {
    for (String pid : instances) {
      for (String timer : WAITING_TIMERS) {
        JsonNode jobs = http.getOk("/engine-rest/job?processInstanceId=" + pid + "&activityId=" + timer);
        if (!jobs.isEmpty()) {
          fireTimer(pid, timer);
          return;
        }
      }
    }
    throw new AssertionError("no open task and no waiting timer in " + instances + ": "
        + http.getOk("/engine-rest/job?processInstanceId=" + instances.get(0)));
  }

  List<String> activeInstancesOf(String caseNo) {
    JsonNode list = http.postOk("/engine-rest/process-instance",
        Map.of("variables", List.of(Map.of("name", "caseNo", "operator", "eq", "value", caseNo))));
    List<String> ids = new ArrayList<>();
    list.forEach(pi -> ids.add(pi.get("id").asText()));
    return ids;
  }

  /** Asserts the task's candidate group (DESIGN.md) and its Chinese form; returns what was seen. */
  Visit check(JsonNode task) {
    String taskId = task.get("id").asText();
    String taskKey = task.get("taskDefinitionKey").asText();
    assertThat(CANDIDATE_GROUPS).as("task %s is in DESIGN.md's table", taskKey).containsKey(taskKey);
    List<String> groups = new ArrayList<>();
    http.getOk("/engine-rest/task/" + taskId + "/identity-links").forEach(link -> {
      if ("candidate".equals(link.path("type").asText()) && link.hasNonNull("groupId")) {
        groups.add(link.get("groupId").asText());
      }
    });
    assertThat(groups).as("candidate groups of %s", taskKey).containsExactly(CANDIDATE_GROUPS.get(taskKey));
    assertThat(task.path("name").asText()).as("name of %s", taskKey).containsPattern(CJK);
    JsonNode form = http.getOk("/engine-rest/task/" + taskId + "/deployed-form");
    assertChineseForm(form);
    String definitionKey = task.path("processDefinitionId").asText().split(":")[0];
    return new Visit(taskKey, definitionKey, groups.get(0), form.path("id").asText());
  }

  // ---------------------------------------------------------------------------------------------- forms

  /** A Chinese heading ("#### 立案审查") and a Chinese label on every field. */
  public static void assertChineseForm(JsonNode form) {
    String id = form.path("id").asText();
    boolean titled = false;
    for (JsonNode c : form.path("components")) {
      if ("text".equals(c.path("type").asText()) && c.path("text").asText().startsWith("#")
          && CJK.matcher(c.path("text").asText().lines().findFirst().orElse("")).find()) {
        titled = true;
      }
    }
    assertThat(titled).as("form %s has a Chinese title", id).isTrue();
    for (JsonNode f : fields(form)) {
      assertThat(label(f)).as("label of %s in form %s", f.path("key").asText(), id).containsPattern(CJK);
    }
  }

  /** The keyed fields of a form, nested groups walked. */
  static List<JsonNode> fields(JsonNode form) {
    List<JsonNode> out = new ArrayList<>();
    collect(form.path("components"), out);
    return out;
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        out.add(c);
      }
      if (c.has("components")) {
        collect(c.get("components"), out);
      }
    }
  }

  static String label(JsonNode field) {
    return field.hasNonNull("label") ? field.get("label").asText() : field.path("dateLabel").asText("");
  }

  /** The value form-js holds for a field nobody touched: its default value, else the type's empty value. */
  private static Object emptyValue(JsonNode field) {
    if (field.has("defaultValue")) {
      return toJava(field.get("defaultValue"));
    }
    return switch (field.path("type").asText()) {
      case "textfield", "textarea" -> "";
      case "checkbox" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** form-js leaves fields hidden by their condition out of the submitted data. */
  private static void dropHidden(List<JsonNode> fields, Map<String, Object> values) {
    Map<String, Object> data = new HashMap<>(values);
    for (JsonNode f : fields) {
      String hide = f.path("conditional").path("hide").asText(null);
      if (hide != null && hidden(hide, data)) {
        values.remove(f.get("key").asText());
      }
    }
  }

  private static boolean hidden(String expression, Map<String, Object> data) {
    Matcher m = CONDITION.matcher(expression);
    if (!m.matches()) {
      throw new IllegalStateException("condition not understood by the test driver: " + expression);
    }
    boolean equal = Objects.equals(String.valueOf(data.get(m.group(1))), m.group(3));
    return m.group(2).equals("=") == equal;
  }

  /**
   * The Tasklist sends {"value": v} without a type; the engine infers String, Boolean, Integer/Long or Double. The
   * typed driver names the type.
   */
  private Map<String, Object> dtos(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Map<String, Object> dto = new HashMap<>();
      Object value = jsNumber(v);
      dto.put("value", value);
      if (typed) {
        dto.put("type", typeOf(value));
      }
      out.put(k, dto);
    });
    return out;
  }

  private static String typeOf(Object value) {
    if (value == null) {
      return "Null";
    }
    if (value instanceof Boolean) {
      return "Boolean";
    }
    if (value instanceof Long || value instanceof Integer) {
      return "Long";
    }
    return value instanceof Double ? "Double" : "String";
  }

  /** A JavaScript number: 150000.0 goes over the wire as 150000. */
  private static Object jsNumber(Object v) {
    if (v instanceof Double d && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return v;
  }

  static Object toJava(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    return v.isTextual() ? v.asText() : v.toString();
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }

  static String caseUrl(String caseNo) {
    return "/api/cases/" + enc(caseNo);
  }
}
