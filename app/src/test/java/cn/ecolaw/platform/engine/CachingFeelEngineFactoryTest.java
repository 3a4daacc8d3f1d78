package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parse cache changes nothing but time: every decision of decisions/*.dmn, over a large generated corpus, and a
 * set of FEEL texts (the input variable {@code ?} under any input variable name, dates, null, missing variables,
 * parse and evaluation errors) give the same results and the same failures as Camunda's stock ScalaFeelEngine.
 */
class CachingFeelEngineFactoryTest {

  /** Inputs per decision; the penalty-discretion graph gets the most (system properties for a longer run). */
  private static final int PENALTY_CORPUS = Integer.getInteger("corpus.penalty", 10_000);
  private static final int OTHER_CORPUS = Integer.getInteger("corpus.other", 2_000);

  static List<String> files() {
    return DecisionCorpus.FILES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyDecisionEvaluatesAsStockOnAGeneratedCorpus(String file) {
    // given: Camunda's default DMN engine and the same with the caching factory, each parsing the file itself
    DmnEngine stock = DmnEngines.stock();
    DmnEngine cached = DmnEngines.cached(CachingFeelEngineFactory.DEFAULT_CAPACITY);
    List<DmnDecision> stockDecisions = DmnEngines.decisions(stock, file);
    List<DmnDecision> cachedDecisions = DmnEngines.decisions(cached, file);
    assertThat(cachedDecisions).extracting(DmnDecision::getKey)
        .containsExactlyElementsOf(stockDecisions.stream().map(DmnDecision::getKey).toList());

    List<String> mismatches = new ArrayList<>();
    int failures = 0;
    int rows = 0;
    for (int i = 0; i < stockDecisions.size(); i++) {
      DmnDecision expected = stockDecisions.get(i);
      DmnDecision actual = cachedDecisions.get(i);
      boolean top = expected.getKey().equals(file);
      int size = file.equals("penalty-discretion") ? (top ? PENALTY_CORPUS : PENALTY_CORPUS / 8) : OTHER_CORPUS;
      List<Map<String, Object>> corpus = new DecisionCorpus(file.hashCode() * 31L + i).inputs(file, size);

      // when: both evaluate every input
      for (Map<String, Object> variables : corpus) {
        String want = DmnEngines.outcome(() -> stock.evaluateDecision(expected, variables));
        String got = DmnEngines.outcome(() -> cached.evaluateDecision(actual, variables));
        failures += want.startsWith("FAILED") ? 1 : 0;
        rows += want.startsWith("rows[{") ? 1 : 0;
        if (!want.equals(got) && mismatches.size() < 10) {
          mismatches.add(expected.getKey() + " " + variables + "\n  stock:  " + want + "\n  cached: " + got);
        }
      }
    }

    // then: identical outcomes, failures included; the corpus reached results and failures; texts were parsed once
    assertThat(mismatches).as("outcomes that differ from stock Camunda").isEmpty();
    assertThat(rows).as("evaluations with a result").isPositive();
    assertThat(failures).as("evaluations that fail (mistyped inputs)").isPositive();
    CachingScalaFeelEngine feel = DmnEngines.feelEngineOf(cached);
    assertThat(feel.expressionCache().hits() + feel.unaryTestsCache().hits()).isPositive();
    assertThat(feel.expressionCache().misses()).isEqualTo(feel.expressionCache().size());
    assertThat(feel.unaryTestsCache().misses()).isEqualTo(feel.unaryTestsCache().size());
  }

  @Test
  void concurrentEvaluationWithATinyCacheEqualsStock() throws Exception {
    // given: the penalty-discretion graph (about 200 texts), stock outcomes computed one by one, and a cache of 40
    // texts per kind
    int capacity = 40;
    DmnEngine stock = DmnEngines.stock();
    DmnEngine cached = DmnEngines.cached(capacity);
    DmnDecision expected = DmnEngines.decision(stock, "penalty-discretion", "penalty-discretion");
    DmnDecision actual = DmnEngines.decision(cached, "penalty-discretion", "penalty-discretion");
    List<Map<String, Object>> corpus = new DecisionCorpus(7).inputs("penalty-discretion", 800);
    List<String> want = corpus.stream()
        .map(v -> DmnEngines.outcome(() -> stock.evaluateDecision(expected, v))).toList();

    // when: four threads evaluate the corpus at once, each from a different starting point, evicting all the time
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * corpus.size() / threads;
      runs.add(pool.submit(() -> {
        List<String> mismatches = new ArrayList<>();
        for (int k = 0; k < corpus.size(); k++) {
          int i = (k + offset) % corpus.size();
          String got = DmnEngines.outcome(() -> cached.evaluateDecision(actual, corpus.get(i)));
          if (!got.equals(want.get(i))) {
            mismatches.add(corpus.get(i) + "\n  stock:  " + want.get(i) + "\n  cached: " + got);
          }
        }
        return mismatches;
      }));
    }
    List<String> mismatches = new ArrayList<>();
    for (Future<List<String>> run : runs) {
      mismatches.addAll(run.get());
    }
    pool.shutdown();

    // then
    assertThat(mismatches).as("outcomes that differ from stock Camunda").isEmpty();
    CachingScalaFeelEngine feel = DmnEngines.feelEngineOf(cached);
    assertThat(feel.expressionCache().size()).isLessThanOrEqualTo(capacity + threads);
    assertThat(feel.unaryTestsCache().size()).isLessThanOrEqualTo(capacity + threads);
    assertThat(feel.unaryTestsCache().misses()).as("evictions happened").isGreaterThan(2L * capacity);
  }

