package cn.ecolaw.platform.engine;

import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.collection.immutable.Nil$;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import camundajar.impl.scala.util.control.NonFatal$;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.EmptyVariableProvider$;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.DefaultValueMapper;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Camunda's {@link ScalaFeelEngine} (same feel-scala engine, value mappers and custom function providers, built by
 * its own constructor) that parses each expression and unary-tests text once, and then evaluates it the shortest
 * way that gives feel-scala's answer.
 *
 * <p>feel-scala's {@code evalExpression(text, context)} is {@code parseExpression(text).flatMap(eval(_, context))},
 * where {@code parseExpression} parses and validates, and {@code eval} validates again, builds a fresh evaluation
 * context (an empty one merged with the root context of built-in and custom functions, merged with the caller's),
 * interprets, and maps the value back (failing on an assertion failure, a {@code ValError} or a
 * {@code ValFatalError}, and turning any non-fatal exception into a failure). {@code evalUnaryTests} is the same
 * with {@code parseUnaryTests}, the value taken as a boolean. This class keeps the parse outcome per text in a
 * {@link FeelParseCache}, and then, per evaluation ("direct" mode, the default):
 * <ol>
 *   <li>answers constants ({@code "STANDARD"}, {@code 0}, {@code true}, {@code null}) with the value the full path
 *       gave once at parse time;</li>
 *   <li>answers the commonest shapes (a bare variable name, {@code -}, boolean, string and number literals,
 *       comparisons and ranges with number literals, lists of these) with {@link FeelFastPaths}, for the plain Java
 *       values they are defined for;</li>
 *   <li>interprets everything else with feel-scala's {@link FeelInterpreter}, building the same evaluation context
 *       in one step and skipping the second validation (validation is a pure function of the parsed expression,
 *       already passed when it was parsed), each variable mapped to FEEL once per evaluation
 *       ({@link MappedVariables}); failures carry feel-scala's messages.</li>
 * </ol>
 * With {@code direct} off it evaluates through feel-scala's public {@code eval} (parse cache only), as before.
 * Failures, parse failures included, become the same {@code FeelException} with the same message. Values are mapped
 * by Camunda's own value mappers, looped over by a {@link LoopingValueMapper}.
 */
class CachingScalaFeelEngine extends ScalaFeelEngine {

  private static final String INPUT_VARIABLE = UnaryTests$.MODULE$.inputVariable();
  private static final Object NO_CONSTANT = new Object();

  private final FeelParseCache<Compiled> expressions;
  private final FeelParseCache<Compiled> unaryTests;
  private final boolean direct;
  /** True when Camunda's value mappers are the ones {@link FeelFastPaths} reproduces. */
  private final boolean plainValueMappers;
  private final ValueMapper valueMapper;
  private final FeelInterpreter interpreter;
  /** What feel-scala's FeelEngine puts in its root context: built-in functions, then the custom ones. */
  private final FunctionProvider rootFunctions;

  /** A parsed text and how to evaluate it. */
  static final class Compiled {
    final Either<Failure, ParsedExpression> parsed;
    final Object constant;
    final FeelFastPaths.Expression expression;
    final FeelFastPaths.UnaryTests tests;

    Compiled(Either<Failure, ParsedExpression> parsed, Object constant, FeelFastPaths.Expression expression,
        FeelFastPaths.UnaryTests tests) {
      this.parsed = parsed;
      this.constant = constant;
      this.expression = expression;
      this.tests = tests;
    }

    /** Which way it is evaluated: failed, constant, fast, interpreted. */
    String way() {
      if (parsed instanceof Left) {
        return "failed";
      }
      if (constant != NO_CONSTANT) {
        return "constant";
      }
      return expression != null || tests != null ? "fast" : "interpreted";
    }
  }

  CachingScalaFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders, int capacity) {
    this(functionProviders, capacity, true);
  }

  CachingScalaFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders, int capacity,
      boolean direct) {
    super(functionProviders);
    this.expressions = new FeelParseCache<>(capacity);
    this.unaryTests = new FeelParseCache<>(capacity);
    this.direct = direct;
    this.valueMapper = feelEngine.valueMapper();
    this.interpreter = new FeelInterpreter(valueMapper);
    this.rootFunctions = new CompositeFunctionProvider(Nil$.MODULE$.<FunctionProvider>$colon$colon(
        feelEngine.functionProvider()).<FunctionProvider>$colon$colon(
        new BuiltinFunctions(feelEngine.clock(), valueMapper)));
    this.plainValueMappers = valueMapper instanceof LoopingValueMapper looping && looping.onlyMappersOf(
        JavaValueMapper.class, DefaultValueMapper.class);
  }

  /**
   * The engine {@link ScalaFeelEngine#buildFeelEngine} builds (same function provider, external functions off), with
   * Camunda's value mappers in a {@link LoopingValueMapper}. Called by the super constructor.
   */
  @Override
  protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
      CompositeValueMapper valueMapper) {
    return new org.camunda.feel.FeelEngine.Builder().functionProvider(transformer)
        .valueMapper(new LoopingValueMapper(valueMapper.customMappers())).enableExternalFunctions(false).build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    Compiled compiled = expressions.get(expression, this::compileExpression);
    if (compiled.constant != NO_CONSTANT) {
      FeelFastPaths.checkInterrupt();
      return (T) compiled.constant;
    }
    if (compiled.expression != null) {
      FeelFastPaths.checkInterrupt();
      Object value = fast(compiled.expression, variableContext);
      if (value != FeelFastPaths.UNDECIDED) {
        return (T) value;
      }
    }
    return (T) evaluate(compiled.parsed, new ContextVariableWrapper(variableContext));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    Compiled compiled = unaryTests.get(expression, this::compileUnaryTests);
    if (compiled.tests != null) {
      FeelFastPaths.checkInterrupt();
      int answer = test(compiled.tests, inputVariable, variableContext);
      if (answer != FeelFastPaths.UNDECIDED_TEST) {
        return answer == FeelFastPaths.MATCH;
      }
    }
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    // the list ScalaFeelEngine builds through Arrays.asList and the collection converters: (input, variables)
    VariableProvider providers = new CompositeVariableProvider(
        Nil$.MODULE$.<VariableProvider>$colon$colon(variables).<VariableProvider>$colon$colon(input));
    return BoxesRunTime.unboxToBoolean(evaluate(compiled.parsed, providers));
  }

  private static Object fast(FeelFastPaths.Expression expression, VariableContext variables) {
    try {
      return expression.evaluate(variables);
    } catch (RuntimeException e) {
      return FeelFastPaths.UNDECIDED; // the interpreter meets the same problem and reports it its own way
    }
  }

  /**
   * The input value as feel-scala finds it: the variable named by {@code inputVariable} (looked up after the
   * {@code inputVariableName} entry itself, so that name and a null name are left to the interpreter; so is a
   * missing input).
   */
  private static int test(FeelFastPaths.UnaryTests tests, String inputVariable, VariableContext variables) {
    if (!tests.readsInput()) {
      return tests.test(null);
    }
    if (inputVariable == null || INPUT_VARIABLE.equals(inputVariable)) {
      return FeelFastPaths.UNDECIDED_TEST;
    }
    try {
      if (!variables.containsVariable(inputVariable)) {
        return FeelFastPaths.UNDECIDED_TEST;
      }
      var typed = variables.resolve(inputVariable);
      return typed == null ? FeelFastPaths.UNDECIDED_TEST : tests.test(typed.getValue());
    } catch (RuntimeException e) {
      return FeelFastPaths.UNDECIDED_TEST;
    }
  }

  private Compiled compileExpression(String text) {
    Either<Failure, ParsedExpression> parsed = feelEngine.parseExpression(text);
    if (!direct || !(parsed instanceof Right<Failure, ParsedExpression> right)) {
      return new Compiled(parsed, NO_CONSTANT, null, null);
    }
    Exp exp = right.value().expression();
    if (exp instanceof ConstNumber || exp instanceof ConstString || exp instanceof ConstBool
        || exp == ConstNull$.MODULE$) {
      // a literal needs no variables: its value is what the full evaluation gives, once
      try {
        return new Compiled(parsed, evaluate(parsed, EmptyVariableProvider$.MODULE$), null, null);
      } catch (RuntimeException fails) {
        return new Compiled(parsed, NO_CONSTANT, null, null);
      }
    }
    return new Compiled(parsed, NO_CONSTANT, plainValueMappers ? FeelFastPaths.expression(exp) : null, null);
  }

  private Compiled compileUnaryTests(String text) {
    Either<Failure, ParsedExpression> parsed = feelEngine.parseUnaryTests(text);
    if (!direct || !plainValueMappers || !(parsed instanceof Right<Failure, ParsedExpression> right)) {
      return new Compiled(parsed, NO_CONSTANT, null, null);
    }
    return new Compiled(parsed, NO_CONSTANT, null, FeelFastPaths.unaryTests(right.value().expression()));
  }

  /** feel-scala's evaluation of a parse outcome with these variables; a failure throws Camunda's FeelException. */
  private Object evaluate(Either<Failure, ParsedExpression> parsed, VariableProvider variables) {
    if (parsed instanceof Left<Failure, ParsedExpression> failure) {
      throw LOGGER.evaluationException(failure.value().message());
    }
    ParsedExpression expression = ((Right<Failure, ParsedExpression>) parsed).value();
    if (!direct) {
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return variables;
        }
      };
      Either<Failure, Object> result = feelEngine.eval(expression, context);
      if (result instanceof Right<Failure, Object> value) {
        return value.value();
      }
      throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
    }
    String failure;
    try {
      // EvalContext.empty(valueMapper).merge(rootContext).merge(customContext), built at once
      EvalContext context = new EvalContext(valueMapper, new MappedVariables(variables, valueMapper), rootFunctions,
          new EvaluationFailureCollector());
      Val value = interpreter.eval(expression.expression(), context);
      String assertion = assertionFailure(context);
      if (assertion != null) {
        failure = "Assertion failure on evaluate the expression '" + expression.text() + "': " + assertion;
      } else if (value instanceof ValError error) {
        failure = "failed to evaluate expression '" + expression.text() + "': " + error.error();
      } else if (value instanceof ValFatalError error) {
        failure = "failed to evaluate expression '" + expression.text() + "': " + error.error();
      } else {
        return valueMapper.unpackVal(value);
      }
    } catch (Throwable e) {
      if (!NonFatal$.MODULE$.apply(e)) {
        throw e;
      }
      failure = "failed to evaluate expression '" + expression.text() + "' : " + e;
    }
    throw LOGGER.evaluationException(failure);
  }

  /** The message of the first assertion failure the evaluation collected, or null. */
  private static String assertionFailure(EvalContext context) {
    for (List<EvaluationFailure> rest = context.failureCollector().failures(); !rest.isEmpty();
        rest = (List<EvaluationFailure>) rest.tail()) {
      if (rest.head().failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
        return rest.head().failureMessage();
      }
    }
    return null;
  }

  FeelParseCache<Compiled> expressionCache() {
    return expressions;
  }

  FeelParseCache<Compiled> unaryTestsCache() {
    return unaryTests;
  }

  /** How a kept expression text is evaluated (failed, constant, fast, interpreted), or null if not kept. */
  String expressionWay(String text) {
    Compiled compiled = expressions.peek(text);
    return compiled == null ? null : compiled.way();
  }

  /** How kept unary-tests text is evaluated, or null if not kept. */
  String unaryTestsWay(String text) {
    Compiled compiled = unaryTests.peek(text);
    return compiled == null ? null : compiled.way();
  }
}
