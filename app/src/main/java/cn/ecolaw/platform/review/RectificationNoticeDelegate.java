package cn.ecolaw.platform.review;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.ProcessUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制发整改通知书：the case's handler rectifies within 30 days; a missed deadline escalates to the bureau head. */
@Component
public class RectificationNoticeDelegate implements JavaDelegate {

  /** Rectification period of the review office (calendar days). */
  static final int RECTIFICATION_DAYS = 30;

  private final ReviewService service;
  private final WorkingDayCalendar calendar;

  public RectificationNoticeDelegate(ReviewService service, WorkingDayCalendar calendar) {
    this.service = service;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = Dates.today();
    String due = calendar.addCalendarDays(today, RECTIFICATION_DAYS).toString();
    execution.setVariable("rectificationDue", due);
    execution.setVariable("rectificationDueAt", calendar.dueAfterCalendarDays(today, RECTIFICATION_DAYS));
    execution.setVariable("rectificationRound", 1);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reviewedUnit", execution.getVariable("reviewedUnit"));
    d.put("partyName", execution.getVariable("partyName"));
    d.put("grade", execution.getVariable("grade"));
    d.put("finalScore", ScoringSheet.points(ReviewService.decimal(execution.getVariable("totalScore"))));
    d.put("problemsText", execution.getVariable("problemsText"));
    d.put("problemCount", String.valueOf(execution.getVariable("problemCount")));
    d.put("rectificationDue", Dates.chinese(java.time.LocalDate.parse(due)));
    service.rectificationNotice((String) execution.getVariable("caseNo"), d, ProcessUser.of(execution));
  }
}
