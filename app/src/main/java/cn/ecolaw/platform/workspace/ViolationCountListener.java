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
    s.append(computed.earlierCases().isEmpty() ? "，此前两年内无其他案件" : "，此前案件：" + String.join("、", computed.earlierCases()));
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
