package cn.ecolaw.platform.engine;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.Iterable;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The caller's variables for one evaluation, each handed to the interpreter already mapped to FEEL, and mapped once.
 * feel-scala's interpreter reads a variable as {@code provider.getVariable(name).map(valueMapper.toVal)}, on every
 * read: a {@code for} loop over {@code factorWeight[i]} maps the whole list on every step. Here the first read maps
 * it, later reads get the same {@link Val}, and the interpreter's own {@code toVal} of a {@code Val} is the value
 * itself (feel-scala's DefaultValueMapper answers {@code x: Val => x}; Camunda's JavaValueMapper maps nothing to
 * FEEL). Mapping is a pure function of a value that does not change during one evaluation; a mapping that throws
 * is not kept, so it throws again on the next read, as it would have. Names and the list of keys come from the
 * caller's provider. One instance per evaluation, on one thread.
 */
final class MappedVariables implements VariableProvider {

  private final VariableProvider variables;
  private final ValueMapper valueMapper;
  private String[] names = new String[8];
  private Option<Object>[] values = newOptions(8);
  private int size;

  MappedVariables(VariableProvider variables, ValueMapper valueMapper) {
    this.variables = variables;
    this.valueMapper = valueMapper;
  }

  @Override
  public Option<Object> getVariable(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    Option<Object> raw = variables.getVariable(name);
    if (raw.isEmpty()) {
      return raw;
    }
    Option<Object> mapped = new Some<>(valueMapper.toVal(raw.get()));
    if (size == names.length) {
      names = java.util.Arrays.copyOf(names, size * 2);
      values = java.util.Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size++] = mapped;
    return mapped;
  }

  @Override
  public Iterable<String> keys() {
    return variables.keys();
  }

  @SuppressWarnings("unchecked")
  private static Option<Object>[] newOptions(int n) {
    return (Option<Object>[]) new Option<?>[n];
  }
}
