package cn.ecolaw.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The task contracts (issue 8): the engine door lets a task's completion set exactly the fields of its deployed Camunda
 * Form, so the forms ARE the contract. This test fails when a form and the contract disagree: a user task without its
 * form; a variable only the platform sets (an outcome, an amount decided by a decision table, a deadline, a case
 * link, another tier's score) appearing as a field of a user task form; or a form key written by user tasks of two
 * different units (or two review tiers) in one process, so that one unit could overwrite the other's record.
 */
class TaskContractTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Case links and amounts the platform sets from the application, other processes or the law. */
  static final Set<String> CASE_LINKS_AND_AMOUNTS = Set.of("caseNo", "enforcementCaseInstanceId", "originInstanceId",
      "fineAmount", "benchmarkFine", "amountDue", "caseOutcome", "handlerGroup", "sampleId", "reviewedUnit",
      "legalReviewRequired", "collectiveDiscussionRequired", "hearingRight", "courtResult", "discretionOutcome");

  /** User decisions that a delegate or rule only normalises (false when left empty); they stay form fields. */
  static final Set<String> NORMALISED_BY_THE_PLATFORM = Set.of("extensionAgreed", "confirmed");

  /** Review tiers are one unit but must stay independent: their groups count as units here. */
  static final Set<String> TIERS = Set.of("reviewer-city", "reviewer-province", "review-arbiter");

  record UserTask(String process, String id, String group, String formRef) {}

  @Test
  void everyUserTaskHasItsDeployedForm() throws Exception {
    for (UserTask t : userTasks()) {
      assertThat(t.formRef()).as("form of %s in %s", t.id(), t.process()).isNotBlank();
      assertThat(formIdOf(t.formRef())).as("form %s", t.formRef()).isEqualTo(t.formRef());
    }
  }

  @Test
  void platformOnlyVariablesAreNoFieldOfAnyUserTaskForm() throws Exception {
    Set<String> platformOnly = platformOnlyVariables();
    assertThat(platformOnly).contains("caseNo", "fineAmount", "caseOutcome", "enforcementCaseInstanceId",
        "legalReviewRequired", "collectiveDiscussionRequired", "courtRulingReason", "totalScore", "filingDueAt");
    Map<String, List<String>> leaks = new TreeMap<>();
    for (UserTask t : userTasks()) {
      for (String key : fieldsOf(t.formRef())) {
        if (platformOnly.contains(key)) {
          leaks.computeIfAbsent(t.process() + "/" + t.id(), k -> new ArrayList<>()).add(key);
        }
      }
    }
    assertThat(leaks).as("platform-only variables in user task forms").isEmpty();
  }

  @Test
  void noFormKeyIsWrittenByTwoUnitsInOneProcess() throws Exception {
    Map<String, String> unitOfGroup = unitsOfGroups();
    Map<String, Map<String, Set<String>>> writers = new TreeMap<>();
    for (UserTask t : userTasks()) {
      String unit = TIERS.contains(t.group()) ? t.group() : unitOfGroup.getOrDefault(t.group(), t.group());
      for (String key : fieldsOf(t.formRef())) {
        writers.computeIfAbsent(t.process(), p -> new TreeMap<>()).computeIfAbsent(key, k -> new TreeSet<>())
            .add(unit);
      }
    }
    Map<String, Set<String>> collisions = new TreeMap<>();
    writers.forEach((process, keys) -> keys.forEach((key, units) -> {
      if (units.size() > 1) {
        collisions.put(process + "/" + key, units);
      }
    }));
    assertThat(collisions).as("form keys written by two units in one process").isEmpty();
  }

  /**
   * Issue 12: every task form opens its case page (party, steps, evidence and documents, discretion, trail), the link
   * built from the instance's {@code caseNo}; the review tiers' scoring forms open it beside the form. Where the
   * instance has no case page (no {@code caseNo}, or one that is no case of the platform: an inspection's number, a
   * court docket), the Tasklist shows a note in the link's place instead of a "case not found" page
   * (TaskFormCaseLinkShowsOnlyWhereThereIsACaseBrowserTest).
   */
  @Test
  void everyUserTaskFormLinksToItsCasePage() throws Exception {
    Pattern link = Pattern.compile("\\]\\(/ui/workspace/case\\.html\\?caseNo=\\{\\{caseNo}}(#beside)?\\)");
    Map<String, String> missing = new TreeMap<>();
    for (UserTask t : userTasks()) {
      String texts = textsOf(t.formRef());
      Matcher m = link.matcher(texts);
      if (!m.find()) {
        missing.put(t.process() + "/" + t.id(), t.formRef());
      } else if (TIERS.contains(t.group()) && t.formRef().contains("score") && m.group(1) == null) {
        missing.put(t.process() + "/" + t.id() + "（评分表单须在旁边打开案件页 #beside）", t.formRef());
      }
    }
    assertThat(missing).as("user task forms without a link to the case page").isEmpty();
  }

  static String textsOf(String formRef) throws IOException {
    try (InputStream in = TaskContractTest.class.getResourceAsStream("/forms/" + formRef + ".form")) {
      assertThat(in).as("forms/%s.form", formRef).isNotNull();
      StringBuilder out = new StringBuilder();
      JSON.readTree(in).path("components").forEach(c -> out.append(c.path("text").asText()).append('\n'));
      return out.toString();
    }
  }

  // -------------------------------------------------------------------------------------------- the models

  static List<UserTask> userTasks() throws Exception {
    List<UserTask> out = new ArrayList<>();
    for (Resource r : resources("classpath*:processes/*.bpmn")) {
      Document doc = parse(r);
      NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
      for (int p = 0; p < processes.getLength(); p++) {
        Element process = (Element) processes.item(p);
        NodeList tasks = process.getElementsByTagNameNS(BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
          Element t = (Element) tasks.item(i);
          out.add(new UserTask(process.getAttribute("id"), t.getAttribute("id"),
              t.getAttributeNS(CAMUNDA, "candidateGroups"), t.getAttributeNS(CAMUNDA, "formRef")));
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(50);
    return out;
  }

  /**
   * What only the platform sets: every variable a delegate, deadline or variables helper writes (scanned from the
   * sources), every output of a decision table, every result variable and every identifier of a timer expression
   * (the deadlines), plus the case links and amounts above.
   */
  static Set<String> platformOnlyVariables() throws Exception {
    Set<String> vars = new TreeSet<>(CASE_LINKS_AND_AMOUNTS);
    Pattern set = Pattern.compile("\\.(?:setVariable|setVariableLocal|put)\\(\"(\\w+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/ecolaw/platform"))) {
      for (Path f : files.filter(p -> p.toString().matches(".*(Delegate|Deadlines|Variables)\\.java")).toList()) {
        Matcher m = set.matcher(Files.readString(f));
        while (m.find()) {
          vars.add(m.group(1));
        }
      }
    }
    for (Resource r : resources("classpath*:decisions/*.dmn")) {
      NodeList outputs = parse(r).getElementsByTagNameNS("*", "output");
      for (int i = 0; i < outputs.getLength(); i++) {
        vars.add(((Element) outputs.item(i)).getAttribute("name"));
      }
    }
    Pattern identifier = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
    for (Resource r : resources("classpath*:processes/*.bpmn")) {
      Document doc = parse(r);
      NodeList all = doc.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        String result = e.getAttributeNS(CAMUNDA, "resultVariable");
        if (!result.isBlank()) {
          vars.add(result);
        }
        if (Set.of("timeDate", "timeDuration", "timeCycle").contains(e.getLocalName())) {
          Matcher m = identifier.matcher(e.getTextContent().replaceAll("'[^']*'", ""));
          while (m.find()) {
            vars.add(m.group(1));
          }
        }
      }
    }
    vars.removeAll(NORMALISED_BY_THE_PLATFORM);
    vars.removeIf(v -> v.length() < 3); // "P", "D" of ISO durations
    return vars;
  }

  static Map<String, String> unitsOfGroups() throws IOException {
    try (InputStream in = TaskContractTest.class.getResourceAsStream("/application.yml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      Map<?, ?> access = (Map<?, ?>) ((Map<?, ?>) yaml.get("platform")).get("access");
      Map<String, String> units = new HashMap<>();
      ((Map<?, ?>) access.get("case-groups")).forEach((unit, groups) ->
          ((List<?>) groups).forEach(g -> units.put(g.toString(), unit.toString())));
      assertThat(units).containsKeys("eco-officer", "court-judge");
      return units;
    }
  }

  static String formIdOf(String formRef) throws IOException {
    try (InputStream in = TaskContractTest.class.getResourceAsStream("/forms/" + formRef + ".form")) {
      assertThat(in).as("forms/%s.form", formRef).isNotNull();
      return JSON.readTree(in).path("id").asText();
    }
  }

  static List<String> fieldsOf(String formRef) throws IOException {
    try (InputStream in = TaskContractTest.class.getResourceAsStream("/forms/" + formRef + ".form")) {
      assertThat(in).as("forms/%s.form", formRef).isNotNull();
      return FormSchema.parse(JSON.readTree(in)).fields().stream().map(FormSchema.Field::key).toList();
    }
  }

  private static Resource[] resources(String pattern) throws IOException {
    return new PathMatchingResourcePatternResolver().getResources(pattern);
  }

  private static Document parse(Resource r) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    try (InputStream in = r.getInputStream()) {
      return f.newDocumentBuilder().parse(in);
    }
  }
}
