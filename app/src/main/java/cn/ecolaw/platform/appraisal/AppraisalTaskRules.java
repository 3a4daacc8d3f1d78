package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TaskCompletionRule;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The rules of the tasks of {@code appraisal}. */
@Component
public class AppraisalTaskRules implements TaskCompletionRule {

  /** 民事证据规定第四十条: the only grounds for re-appraisal. */
  static final Map<String, String> GROUNDS = Map.of(
      "LACK_OF_QUALIFICATION", "鉴定人不具备相应资格",
      "ILLEGAL_PROCEDURE", "鉴定程序严重违法",
      "INSUFFICIENT_BASIS", "鉴定意见明显依据不足");

  private final InstitutionSelector selector;
  private final AppraisalDeadlines deadlines;

  public AppraisalTaskRules(InstitutionSelector selector, AppraisalDeadlines deadlines) {
    this.selector = selector;
    this.deadlines = deadlines;
  }

  @Override
  public String processKey() {
    return Appraisals.PROCESS_KEY;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("Task_ChooseInstitution", "Task_AcceptCommission", "Task_Appraise", "Task_SupplyMaterial",
        "Task_CrossExamine");
  }

  @Override
  public void check(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ChooseInstitution" -> choose(task);
      case "Task_AcceptCommission" -> accept(task);
      case "Task_Appraise" -> appraise(task);
      case "Task_SupplyMaterial" -> deadlines.resume(task);
      default -> crossExamine(task);
    }
  }

  private void choose(DelegateTask task) {
    selector.check((String) task.getVariable("selectionMethod"), (String) task.getVariable("agreedInstitution"),
        AppraisalCategory.of(task.getVariable("category")), AppraisalVariables.parties(task), Dates.today(),
        AppraisalVariables.excluded(task));
  }

  private void accept(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("commissionAccepted"))) {
      if (task.getVariable("fee") == null) {
        throw Refusals.refuse("APR-020", "接受委托的，应当填写鉴定费用");
      }
      return;
    }
    if (Appraisals.blank(task.getVariable("declineReason"))) {
      throw Refusals.refuse("APR-021", "不接受委托的，应当写明理由");
    }
    AppraisalVariables.exclude(task, task.getVariable("institutionId"));
  }

  private void appraise(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("materialRequested"))) {
      if (Appraisals.blank(task.getVariable("materialList"))) {
        throw Refusals.refuse("APR-030", "要求补充材料的，应当列明需补充的材料");
      }
      deadlines.pause(task);
      return;
    }
    if (Appraisals.blank(task.getVariable("appraisalOpinion"))) {
      throw Refusals.refuse("APR-031", "请填写鉴定意见");
    }
  }

  private void crossExamine(DelegateTask task) {
    String further = String.valueOf(task.getVariable("furtherAppraisal"));
    if (Boolean.TRUE.equals(task.getVariable("objectionRaised")) && Appraisals.blank(task.getVariable("objectionSummary"))) {
      throw Refusals.refuse("APR-040", "当事人提出异议的，应当记录异议内容");
    }
    if ("REAPPRAISAL".equals(further)) {
      if (!GROUNDS.containsKey(String.valueOf(task.getVariable("reappraisalGround")))) {
        throw Refusals.refuse("APR-041", "重新鉴定仅限于鉴定人不具备相应资格、鉴定程序严重违法或者鉴定意见明显依据不足的情形"
            + "（《最高人民法院关于民事诉讼证据的若干规定》第四十条）；其他异议可以通过补充鉴定、重新质证或者补充证据解决");
      }
      AppraisalVariables.exclude(task, task.getVariable("institutionId"));
    }
    boolean excluded = Boolean.TRUE.equals(task.getVariable("attendanceRequested"))
        && !Boolean.TRUE.equals(task.getVariable("appraiserAttended"));
    if (excluded && "SUPPLEMENTARY".equals(further)) {
      throw Refusals.refuse("APR-042", "鉴定人经通知拒不出庭作证的，鉴定意见不得作为认定事实的根据，不能补充鉴定；可以决定重新鉴定");
    }
    task.setVariable("opinionExcluded", excluded);
    if ("SUPPLEMENTARY".equals(further)) {
      deadlines.start(task, false);
    }
    task.setVariable("materialRequested", false);
  }
}
