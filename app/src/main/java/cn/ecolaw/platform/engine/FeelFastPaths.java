package cn.ecolaw.platform.engine;

import camundajar.impl.scala.collection.immutable.List;
import java.math.BigDecimal;
import java.util.ArrayList;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.syntaxtree.AtLeastOne;
import org.camunda.feel.syntaxtree.ClosedConstRangeBoundary;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstRange;
import org.camunda.feel.syntaxtree.ConstRangeBoundary;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.InputEqualTo;
import org.camunda.feel.syntaxtree.InputGreaterOrEqual;
import org.camunda.feel.syntaxtree.InputGreaterThan;
import org.camunda.feel.syntaxtree.InputInRange;
import org.camunda.feel.syntaxtree.InputLessOrEqual;
import org.camunda.feel.syntaxtree.InputLessThan;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.UnaryTestExpression;

/**
 * Answers for the commonest shapes of FEEL in decision tables, computed in Java exactly as feel-scala 1.19.5 with
 * Camunda's value mappers ({@code JavaValueMapper} before feel-scala's {@code DefaultValueMapper}) computes them, for
 * the plain Java values a decision's variables hold: null, {@link Boolean}, {@link String}, {@link Short},
 * {@link Integer}, {@link Long} and {@link Double}. Any other value, or anything a shape does not cover, is
 * {@link #UNDECIDED}: the caller then evaluates the parsed expression with feel-scala's interpreter, so the fast
 * paths only ever skip work, never change an answer ({@code CachingFeelEngineFactoryTest} compares both with stock
 * Camunda).
 *
 * <p>What feel-scala does for these values (FeelInterpreter, ValComparator, DefaultValueMapper, JavaValueMapper):
 * <ul>
 *   <li>a variable becomes {@code ValNull}, {@code ValBoolean}, {@code ValString} or {@code ValNumber} (a double
 *       through {@code BigDecimal.decimal}, i.e. its {@code Double.toString}; NaN and infinities become
 *       {@code ValNull}); a number comes back as a {@code Long} when whole and within long range, else a
 *       {@code Double};</li>
 *   <li>a bare variable name ({@code Ref} of one name) answers the variable so mapped; a missing variable is left to
 *       the interpreter;</li>
 *   <li>{@code -} is the constant {@code true}; {@code true}/{@code false} ({@code InputEqualTo} of a boolean) match
 *       an equal boolean input only (null and other types compare to false or null: no match);</li>
 *   <li>a string or number literal ({@code UnaryTestExpression}) matches an input of the same type that is equal
 *       (numbers by value: 1 = 1.0); any other input does not match;</li>
 *   <li>{@code < n}, {@code <= n}, {@code > n}, {@code >= n} and ranges {@code [a..b]}, {@code (a..b)},
 *       {@code ]a..b[} with number literals compare number inputs by value; null or other types are not comparable
 *       (null: no match);</li>
 *   <li>a list of such tests ({@code AtLeastOne}) matches when one does.</li>
 * </ul>
 * A double input is compared with a literal through doubles only when the literal is exactly the decimal
 * {@code Double.toString} gives for its own double (0.1, 5, 0.25...): {@code Double.toString} of any double lies in
 * that double's rounding interval, and the intervals are disjoint and ordered, so comparing the doubles orders the
 * decimals the same way; other literals are compared as {@code BigDecimal}s of {@code Double.toString}, as feel-scala
 * does.
 */
final class FeelFastPaths {

  /** What a fast path answers when it cannot decide: evaluate with the interpreter instead. */
  static final Object UNDECIDED = new Object();

  /** A unary-tests answer: no match, match, or {@link #UNDECIDED_TEST}. */
  static final int NO_MATCH = 0;
  static final int MATCH = 1;
  static final int UNDECIDED_TEST = -1;

  private FeelFastPaths() {}

  /** An expression answered from the DMN variables, or {@link #UNDECIDED}. */
  interface Expression {
    Object evaluate(VariableContext variables);
  }

  /** Unary tests answered from the input value alone (the Java value, or {@link #UNDECIDED} when it is missing). */
  interface UnaryTests {
    /** False when the answer does not depend on the input ({@code -}). */
    boolean readsInput();

    int test(Object input);
  }

  /** The fast path for a parsed expression, or null when its shape has none. */
  static Expression expression(Exp exp) {
    if (exp instanceof Ref ref && ref.names().size() == 1) {
      return new VariableRef(ref.names().head());
    }
    return null;
  }

