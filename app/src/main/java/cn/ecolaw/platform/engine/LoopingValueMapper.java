package cn.ecolaw.platform.engine;

import camundajar.impl.scala.Function1;
import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.immutable.List;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * feel-scala's {@link CompositeValueMapper} (same mappers, same order: its own {@code customMappersByPriority}, the
 * first mapper that answers wins, the same exception when none does), looping over an array instead of leaving a
 * Scala {@code foreach} by a non-local return. That return throws a control exception for every value mapped, and
 * mapping values (every variable read, every result) is the largest cost of an evaluation once parsing is cached.
 */
final class LoopingValueMapper extends CompositeValueMapper {

  private final CustomValueMapper[] mappers;
  private final Function1<Object, Val> toVal = this::toVal;
  private final Function1<Val, Object> unpackVal = this::unpackVal;

  LoopingValueMapper(List<CustomValueMapper> customMappers) {
    super(customMappers);
    List<CustomValueMapper> byPriority = customMappersByPriority();
    mappers = new CustomValueMapper[byPriority.size()];
    int i = 0;
    for (List<CustomValueMapper> rest = byPriority; !rest.isEmpty(); rest = (List<CustomValueMapper>) rest.tail()) {
      mappers[i++] = rest.head();
    }
  }

  /** True when every mapper (feel-scala's default included) is of one of these classes. */
  boolean onlyMappersOf(Class<?>... classes) {
    for (CustomValueMapper mapper : mappers) {
      if (java.util.Arrays.stream(classes).noneMatch(c -> c == mapper.getClass())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Val toVal(Object x) {
    for (CustomValueMapper mapper : mappers) {
      Option<Val> value = mapper.toVal(x, toVal);
      if (value instanceof Some<Val> some) {
        return some.value();
      }
    }
    throw new IllegalArgumentException("no value mapper found for '" + x + "' ('" + x.getClass() + "')");
  }

  @Override
  public Object unpackVal(Val value) {
    for (CustomValueMapper mapper : mappers) {
      Option<Object> x = mapper.unpackVal(value, unpackVal);
      if (x instanceof Some<Object> some) {
        return some.value();
      }
    }
    throw new IllegalArgumentException("no value mapper found for '" + value + "'");
  }
}
