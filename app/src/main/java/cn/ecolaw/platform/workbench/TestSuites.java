package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.shared.PlatformException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The suites of the decisions: the stored one (table {@code decision_suite}) or, until an analyst saves one, the
 * seed from the resources (the cases of the table-driven tests in app/src/test). Runs a suite against a draft.
 */
@Component
public class TestSuites {

  static final int MAX_CASES = 2000;
  static final int MAX_NAME = 200;

  private final DraftRepository drafts;
  private final ObjectMapper json;

  public TestSuites(DraftRepository drafts, ObjectMapper json) {
    this.drafts = drafts;
    this.json = json;
  }

  public TestSuite get(String key) {
    String stored = drafts.suite(key).orElse(null);
    if (stored != null) {
      return read(stored);
    }
    ClassPathResource seed = new ClassPathResource("workbench/suites/" + key + ".json");
    if (!seed.exists()) {
      return new TestSuite(key, key, null, List.of());
    }
    try (InputStream in = seed.getInputStream()) {
      return json.readValue(in, TestSuite.class);
    } catch (IOException e) {
      throw new IllegalStateException("测试用例集无法读取：" + key, e);
    }
  }

  /** Validates and stores the suite of {@code key}; 400 WB-010 for a malformed one. */
  public TestSuite save(String key, TestSuite suite, String user) {
    if (suite == null || suite.cases() == null) {
      throw PlatformException.badRequest("WB-010", "测试用例集须包含 cases（用例列表）");
    }
    if (suite.cases().size() > MAX_CASES) {
      throw PlatformException.badRequest("WB-010", "测试用例不能超过" + MAX_CASES + "条");
    }
    Set<String> ids = new HashSet<>();
    List<TestSuite.Case> cases = new ArrayList<>();
    int i = 0;
    for (TestSuite.Case c : suite.cases()) {
      i++;
      if (c == null || c.inputs() == null || c.expected() == null || c.expected().isEmpty()) {
        throw PlatformException.badRequest("WB-010", "第" + i + "条用例须有输入（inputs）和至少一个预期输出（expected）");
      }
      checkValues(i, c.inputs());
      checkValues(i, c.expected());
      String id = c.id() == null || c.id().isBlank() ? key + "-" + i : c.id().trim();
      if (!ids.add(id)) {
        throw PlatformException.badRequest("WB-010", "用例编号重复：" + id);
      }
      String name = c.name() == null ? "" : c.name().trim();
      if (name.length() > MAX_NAME || id.length() > MAX_NAME) {
        throw PlatformException.badRequest("WB-010", "第" + i + "条用例的编号或名称超过" + MAX_NAME + "字");
      }
      cases.add(new TestSuite.Case(id, name, c.inputs(), c.expected()));
    }
    TestSuite clean = new TestSuite(key, suite.name() == null ? key : suite.name(), suite.source(), cases);
    drafts.saveSuite(key, write(clean), user, Instant.now());
    return clean;
  }

  private static void checkValues(int i, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > MAX_NAME) {
        throw PlatformException.badRequest("WB-010", "第" + i + "条用例有无效的变量名");
      }
      if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw PlatformException.badRequest("WB-010", "第" + i + "条用例的“" + e.getKey()
            + "”须是文字、数字、是否或空，不能是对象或列表");
      }
      if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
        throw PlatformException.badRequest("WB-010", "第" + i + "条用例的“" + e.getKey() + "”不是有限的数字");
      }
      if (v instanceof String s && s.length() > 4000) {
        throw PlatformException.badRequest("WB-010", "第" + i + "条用例的“" + e.getKey() + "”超过4000字");
      }
    }
  }

  /** Runs every case against the decision {@code key} of the model. */
  TestSuite.Run run(DraftModel model, String key, TestSuite suite) {
    List<TestSuite.CaseResult> results = new ArrayList<>();
    int passed = 0;
    for (TestSuite.Case c : suite.cases()) {
      TestSuite.CaseResult r = runCase(model, key, c);
      results.add(r);
      if (r.passed()) {
        passed++;
      }
    }
    return new TestSuite.Run(key, results.size(), passed, results.size() - passed, results);
  }

  private static TestSuite.CaseResult runCase(DraftModel model, String key, TestSuite.Case c) {
    if (!model.has(key)) {
      return new TestSuite.CaseResult(c.id(), c.name(), false, List.of(), "草稿中没有决策“" + key + "”");
    }
    Map<String, Object> actual;
    try {
      actual = model.evaluate(key, c.inputs());
    } catch (RuntimeException e) {
      return new TestSuite.CaseResult(c.id(), c.name(), false, List.of(), "计算出错：" + DraftModel.shortMessage(e));
    }
    if (actual == null) {
      return new TestSuite.CaseResult(c.id(), c.name(), false, List.of(), "没有任何规则命中");
    }
    List<TestSuite.Mismatch> mismatches = new ArrayList<>();
    for (Map.Entry<String, Object> e : c.expected().entrySet()) {
      Object got = actual.get(e.getKey());
      if (!same(e.getValue(), got)) {
        mismatches.add(new TestSuite.Mismatch(e.getKey(), e.getValue(), got));
      }
    }
    return new TestSuite.CaseResult(c.id(), c.name(), mismatches.isEmpty(), mismatches, null);
  }

  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    if (expected instanceof Number a && actual instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (expected instanceof String s && actual instanceof Number n) {
      try {
        return new BigDecimal(s.trim()).compareTo(new BigDecimal(n.toString())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return Objects.equals(String.valueOf(expected), String.valueOf(actual));
  }

  private TestSuite read(String text) {
    try {
      return json.readValue(text, TestSuite.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("测试用例集已损坏", e);
    }
  }

  private String write(TestSuite suite) {
    try {
      return json.writeValueAsString(suite);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("测试用例集无法保存", e);
    }
  }
}