  /** The fast path for parsed unary tests, or null when their shape has none. */
  static UnaryTests unaryTests(Exp exp) {
    if (exp instanceof ConstBool constant) {
      return new Constant(constant.value());
    }
    return positiveTest(exp);
  }

  private static UnaryTests positiveTest(Exp exp) {
    if (exp instanceof InputEqualTo equal && equal.x() instanceof ConstBool bool) {
      return new EqualsBoolean(bool.value());
    }
    if (exp instanceof UnaryTestExpression test) {
      if (test.exp() instanceof ConstString string) {
        return new EqualsString(string.value());
      }
      if (test.exp() instanceof ConstNumber number) {
        return new Compare(new Literal(number), Compare.EQ);
      }
      return null;
    }
    if (exp instanceof InputLessThan t && t.x() instanceof ConstNumber n) {
      return new Compare(new Literal(n), Compare.LT);
    }
    if (exp instanceof InputLessOrEqual t && t.x() instanceof ConstNumber n) {
      return new Compare(new Literal(n), Compare.LE);
    }
    if (exp instanceof InputGreaterThan t && t.x() instanceof ConstNumber n) {
      return new Compare(new Literal(n), Compare.GT);
    }
    if (exp instanceof InputGreaterOrEqual t && t.x() instanceof ConstNumber n) {
      return new Compare(new Literal(n), Compare.GE);
    }
    if (exp instanceof InputInRange in) {
      ConstRange range = in.range();
      if (range.start().value() instanceof ConstNumber from && range.end().value() instanceof ConstNumber to) {
        return new InRange(new Literal(from), closed(range.start()), new Literal(to), closed(range.end()));
      }
      return null;
    }
    if (exp instanceof AtLeastOne any) {
      java.util.List<UnaryTests> tests = new ArrayList<>();
      for (List<Exp> rest = any.xs(); !rest.isEmpty(); rest = (List<Exp>) rest.tail()) {
        UnaryTests test = positiveTest(rest.head());
        if (test == null) {
          return null;
        }
        tests.add(test);
      }
      return tests.isEmpty() ? null : new AnyOf(tests.toArray(UnaryTests[]::new));
    }
    return null;
  }

  private static boolean closed(ConstRangeBoundary boundary) {
    return boundary instanceof ClosedConstRangeBoundary;
  }

