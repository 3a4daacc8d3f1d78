package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * A DMN file parsed by the process engine's DMN engine, evaluated without deploying it: a draft, or the published
 * version it is compared with.
 */
final class DraftModel {

  private final DmnEngine dmn;
  private final Map<String, DmnDecision> decisions = new LinkedHashMap<>();

  private DraftModel(DmnEngine dmn, List<DmnDecision> parsed) {
    this.dmn = dmn;
    parsed.forEach(d -> decisions.put(d.getKey(), d));
  }

  /** Parses the file; 400 WB-001 when the DMN engine cannot read it. */
  static DraftModel parse(DmnEngine dmn, String xml) {
    try {
      return new DraftModel(dmn, dmn.parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    } catch (RuntimeException e) {
      throw PlatformException.badRequest("WB-001", "决策文件无法解析，不是有效的 DMN 1.3 文件：" + shortMessage(e));
    }
  }

  boolean has(String key) {
    return decisions.containsKey(key);
  }

  /**
   * The first result of {@code key} for the variables, or null when no rule matched. A decision whose single output
   * is a context (a map) answers that map.
   */
  Map<String, Object> evaluate(String key, Map<String, Object> variables) {
    DmnDecision decision = decisions.get(key);
    DmnDecisionResult result = dmn.evaluateDecision(decision, new LinkedHashMap<>(variables));
    DmnDecisionResultEntries first = result.getFirstResult();
    if (first == null) {
      return null;
    }
    Map<String, Object> entries = first.getEntryMap();
    if (entries.size() == 1 && entries.values().iterator().next() instanceof Map<?, ?> context) {
      Map<String, Object> flat = new LinkedHashMap<>();
      context.forEach((k, v) -> flat.put(String.valueOf(k), v));
      return flat;
    }
    return entries;
  }

  static String shortMessage(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }
}