  private static final List<String> EXPRESSIONS = Arrays.asList(
      "1 + 1", "a + b", "a / b", "a / 0", "a > b", "s + \"!\"", "substring(s, 2)", "upper case(s)",
      "string length(s)", "n", "n = null", "n + 1", "missing", "missing = null", "missing + 1", "a + s",
      "if a > b then \"x\" else null", "count(list)", "sum(list)", "list[2]", "for i in list return i * 2",
      "some i in list satisfies i > 2", "m.k", "{x: a, y: {z: b}}.y.z", "ld", "ld + duration(\"P1M\")",
      "date(\"2024-02-29\") + duration(\"P1Y\")", "ld > date(\"2024-01-01\")", "string(ld)", "ldt", "ldt.year",
      "date(ldt)", "d", "d = null", "zdt", "duration(\"P1DT2H\")", "years and months duration(ld, date(\"2030-01-01\"))",
      "day of week(ld)", "decimal(1 / 3, 4)", "round half up(a * 1.005, 2)", "b in [1..5]",
      "assert(a, a > 100, \"too small\")", "is defined(missing)", "get or else(n, 7)", "1 +", "a ==== b",
      "\"unterminated", "", "   ", "?", "function(x) x + 1", "[1, 2, 3][item > 1]", "not(true)", "a between 1 and 10",
      "unknownFunction(a)", "date(\"2024-13-45\")", "10 ** 400", "number(\"1,5\")", "null", "true and null",
      null);

  private static final List<String> UNARY_TESTS = Arrays.asList(
      "< 10", "<= 5", "> a", "[1..10]", "]1..10[", "1, 2, 5", "? > 3", "? = null", "? + 1 > a", "null", "-", "",
      "not(5)", "not(null)", "\"a\", \"b\"", "contains(?, \"b\")", "odd(?)", "date(\"2024-06-01\")",
      "[date(\"2024-01-01\")..date(\"2024-12-31\")]", "< date(\"2025-01-01\")", "?.year = 2024", "count(?) > 1",
      "true", "false", "a", "missing", "? > missing", "[1..", ">> 3", "? ==", "string length(?) > 0",
      "> 2, < 0", "-1", "list contains(list, ?)", null);

  private static final List<Object> INPUT_VALUES = Arrays.asList(5, 10, 0, -1, 3.5, 7L, null, "a", "abc", true,
      LocalDate.of(2024, 6, 1), LocalDateTime.of(2024, 2, 29, 10, 30), new Date(1_700_000_000_000L),
      List.of(1, 2, 3), Map.of("k", 1));

