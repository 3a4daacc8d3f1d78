package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.shared.Dates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 委派调解：调解期限三十日（特邀调解规定第二十七条，日历日），制作调解告知书。 */
@Component
public class StartMediationDelegate implements JavaDelegate {

  static final int MEDIATION_DAYS = 30;

  private final WorkingDayCalendar calendar;
  private final MediationDocuments documents;
  private final CaseAccess access;

  public StartMediationDelegate(WorkingDayCalendar calendar, MediationDocuments documents, CaseAccess access) {
    this.calendar = calendar;
    this.documents = documents;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = Dates.today();
    execution.setVariable("mediationStart", today.toString());
    execution.setVariable("mediationDue", calendar.addCalendarDays(today, MEDIATION_DAYS).toString());
    execution.setVariable("mediationDueAt", calendar.dueAfterCalendarDays(today, MEDIATION_DAYS));
    execution.setVariable("channelLabel", MediationVocabulary.label(MediationVocabulary.CHANNELS,
        execution.getVariable("channel")));
    execution.setVariable("extensionAgreed", false);
    execution.setVariable("mediationNoticeId", documents.generate(execution, DocumentType.MEDIATION_NOTICE));
    // the dispute is handed to the mediation organisation: its mediators read this instance (not every dispute)
    access.letUnitRead(MediationAuthorizations.MEDIATION_UNIT, execution.getProcessInstanceId(),
        MediationRouting.PROCESS_KEY);
  }
}
