package cn.ecolaw.platform.workbench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Expression;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A draft compared with the published file rule by rule, as an analyst reads a table: per decision the rules added,
 * removed and changed (each changed cell with its column's label, before and after), literal expressions and
 * changed columns; not an XML diff. Rules are matched by their id (dmn-js keeps it when cells are edited).
 */
public final class DecisionDiff {

  public record Cell(String column, String before, String after) {}

  public record RuleChange(String change, String ruleId, int position, String annotation, List<Cell> cells) {}

  public record DecisionChange(String decisionKey, String name, String change, String hitPolicyBefore,
      String hitPolicyAfter, List<String> columns, List<RuleChange> rules, String expressionBefore,
      String expressionAfter) {}

  public record Result(int added, int removed, int changed, List<DecisionChange> decisions) {
    public boolean empty() {
      return decisions.isEmpty();
    }
  }

  private DecisionDiff() {}

  public static Result between(String publishedXml, String draftXml) {
    Map<String, Decision> before = decisions(publishedXml);
    Map<String, Decision> after = decisions(draftXml);
    List<DecisionChange> changes = new ArrayList<>();
    int[] counts = new int[3];
    for (Map.Entry<String, Decision> e : after.entrySet()) {
      Decision old = before.get(e.getKey());
      DecisionChange c = old == null ? whole("ADDED", e.getValue(), counts) : compare(old, e.getValue(), counts);
      if (c != null) {
        changes.add(c);
      }
    }
    for (Map.Entry<String, Decision> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        changes.add(whole("REMOVED", e.getValue(), counts));
      }
    }
    return new Result(counts[0], counts[1], counts[2], changes);
  }

  private static Map<String, Decision> decisions(String xml) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Map<String, Decision> byId = new LinkedHashMap<>();
    model.getModelElementsByType(Decision.class).forEach(d -> byId.put(d.getId(), d));
    return byId;
  }

  private static DecisionChange whole(String change, Decision d, int[] counts) {
    List<RuleChange> rules = new ArrayList<>();
    DecisionTable table = table(d);
    if (table != null) {
      List<String> columns = columns(table);
      int i = 0;
      for (Rule r : table.getRules()) {
        i++;
        Map<String, String> cells = cells(table, r);
        List<Cell> list = new ArrayList<>();
        cells.forEach((col, text) -> list.add(change.equals("ADDED") ? new Cell(col, null, text) : new Cell(col, text, null)));
        rules.add(new RuleChange(change, r.getId(), i, annotation(r), list));
        counts[change.equals("ADDED") ? 0 : 1]++;
      }
      return new DecisionChange(d.getId(), d.getName(), change, null, null, columns, rules, null, null);
    }
    String text = literal(d);
    return new DecisionChange(d.getId(), d.getName(), change, null, null, List.of(), rules,
        change.equals("ADDED") ? null : text, change.equals("ADDED") ? text : null);
  }

  private static DecisionChange compare(Decision old, Decision now, int[] counts) {
    DecisionTable a = table(old);
    DecisionTable b = table(now);
    if (a == null || b == null) {
      String x = a == null ? literal(old) : "（决策表）";
      String y = b == null ? literal(now) : "（决策表）";
      if (Objects.equals(x, y) && a == null && b == null) {
        return null;
      }
      counts[2]++;
      return new DecisionChange(now.getId(), now.getName(), "CHANGED", null, null, List.of(), List.of(), x, y);
    }
    List<String> columnChanges = new ArrayList<>();
    List<String> colsA = columns(a);
    List<String> colsB = columns(b);
    for (String c : colsB) {
      if (!colsA.contains(c)) {
        columnChanges.add("新增列：" + c);
      }
    }
    for (String c : colsA) {
      if (!colsB.contains(c)) {
        columnChanges.add("删除列：" + c);
      }
    }
    Map<String, Rule> oldRules = new LinkedHashMap<>();
    a.getRules().forEach(r -> oldRules.put(r.getId(), r));
    Map<String, Rule> newRules = new LinkedHashMap<>();
    b.getRules().forEach(r -> newRules.put(r.getId(), r));
    List<RuleChange> rules = new ArrayList<>();
    int i = 0;
    for (Rule r : b.getRules()) {
      i++;
      Rule o = oldRules.get(r.getId());
      Map<String, String> cellsNow = cells(b, r);
      if (o == null) {
        List<Cell> list = new ArrayList<>();
        cellsNow.forEach((col, text) -> list.add(new Cell(col, null, text)));
        rules.add(new RuleChange("ADDED", r.getId(), i, annotation(r), list));
        counts[0]++;
        continue;
      }
      Map<String, String> cellsOld = cells(a, o);
      List<Cell> changed = new ArrayList<>();
      for (Map.Entry<String, String> c : cellsNow.entrySet()) {
        String before = cellsOld.get(c.getKey());
        if (!Objects.equals(norm(before), norm(c.getValue()))) {
          changed.add(new Cell(c.getKey(), before, c.getValue()));
        }
      }
      for (Map.Entry<String, String> c : cellsOld.entrySet()) {
        if (!cellsNow.containsKey(c.getKey())) {
          changed.add(new Cell(c.getKey(), c.getValue(), null));
        }
      }
      if (!changed.isEmpty()) {
        rules.add(new RuleChange("CHANGED", r.getId(), i, annotation(r), changed));
        counts[2]++;
      }
    }
    int j = 0;
    for (Rule o : a.getRules()) {
      j++;
      if (!newRules.containsKey(o.getId())) {
        List<Cell> list = new ArrayList<>();
        cells(a, o).forEach((col, text) -> list.add(new Cell(col, text, null)));
        rules.add(new RuleChange("REMOVED", o.getId(), j, annotation(o), list));
        counts[1]++;
      }
    }
    String hpA = String.valueOf(a.getHitPolicy());
    String hpB = String.valueOf(b.getHitPolicy());
    if (rules.isEmpty() && columnChanges.isEmpty() && hpA.equals(hpB)) {
      return null;
    }
    return new DecisionChange(now.getId(), now.getName(), "CHANGED", hpA, hpB, columnChanges, rules, null, null);
  }

  private static DecisionTable table(Decision d) {
    Expression e = d.getExpression();
    return e instanceof DecisionTable t ? t : null;
  }

  private static String literal(Decision d) {
    Expression e = d.getExpression();
    if (e instanceof LiteralExpression l && l.getText() != null) {
      return l.getText().getTextContent();
    }
    return null;
  }

  private static List<String> columns(DecisionTable t) {
    List<String> cols = new ArrayList<>();
    t.getInputs().forEach(in -> cols.add(inputLabel(in)));
    t.getOutputs().forEach(out -> cols.add(outputLabel(out)));
    return cols;
  }

  /** Column label to cell text, inputs then outputs then the annotation. */
  private static Map<String, String> cells(DecisionTable t, Rule r) {
    Map<String, String> cells = new LinkedHashMap<>();
    List<Input> inputs = new ArrayList<>(t.getInputs());
    List<InputEntry> ins = new ArrayList<>(r.getInputEntries());
    for (int i = 0; i < ins.size(); i++) {
      String label = i < inputs.size() ? inputLabel(inputs.get(i)) : "输入" + (i + 1);
      cells.put(label, ins.get(i).getText() == null ? "" : ins.get(i).getText().getTextContent());
    }
    List<Output> outputs = new ArrayList<>(t.getOutputs());
    List<OutputEntry> outs = new ArrayList<>(r.getOutputEntries());
    for (int i = 0; i < outs.size(); i++) {
      String label = i < outputs.size() ? outputLabel(outputs.get(i)) : "输出" + (i + 1);
      cells.put(label, outs.get(i).getText() == null ? "" : outs.get(i).getText().getTextContent());
    }
    cells.put("注释", annotation(r));
    return cells;
  }

  private static String inputLabel(Input in) {
    if (in.getLabel() != null && !in.getLabel().isBlank()) {
      return in.getLabel();
    }
    return in.getInputExpression() != null && in.getInputExpression().getText() != null
        ? in.getInputExpression().getText().getTextContent() : in.getId();
  }

  private static String outputLabel(Output out) {
    if (out.getLabel() != null && !out.getLabel().isBlank()) {
      return out.getLabel();
    }
    return out.getName() != null ? out.getName() : out.getId();
  }

  private static String annotation(Rule r) {
    return r.getDescription() == null ? "" : r.getDescription().getTextContent();
  }

  private static String norm(String s) {
    return s == null ? "" : s.trim();
  }
}
