package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.Dates;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发布公告：赔偿协议公告期间不少于三十日；公告期满后三十日内审查（期限督办）。 */
@Component
public class ConfirmationNoticeDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final ConfirmationDocuments documents;

  public ConfirmationNoticeDelegate(WorkingDayCalendar calendar, ConfirmationDocuments documents) {
    this.calendar = calendar;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = Dates.today();
    var end = today.plusDays(ConfirmationRegistration.NOTICE_DAYS);
    execution.setVariable("noticeStart", today.toString());
    execution.setVariable("noticeEnd", end.toString());
    execution.setVariable("noticeEndsAt", calendar.dueAfterCalendarDays(end, 0));
    execution.setVariable("decisionDue",
        calendar.addCalendarDays(end, ConfirmationRegistration.DECISION_DAYS).toString());
    execution.setVariable("decisionDueAt",
        calendar.dueAfterCalendarDays(end, ConfirmationRegistration.DECISION_DAYS));
    execution.setVariable("noticeDocumentId", documents.generate(execution, DocumentType.CONFIRMATION_NOTICE, Map.of()));
  }
}
