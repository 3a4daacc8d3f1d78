package cn.ecolaw.platform.workspace;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Pre-fills {@code violationsIn2Years} for the officer's investigation form from the party's file (一源一档): the
 * party's earlier cases within two years (every unit's, except not filed or revoked) plus this one. The filing form
 * leaves the number empty unless the officer knows it; the platform then fills it in, and the officer confirms or
 * corrects it in the investigation form. A number typed at filing is kept (the officer may know of violations the
 * platform has not recorded) and the note {@code violationsIn2YearsNote} shows both when they differ. Computed once
 * per case: a later return to the investigation keeps the officer's confirmed number.
 */
@Component("violationCountListener")
public class ViolationCountListener implements TaskListener {

  static final String NOTE = "violationsIn2YearsNote";
  /** The note names at most this many earlier cases (the party file lists them all): a text variable holds 4,000. */
  static final int NAMED_CASES = 20;

  private final PartyFile parties;

  public ViolationCountListener(PartyFile parties) {
    this.parties = parties;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(NOTE) != null) {
      return;
    }
    Object partyId = task.getVariable("partyId");
    Object caseNo = task.getVariable("caseNo");
    if (caseNo == null) {
      caseNo = task.getExecution().getProcessBusinessKey();
    }
    if (partyId == null || caseNo == null) {
      return;
    }
    PartyFile.Computed computed = parties.violationsIn2Years(partyId.toString().trim().toUpperCase(java.util.Locale.ROOT),
        caseNo.toString());
    Integer typed = typed(task.getVariable("violationsIn2Years"));
    if (typed == null) {
      task.setVariable("violationsIn2Years", computed.count());
    }
    task.setVariable(NOTE, note(computed, typed));
  }

  static String note(PartyFile.Computed computed, Integer typed) {
    StringBuilder s = new StringBuilder("平台根据当事人档案（一源一档）计算：两年内违法").append(computed.count()).append("次（含本次）");
    java.util.List<String> earlier = computed.earlierCases();
    if (earlier.isEmpty()) {
      s.append("，此前两年内无其他案件");
    } else if (earlier.size() <= NAMED_CASES) {
      s.append("，此前案件：").append(String.join("、", earlier));
    } else {
      s.append("，此前案件：").append(String.join("、", earlier.subList(0, NAMED_CASES)))
          .append("等").append(earlier.size()).append("件（全部见当事人档案）");
    }
    if (typed == null) {
      s.append("。已预填").append(computed.count()).append("次，请核实后确认或更正。");
    } else if (!Objects.equals(typed, computed.count())) {
      s.append("；立案时填写").append(typed).append("次，与平台记录不一致，请核实后确认或更正。");
    } else {
      s.append("，与立案时填写的一致。");
    }
    return s.toString();
  }

  private static Integer typed(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return value == null ? null : (int) Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
