package cn.ecolaw.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Spring beans the process models may reach from an expression: the identifiers used in the {@code ${…}} and
 * {@code #{…}} expressions of the platform's own BPMN models ({@code classpath:processes/*.bpmn}) that name a bean
 * (the delegates: {@code ${registerCaseDelegate}}...), computed at start, not listed by hand. Every other bean (the
 * JdbcTemplate, the DataSource, the services) is not reachable from an expression, whatever a deployed model writes.
 * A read-only map for Camunda's expression manager; the beans are looked up lazily.
 */
public final class ModelBeans extends AbstractMap<Object, Object> {

  static final String MODELS = "classpath*:processes/*.bpmn";

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;|&apos;.*?&apos;");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)");

  private final ApplicationContext context;
  private final Set<String> names;

  ModelBeans(ApplicationContext context, Set<String> names) {
    this.context = context;
    this.names = Collections.unmodifiableSet(new TreeSet<>(names));
  }

  /** The beans named in the platform's models. */
  public static ModelBeans of(ApplicationContext context) {
    return of(context, Set.of());
  }

  /** The beans named in the platform's models and the configured extra ones that exist. */
  public static ModelBeans of(ApplicationContext context, Set<String> extra) {
    Set<String> names = new TreeSet<>();
    extra.stream().filter(context::containsBean).forEach(names::add);
    for (String identifier : identifiersIn(MODELS)) {
      if (context.containsBean(identifier)) {
        names.add(identifier);
      }
    }
    return new ModelBeans(context, names);
  }

  /** Every identifier that starts a name inside an expression of the models (variables and beans alike). */
  static Set<String> identifiersIn(String pattern) {
    Set<String> identifiers = new TreeSet<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = r.getInputStream()) {
          Matcher m = EXPRESSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            Matcher id = IDENTIFIER.matcher(STRING.matcher(m.group(1)).replaceAll(" "));
            while (id.find()) {
              identifiers.add(id.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the process models " + pattern, e);
    }
    return identifiers;
  }

  public Set<String> names() {
    return names;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && names.contains(s);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    Map<Object, Object> all = new LinkedHashMap<>();
    names.forEach(n -> all.put(n, context.getBean(n)));
    return Collections.unmodifiableMap(all).entrySet();
  }
}
