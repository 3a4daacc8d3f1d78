package cn.ecolaw.platform.engine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.collection.immutable.Nil$;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Camunda's {@link ScalaFeelEngine} (same feel-scala engine, value mappers, Spin mapper and custom function
 * providers, built by its own constructor) that parses each expression and unary-tests text once.
 *
 * <p>feel-scala's {@code evalExpression(text, context)} is {@code parseExpression(text).flatMap(eval(_, context))}
 * and {@code evalUnaryTests(text, context)} is {@code parseUnaryTests(text).flatMap(eval(_, context))} mapped to a
 * boolean; this class does exactly that with the parse outcome taken from a {@link FeelParseCache}, and builds the
 * evaluation context as {@link ScalaFeelEngine} does (the input value under {@code inputVariableName} for {@code ?},
 * then the DMN variable context). Failures, parse failures included, are turned into the same
 * {@code FeelException} with the same message. Values are mapped by Camunda's own value mappers, looped over by a
 * {@link LoopingValueMapper} instead of feel-scala's composite (same order, same answers).
 */
class CachingScalaFeelEngine extends ScalaFeelEngine {

  private static final String INPUT_VARIABLE = UnaryTests$.MODULE$.inputVariable();

  private final FeelParseCache expressions;
  private final FeelParseCache unaryTests;

  CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int capacity) {
    super(functionProviders);
    this.expressions = new FeelParseCache(capacity);
    this.unaryTests = new FeelParseCache(capacity);
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
    Either<Failure, ParsedExpression> parsed = expressions.get(expression, feelEngine::parseExpression);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) valueOrThrow(evaluate(parsed, context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    Either<Failure, ParsedExpression> parsed = unaryTests.get(expression, feelEngine::parseUnaryTests);
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    // the list ScalaFeelEngine builds through Arrays.asList and the collection converters: (input, variables)
    VariableProvider providers = new CompositeVariableProvider(
        Nil$.MODULE$.<VariableProvider>$colon$colon(variables).<VariableProvider>$colon$colon(input));
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return providers;
      }
    };
    return BoxesRunTime.unboxToBoolean(valueOrThrow(evaluate(parsed, context)));
  }

  private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsed, CustomContext context) {
    if (parsed instanceof Left<Failure, ParsedExpression> failure) {
      return new Left<>(failure.value());
    }
    return feelEngine.eval(((Right<Failure, ParsedExpression>) parsed).value(), context);
  }

  private static Object valueOrThrow(Either<Failure, Object> result) {
    if (result instanceof Right<Failure, Object> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
  }

  FeelParseCache expressionCache() {
    return expressions;
  }

  FeelParseCache unaryTestsCache() {
    return unaryTests;
  }
}
