package cn.ecolaw.platform.workbench;

import java.util.List;
import java.util.Map;

/**
 * The test cases of one decision, stored as data and edited on the workbench: given inputs, the expected outputs of
 * the first matching result (the DMN TCK test-case shape as a table: one row per case, inputs and expected results
 * by name). The table-driven tests of app/src/test were the first suites (resources workbench/suites/*.json).
 */
public record TestSuite(String decisionKey, String name, String source, List<Case> cases) {

  public record Case(String id, String name, Map<String, Object> inputs, Map<String, Object> expected) {}

  /** The outcome of one case: passed, or each output that differed (or the evaluation error). */
  public record CaseResult(String id, String name, boolean passed, List<Mismatch> mismatches, String error) {}

  public record Mismatch(String output, Object expected, Object actual) {}

  public record Run(String decisionKey, int total, int passed, int failed, List<CaseResult> results) {
    public boolean allPassed() {
      return failed == 0;
    }
  }
}