  @Test
  void expressionsEvaluateAsStock() {
    FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
    FeelEngine cached = new CachingFeelEngineFactory(CachingFeelEngineFactory.DEFAULT_CAPACITY).createInstance();
    List<String> mismatches = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (VariableContext context : contexts()) {
        for (String text : EXPRESSIONS) {
          String want = feel(() -> stock.evaluateSimpleExpression(text, context));
          String got = feel(() -> cached.evaluateSimpleExpression(text, context));
          if (!want.equals(got)) {
            mismatches.add("'" + text + "' " + context.keySet() + "\n  stock:  " + want + "\n  cached: " + got);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void unaryTestsEvaluateAsStockWithTheInputVariableUnderAnyName() {
    FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
    FeelEngine cached = new CachingFeelEngineFactory(CachingFeelEngineFactory.DEFAULT_CAPACITY).createInstance();
    List<String> mismatches = new ArrayList<>();
    int failures = 0;
    for (String inputName : List.of("cellInput", "score", "分数", "inputVariableName")) {
      for (Object value : INPUT_VALUES) {
        VariableContext context = Variables.createVariables().putValue(inputName, value).putValue("a", 4)
            .putValue("list", List.of(1, 5, 7)).asVariableContext();
        for (String text : UNARY_TESTS) {
          String want = feel(() -> stock.evaluateSimpleUnaryTests(text, inputName, context));
          String got = feel(() -> cached.evaluateSimpleUnaryTests(text, inputName, context));
          failures += want.startsWith("FAILED") ? 1 : 0;
          if (!want.equals(got)) {
            mismatches.add("'" + text + "' " + inputName + "=" + value + "\n  stock:  " + want + "\n  cached: " + got);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(failures).isPositive();
  }

  @Test
  void parseFailuresFailAsStockEveryTime() {
    FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
    FeelEngine cached = new CachingFeelEngineFactory(10).createInstance();
    VariableContext context = Variables.createVariables().putValue("a", 1).asVariableContext();
    String want = feel(() -> stock.evaluateSimpleExpression("a ==== 1", context));

    List<String> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      got.add(feel(() -> cached.evaluateSimpleExpression("a ==== 1", context)));
    }

    assertThat(want).startsWith("FAILED <- org.camunda.bpm.dmn.feel.impl.FeelException");
    assertThat(got).containsOnly(want);
  }

  @Test
  void eachTextIsParsedOnce() {
    CachingScalaFeelEngine cached = (CachingScalaFeelEngine) new CachingFeelEngineFactory(100).createInstance();
    VariableContext context = Variables.createVariables().putValue("a", 1).putValue("cellInput", 2)
        .asVariableContext();

    for (int i = 0; i < 50; i++) {
      cached.evaluateSimpleExpression("a + 1", context);
      cached.evaluateSimpleExpression("a * 2", context);
      cached.evaluateSimpleUnaryTests("> a", "cellInput", context);
    }

    assertThat(cached.expressionCache().misses()).isEqualTo(2);
    assertThat(cached.expressionCache().hits()).isEqualTo(98);
    assertThat(cached.unaryTestsCache().misses()).isEqualTo(1);
    assertThat(cached.unaryTestsCache().hits()).isEqualTo(49);
  }

  @Test
  void theCacheKeepsItsBound() {
    CachingScalaFeelEngine cached = (CachingScalaFeelEngine) new CachingFeelEngineFactory(16).createInstance();
    VariableContext context = Variables.createVariables().putValue("a", 1).asVariableContext();

    for (int i = 0; i < 1_000; i++) {
      int n = i;
      assertThat(cached.<Object>evaluateSimpleExpression("a + " + n, context)).isEqualTo(1L + n);
      assertThat(cached.expressionCache().size()).isLessThanOrEqualTo(16);
    }
    assertThat(cached.expressionCache().misses()).isEqualTo(1_000);
  }

  /** The unary tests of the fast paths and beside them (negative literals, non-canonical decimals, mixed lists). */
  private static final List<String> FAST_UNARY_TESTS = Arrays.asList(
      "-", "true", "false", "1", "2.0", "0.1", "0", "\"A\"", "\"\"", "\"A\",\"\"", "\"WATER_EXCEED\"", "< 0.1",
      "<= 0.1", "> 3", ">= 2", "< 5", "> 30", "<= 1", "[0.1..0.5)", "[20..30]", "]1..2[", "(1..2)", "[1..2]",
      "[10..20)", ">= 0.30000000000000004", "< 0.10000000000000000001", "< 9007199254740993", "> 1000000000000000",
      "1, 2, 3", "\"a\", 1", "< 0.1, > 3", "true, false", "< -1", "[-1..1]", "[1..\"a\"]", "not(1)", "? < 2");

  /** Every kind of value a variable can hold, with the doubles where decimal and binary part ways. */
  private static final List<Object> FAST_VALUES = Arrays.asList(null, true, false, "A", "", "a", "1",
      "WATER_EXCEED", 0, 1, 2, 3, 30, -1, 7L, Long.MAX_VALUE, Long.MIN_VALUE, (short) 2, (byte) 1, 0.0, -0.0, 0.1,
      0.09999999999999999, 0.10000000000000002, 0.30000000000000004, 0.5, 1.0, 2.0, 2.5, 4.999999999999999, 5.0,
      29.999999999999996, 30.0, 1e15 - 1, 1e15, 9.007199254740993E15, 1e20, -1e20, 1e300, Double.MIN_VALUE,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5f, Float.NaN, new java.math.BigDecimal("0.10"),
      new java.math.BigDecimal("2"), java.math.BigInteger.TEN, LocalDate.of(2024, 6, 1), List.of(1, 2), Map.of("k", 1));

  @Test
  void fastPathUnaryTestsAnswerAsStockForEveryKindOfInput() {
    // given: Camunda's stock FEEL engine and ours (constants, fast paths, direct interpretation)
    FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
    CachingScalaFeelEngine fast =
        (CachingScalaFeelEngine) new CachingFeelEngineFactory(CachingFeelEngineFactory.DEFAULT_CAPACITY).createInstance();
    List<String> mismatches = new ArrayList<>();
    int matches = 0;
    // when: every test meets every value, under an ordinary input name, the reserved one, a null one, and missing
    for (String inputName : Arrays.asList("cellInput", "inputVariableName", null)) {
      for (Object value : FAST_VALUES) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(inputName == null ? "cellInput" : inputName, value);
        vars.put("other", 1);
        for (VariableContext context : List.of(Variables.fromMap(vars).asVariableContext(),
            Variables.createVariables().putValue("other", value).asVariableContext())) {
          for (String text : FAST_UNARY_TESTS) {
            String want = feel(() -> stock.evaluateSimpleUnaryTests(text, inputName, context));
            String got = feel(() -> fast.evaluateSimpleUnaryTests(text, inputName, context));
            matches += want.startsWith("true") ? 1 : 0;
            if (!want.equals(got)) {
              mismatches.add("'" + text + "' " + inputName + "=" + describe(value) + " in " + context.keySet()
                  + "\n  stock:  " + want + "\n  fast: " + got);
            }
          }
        }
      }
    }
    // then: the same answers and failures, and the fast paths were the ones answering
    assertThat(mismatches).isEmpty();
    assertThat(matches).isPositive();
    for (String text : List.of("-", "true", "1", "\"A\",\"\"", "< 0.1", "[0.1..0.5)", "< 9007199254740993",
        "< 0.1, > 3")) {
      assertThat(fast.unaryTestsWay(text)).as(text).isEqualTo("fast");
    }
    for (String text : List.of("< -1", "[1..\"a\"]", "not(1)", "? < 2")) {
      assertThat(fast.unaryTestsWay(text)).as(text).isEqualTo("interpreted");
    }
  }

  @Test
  void bareNamesAndLiteralsEvaluateAsStockForEveryKindOfValue() {
    FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
    CachingScalaFeelEngine fast =
        (CachingScalaFeelEngine) new CachingFeelEngineFactory(CachingFeelEngineFactory.DEFAULT_CAPACITY).createInstance();
    List<String> texts = List.of("x", "x.k", "y", "\"STANDARD\"", "\"\"", "0", "100000", "0.35", "1.0", "1e3",
        "12345678901234567890", "true", "false", "null", "-1", "x + 0");
    List<String> mismatches = new ArrayList<>();
    for (Object value : FAST_VALUES) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("x", value);
      VariableContext context = Variables.fromMap(vars).asVariableContext();
      for (String text : texts) {
        String want = feel(() -> stock.evaluateSimpleExpression(text, context));
        String got = feel(() -> fast.evaluateSimpleExpression(text, context));
        if (!want.equals(got)) {
          mismatches.add("'" + text + "' x=" + describe(value) + "\n  stock:  " + want + "\n  fast: " + got);
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(fast.expressionWay("x")).isEqualTo("fast");
    assertThat(fast.expressionWay("\"STANDARD\"")).isEqualTo("constant");
    assertThat(fast.expressionWay("100000")).isEqualTo("constant");
    assertThat(fast.expressionWay("null")).isEqualTo("constant");
    assertThat(fast.expressionWay("x + 0")).isEqualTo("interpreted");
    assertThat(fast.expressionWay("1e3")).isEqualTo("failed");
  }

  @Test
  void thePenaltyDiscretionGraphIsMostlyAnsweredByConstantsAndFastPaths() {
    // given
    DmnEngine engine = DmnEngines.cached(CachingFeelEngineFactory.DEFAULT_CAPACITY);
    DmnDecision decision = DmnEngines.decision(engine, "penalty-discretion", "penalty-discretion");
    // when
    for (Map<String, Object> variables : new DecisionCorpus(3).inputs("penalty-discretion", 300)) {
      DmnEngines.outcome(() -> engine.evaluateDecision(decision, variables));
    }
    // then: the cells and input expressions of the common shapes never reach the interpreter
    CachingScalaFeelEngine feel = DmnEngines.feelEngineOf(engine);
    for (String text : List.of("-", "true", "false", "1", "< 0.1", "[10..20)", "\"WATER_OVER_STANDARD\",\"\"",
        "\"HAZARDOUS_WASTE\"", "> 0")) {
      assertThat(feel.unaryTestsWay(text)).as(text).isEqualTo("fast");
    }
    for (String text : List.of("sensitiveArea", "violationType", "fineMin", "legalBasis")) {
      assertThat(feel.expressionWay(text)).as(text).isEqualTo("fast");
    }
    for (String text : List.of("\"STANDARD\"", "100000", "0.35")) {
      assertThat(feel.expressionWay(text)).as(text).isEqualTo("constant");
    }
    assertThat(feel.expressionWay("floor(fineMin * 0.5)")).isEqualTo("interpreted");
  }

  @Test
  void anInterruptedThreadStopsAsWithStock() {
    FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
    FeelEngine fast = new CachingFeelEngineFactory(CachingFeelEngineFactory.DEFAULT_CAPACITY).createInstance();
    VariableContext context = Variables.createVariables().putValue("cellInput", 1).putValue("x", 2)
        .asVariableContext();
    for (FeelEngine engine : List.of(fast, fast)) { // twice: parsed, then from the cache
      engine.evaluateSimpleUnaryTests("-", "cellInput", context);
    }
    for (String text : List.of("-", "1", "< 5")) {
      assertThat(interrupted(() -> stock.evaluateSimpleUnaryTests(text, "cellInput", context))).as(text)
          .isEqualTo(interrupted(() -> fast.evaluateSimpleUnaryTests(text, "cellInput", context)))
          .startsWith("java.lang.InterruptedException");
    }
    for (String text : List.of("x", "\"A\"", "x + 1")) {
      assertThat(interrupted(() -> stock.evaluateSimpleExpression(text, context))).as(text)
          .isEqualTo(interrupted(() -> fast.evaluateSimpleExpression(text, context)))
          .startsWith("java.lang.InterruptedException");
    }
  }

  /** What the evaluation does when the thread is interrupted (the flag is cleared after). */
  private static String interrupted(Supplier<Object> evaluation) {
    Thread.currentThread().interrupt();
    try {
      return "returned " + evaluation.get();
    } catch (Throwable e) {
      return e.getClass().getName();
    } finally {
      Thread.interrupted();
    }
  }

  private static String describe(Object value) {
    return value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")");
  }

  private static List<VariableContext> contexts() {
    Map<String, Object> full = new HashMap<>();
    full.put("a", 7);
    full.put("b", 2.5);
    full.put("s", "环境abc");
    full.put("n", null);
    full.put("list", List.of(1, 2, 3));
    full.put("m", Map.of("k", "v"));
    full.put("ld", LocalDate.of(2024, 1, 31));
    full.put("ldt", LocalDateTime.of(2024, 2, 29, 23, 59, 59));
    full.put("d", new Date(1_700_000_000_000L));
    full.put("zdt", ZonedDateTime.parse("2024-03-31T02:30:00+08:00[Asia/Shanghai]"));
    Map<String, Object> other = new HashMap<>(full);
    other.put("a", "seven");
    other.put("b", 0);
    other.put("ld", null);
    other.put("list", List.of());
    return List.of(Variables.fromMap(full).asVariableContext(), Variables.fromMap(other).asVariableContext(),
        Variables.createVariables().asVariableContext());
  }

  private static String feel(Supplier<Object> evaluation) {
    try {
      Object value = evaluation.get();
      return value + " (" + (value == null ? "null" : value.getClass().getName()) + ")";
    } catch (RuntimeException e) {
      return DmnEngines.failure(e);
    }
  }
}
