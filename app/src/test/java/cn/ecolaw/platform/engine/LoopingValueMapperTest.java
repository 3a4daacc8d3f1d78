package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.jdk.CollectionConverters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.junit.jupiter.api.Test;

/** The looping mapper maps every value to and from FEEL exactly as feel-scala's CompositeValueMapper does. */
class LoopingValueMapperTest {

  private static final java.util.List<Object> VALUES = Arrays.asList(null, 1, 2L, (short) 3, (byte) 4, 2.5, 1.5f,
      Double.NaN, new BigDecimal("1.10"), new BigInteger("12345678901234567890"), "文本", 'c', true, false,
      LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 8, 0), LocalTime.NOON, new Date(0),
      ZonedDateTime.parse("2024-03-31T02:30:00+08:00[Asia/Shanghai]"), OffsetDateTime.parse("2024-01-01T00:00:00Z"),
      Duration.ofHours(5), Period.ofMonths(14), java.util.List.of(1, "a", java.util.List.of()),
      Map.of("k", 1, "n", Map.of("x", 2.5)), new int[] {1, 2}, new Object(), Thread.State.NEW);

  @Test
  void valuesMapToAndFromFeelAsCompositeValueMapper() {
    // given: Camunda's mapper list (JavaValueMapper) in feel-scala's composite and in ours
    List<CustomValueMapper> mappers =
        CollectionConverters.ListHasAsScala(new ArrayList<CustomValueMapper>(java.util.List.of(new JavaValueMapper())))
            .asScala().toList();
    CompositeValueMapper stock = new CompositeValueMapper(mappers);
    LoopingValueMapper looping = new LoopingValueMapper(mappers);

    java.util.List<String> mismatches = new ArrayList<>();
    for (Object value : VALUES) {
      // when
      String want = outcome(() -> stock.toVal(value));
      String got = outcome(() -> looping.toVal(value));
      // then
      if (!want.equals(got)) {
        mismatches.add("toVal " + value + ": " + want + " / " + got);
      }
      Val val = stock.toVal(value);
      String unpackWant = outcome(() -> describe(stock.unpackVal(val)));
      String unpackGot = outcome(() -> describe(looping.unpackVal(val)));
      if (!unpackWant.equals(unpackGot)) {
        mismatches.add("unpackVal " + val + ": " + unpackWant + " / " + unpackGot);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static String describe(Object value) {
    return value instanceof int[] ints ? Arrays.toString(ints) : String.valueOf(value);
  }

  private static String outcome(Supplier<Object> call) {
    try {
      Object value = call.get();
      return value + " (" + (value == null ? "null" : value.getClass().getName()) + ")";
    } catch (RuntimeException e) {
      return DmnEngines.failure(e);
    }
  }
}
