package cn.ecolaw.platform.appraisal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the appraisal's list-like variables (kept as text so that they show in the Tasklist). */
final class AppraisalVariables {

  private AppraisalVariables() {}

  static List<String> parties(VariableScope scope) {
    Object p = scope.getVariable("parties");
    return p == null ? List.of() : Arrays.stream(p.toString().split("[、,，;；]")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }

  static List<Long> excluded(VariableScope scope) {
    Object e = scope.getVariable("excludedInstitutions");
    List<Long> out = new ArrayList<>();
    if (e != null) {
      for (String s : e.toString().split(",")) {
        if (!s.isBlank()) {
          out.add(Long.parseLong(s.trim()));
        }
      }
    }
    return out;
  }

  static void exclude(VariableScope scope, Object institutionId) {
    List<Long> ids = new ArrayList<>(excluded(scope));
    ids.add(((Number) institutionId).longValue());
    scope.setVariable("excludedInstitutions", String.join(",", ids.stream().map(String::valueOf).toList()));
  }
}
