package cn.ecolaw.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Bare DMN engines for side-by-side evaluation: Camunda's default configuration, and the same with our factory. */
public final class DmnEngines {

  private DmnEngines() {}

  /** Camunda's default: {@code ScalaFeelEngineFactory}, every expression parsed on every evaluation. */
  public static DmnEngine stock() {
    return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  /** The default configuration with {@link CachingFeelEngineFactory}, as {@link FeelParseCachePlugin} sets it. */
  public static DmnEngine cached(int capacity) {
    return cached(capacity, true);
  }

  /** As {@link #cached(int)}; {@code direct} false: the parse cache only (the factory before the fast paths). */
  public static DmnEngine cached(int capacity, boolean direct) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    return configuration.feelEngineFactory(new CachingFeelEngineFactory(configuration, capacity, direct))
        .buildEngine();
  }

  /** A bench/test engine by name: {@code stock}, {@code cached} (parse cache only) or {@code fast} (the default). */
  public static DmnEngine named(String feel) {
    return switch (feel) {
      case "stock" -> stock();
      case "cached" -> cached(CachingFeelEngineFactory.DEFAULT_CAPACITY, false);
      case "fast" -> cached(CachingFeelEngineFactory.DEFAULT_CAPACITY, true);
      default -> throw new IllegalArgumentException("feel=" + feel + ": stock, cached or fast");
    };
  }

  static CachingScalaFeelEngine feelEngineOf(DmnEngine engine) {
    return (CachingScalaFeelEngine) ((DefaultDmnEngineConfiguration) engine.getConfiguration()).getFeelEngine();
  }

  /** Every decision of decisions/{file}.dmn, parsed by {@code engine}. */
  public static List<DmnDecision> decisions(DmnEngine engine, String file) {
    try (InputStream in = DmnEngines.class.getClassLoader().getResourceAsStream("decisions/" + file + ".dmn")) {
      if (in == null) {
        throw new IllegalStateException("decisions/" + file + ".dmn is not on the class path");
      }
      return engine.parseDecisions(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DmnDecision decision(DmnEngine engine, String file, String key) {
    return decisions(engine, file).stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
  }

  /** The result rows with each value's type and Java class, or the failure's class and message (causes too). */
  public static String outcome(Supplier<DmnDecisionResult> evaluation) {
    DmnDecisionResult result;
    try {
      result = evaluation.get();
    } catch (RuntimeException e) {
      return failure(e);
    }
    StringJoiner rows = new StringJoiner("; ", "rows[", "]");
    for (DmnDecisionResultEntries row : result) {
      StringJoiner entries = new StringJoiner(", ", "{", "}");
      for (Map.Entry<String, TypedValue> entry : row.getEntryMapTyped().entrySet()) {
        TypedValue typed = entry.getValue();
        Object value = typed == null ? null : typed.getValue();
        entries.add(entry.getKey() + "=" + value + " (" + (typed == null ? "-" : typed.getType()) + ", "
            + (value == null ? "null" : value.getClass().getName()) + ")");
      }
      rows.add(entries.toString());
    }
    return rows.toString();
  }

  public static String failure(Throwable e) {
    StringBuilder out = new StringBuilder("FAILED");
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
    }
    return out.toString();
  }
}
