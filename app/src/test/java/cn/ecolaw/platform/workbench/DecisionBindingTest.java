package cn.ecolaw.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.junit.jupiter.api.Test;

/**
 * Processes bind their decisions deliberately: every business rule task that names a decision says how it binds
 * ({@code camunda:decisionRefBinding}), and the README documents each binding per process.
 */
class DecisionBindingTest {

  @Test
  void everyBusinessRuleTaskWithADecisionBindsItExplicitlyAndTheReadmeSaysHow() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    List<String> bindings = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("../processes"), "*.bpmn")) {
      for (Path file : files) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
          String ref = task.getCamundaDecisionRef();
          if (ref == null) {
            continue;
          }
          String binding = task.getCamundaDecisionRefBinding();
          assertThat(task.getDomElement().hasAttribute("http://camunda.org/schema/1.0/bpmn", "decisionRefBinding"))
              .as("%s %s: camunda:decisionRefBinding stated", file.getFileName(), task.getId()).isTrue();
          assertThat(binding).as("%s %s", file.getFileName(), task.getId()).isIn("latest", "versionTag", "deployment");
          if ("versionTag".equals(binding)) {
            assertThat(task.getCamundaDecisionRefVersionTag()).as("%s %s", file.getFileName(), task.getId()).isNotBlank();
          }
          bindings.add(file.getFileName() + " " + task.getId() + " " + ref + " " + binding);
          assertThat(readme).as("README documents the binding of %s in %s", ref, file.getFileName())
              .contains("`" + task.getId() + "`").contains("`" + ref + "`");
        }
      }
    }
    assertThat(bindings).hasSizeGreaterThanOrEqualTo(3);
  }
}
