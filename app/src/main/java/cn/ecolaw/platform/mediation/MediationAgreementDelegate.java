package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 制作调解协议；共同申请司法确认的期间为协议生效之日起三十日（民事诉讼法第二百零五条）。 */
@Component
public class MediationAgreementDelegate implements JavaDelegate {

  static final int APPLICATION_DAYS = 30;

  private final WorkingDayCalendar calendar;
  private final MediationDocuments documents;

  public MediationAgreementDelegate(WorkingDayCalendar calendar, MediationDocuments documents) {
    this.calendar = calendar;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = Dates.today();
    execution.setVariable("agreementDate", today.toString());
    execution.setVariable("applicationDue", calendar.addCalendarDays(today, APPLICATION_DAYS).toString());
    execution.setVariable("applicationDueAt", calendar.dueAfterCalendarDays(today, APPLICATION_DAYS));
    execution.setVariable("agreementDocumentId", documents.generate(execution, DocumentType.MEDIATION_AGREEMENT));
  }
}
