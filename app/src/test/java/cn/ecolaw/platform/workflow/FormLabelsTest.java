package cn.ecolaw.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: forms show labels, not codes. A text component of a Camunda Form that prints a variable holding a code
 * ({{clueSource}} → INSPECTION, {{caseCategory}} → POLLUTION_DAMAGE, {{supervisionCycle}} → R/P30D) shows the
 * clerk an internal code; it must print the label variable the platform sets beside it.
 */
class FormLabelsTest {

  /** Variables whose value is a code (their *Label twin is what a form shows). */
  private static final Set<String> CODE_VARIABLES = Set.of("clueSource", "caseCategory", "supervisionCycle",
      "violationType", "violationConduct", "domain", "partyType", "discretionOutcome", "measure", "remedyFiled",
      "route", "channel", "agreementType", "respondentType", "serviceMethod", "caseOutcome", "outcome", "category",
      "reviewMode", "courtResult", "remedyResult");

  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  @Test
  void formsShowLabelsNotCodes() throws IOException {
    Path forms = Path.of("..", "forms");
    List<String> found = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(forms)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        for (JsonNode component : json.readTree(file.toFile()).path("components")) {
          Matcher m = TEMPLATE_VARIABLE.matcher(component.path("text").asText(""));
          while (m.find()) {
            if (CODE_VARIABLES.contains(m.group(1))) {
              found.add(file.getFileName() + ": {{" + m.group(1) + "}}");
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