  /** The feel-scala interpreter checks for an interrupt on every step; so does every fast path, once. */
  static void checkInterrupt() {
    if (Thread.interrupted()) {
      throw FeelFastPaths.<RuntimeException>sneaky(new InterruptedException());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  // --- values as feel-scala sees them ---

  private static final int NULL = 0;
  private static final int BOOLEAN = 1;
  private static final int STRING = 2;
  private static final int INTEGRAL = 3;
  private static final int DOUBLE = 4;
  private static final int OTHER = -1;

  /** The FEEL type a Java value maps to (a NaN or infinite double maps to null), or OTHER. */
  private static int kind(Object x) {
    if (x == null) {
      return NULL;
    }
    if (x instanceof Boolean) {
      return BOOLEAN;
    }
    if (x instanceof String) {
      return STRING;
    }
    if (x instanceof Integer || x instanceof Long || x instanceof Short) {
      return INTEGRAL;
    }
    if (x instanceof Double d) {
      return Double.isNaN(d) || Double.isInfinite(d) ? NULL : DOUBLE;
    }
    return OTHER;
  }

  /** 2^53 is where doubles stop being every integer; whole doubles below 10^15 print as themselves. */
  private static final double WHOLE_DOUBLE_LIMIT = 1e15;

  /** A variable's value read by FEEL and handed back: {@code unpackVal(toVal(x))}. */
  private record VariableRef(String name) implements Expression {
    @Override
    public Object evaluate(VariableContext variables) {
      if (!variables.containsVariable(name)) {
        return UNDECIDED;
      }
      TypedValue typed = variables.resolve(name);
      if (typed == null) {
        return UNDECIDED;
      }
      Object x = typed.getValue();
      switch (kind(x)) {
        case NULL:
          return null;
        case BOOLEAN:
        case STRING:
          return x;
        case INTEGRAL:
          return ((Number) x).longValue();
        case DOUBLE:
          double d = (Double) x;
          if (d != Math.rint(d)) {
            return x;
          }
          return Math.abs(d) < WHOLE_DOUBLE_LIMIT ? (Object) (long) d : UNDECIDED;
        default:
          return UNDECIDED;
      }
    }
  }

  private record Constant(boolean value) implements UnaryTests {
    @Override
    public boolean readsInput() {
      return false;
    }

    @Override
    public int test(Object input) {
      return value ? MATCH : NO_MATCH;
    }
  }

  private abstract static class InputTest implements UnaryTests {
    @Override
    public final boolean readsInput() {
      return true;
    }
  }

  private static final class EqualsBoolean extends InputTest {
    private final boolean value;

    EqualsBoolean(boolean value) {
      this.value = value;
    }

    @Override
    public int test(Object input) {
      return switch (kind(input)) {
        case BOOLEAN -> (Boolean) input == value ? MATCH : NO_MATCH;
        case NULL, STRING, INTEGRAL, DOUBLE -> NO_MATCH;
        default -> UNDECIDED_TEST;
      };
    }
  }

  private static final class EqualsString extends InputTest {
    private final String value;

    EqualsString(String value) {
      this.value = value;
    }

    @Override
    public int test(Object input) {
      return switch (kind(input)) {
        case STRING -> value.equals(input) ? MATCH : NO_MATCH;
        case NULL, BOOLEAN, INTEGRAL, DOUBLE -> NO_MATCH;
        default -> UNDECIDED_TEST;
      };
    }
  }

  /** A number literal of a unary test. */
  static final class Literal {
    final BigDecimal decimal;
    final boolean isLong;
    final long longValue;
    /** True when comparing a double input with {@link #doubleValue} orders as feel-scala's decimals do. */
    final boolean doubleExact;
    final double doubleValue;

    Literal(ConstNumber number) {
      this.decimal = number.value().bigDecimal();
      long l = 0;
      boolean exactLong = false;
      try {
        l = decimal.longValueExact();
        exactLong = true;
      } catch (ArithmeticException notALong) {
        // compared as a decimal
      }
      this.isLong = exactLong;
      this.longValue = l;
      double d = decimal.doubleValue();
      this.doubleValue = d;
      this.doubleExact = !Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(decimal) == 0;
    }

    /** Sign of (number input - literal); the input is of kind INTEGRAL or DOUBLE. */
    int compareWith(Object input) {
      if (input instanceof Double boxed) {
        double d = boxed;
        if (doubleExact) {
          return d < doubleValue ? -1 : d > doubleValue ? 1 : 0;
        }
        return new BigDecimal(Double.toString(d)).compareTo(decimal);
      }
      long l = ((Number) input).longValue();
      return isLong ? Long.compare(l, longValue) : BigDecimal.valueOf(l).compareTo(decimal);
    }
  }

  private static final class Compare extends InputTest {
    static final int EQ = 0;
    static final int LT = 1;
    static final int LE = 2;
    static final int GT = 3;
    static final int GE = 4;

    private final Literal literal;
    private final int op;

    Compare(Literal literal, int op) {
      this.literal = literal;
      this.op = op;
    }

    @Override
    public int test(Object input) {
      int kind = kind(input);
      if (kind == OTHER) {
        return UNDECIDED_TEST;
      }
      if (kind != INTEGRAL && kind != DOUBLE) {
        return NO_MATCH;
      }
      int c = literal.compareWith(input);
      boolean match = switch (op) {
        case EQ -> c == 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      };
      return match ? MATCH : NO_MATCH;
    }
  }

  private static final class InRange extends InputTest {
    private final Literal from;
    private final boolean fromClosed;
    private final Literal to;
    private final boolean toClosed;

    InRange(Literal from, boolean fromClosed, Literal to, boolean toClosed) {
      this.from = from;
      this.fromClosed = fromClosed;
      this.to = to;
      this.toClosed = toClosed;
    }

    @Override
    public int test(Object input) {
      int kind = kind(input);
      if (kind == OTHER) {
        return UNDECIDED_TEST;
      }
      if (kind != INTEGRAL && kind != DOUBLE) {
        return NO_MATCH;
      }
      int lower = from.compareWith(input);
      int upper = to.compareWith(input);
      boolean match = (fromClosed ? lower >= 0 : lower > 0) && (toClosed ? upper <= 0 : upper < 0);
      return match ? MATCH : NO_MATCH;
    }
  }

  private static final class AnyOf extends InputTest {
    private final UnaryTests[] tests;

    AnyOf(UnaryTests[] tests) {
      this.tests = tests;
    }

    @Override
    public int test(Object input) {
      // every test sees the same input, so the first that decides decides for all
      for (UnaryTests test : tests) {
        int one = test.test(input);
        if (one != NO_MATCH) {
          return one;
        }
      }
      return NO_MATCH;
    }
  }
}
