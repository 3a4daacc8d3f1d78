package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Checks an application for judicial confirmation and sets its periods: a mediation agreement is applied for within
 * 30 days of the agreement and decided within 30 days of filing (CPL 205, 187); a compensation agreement is
 * published for at least 30 days (生态环境损害赔偿规定 20) and then reviewed.
 */
@Service
public class ConfirmationRegistration {

  static final int APPLICATION_DAYS = 30;
  static final int NOTICE_DAYS = 30;
  static final int DECISION_DAYS = 30;

  private final WorkingDayCalendar calendar;
  private final CaseNumbers numbers;
  private final AgencyProperties agency;

  public ConfirmationRegistration(WorkingDayCalendar calendar, CaseNumbers numbers, AgencyProperties agency) {
    this.calendar = calendar;
    this.numbers = numbers;
    this.agency = agency;
  }

  public String nextDocketNo() {
    return numbers.nextDocketNo(agency.courtCode(), "民特", Dates.today().getYear());
  }

  public void validate(Map<String, Object> v) {
    if (blank(v.get("caseNo"))) {
      throw PlatformException.badRequest("CONF-001", "请填写原案号（赔偿磋商或调解案号）");
    }
    Object type = v.get("agreementType");
    if (!ConfirmationApplication.COMPENSATION.equals(type) && !ConfirmationApplication.MEDIATION.equals(type)) {
      throw PlatformException.badRequest("CONF-002", "协议类型应为生态环境损害赔偿协议或者调解协议");
    }
    if (blank(v.get("applicants"))) {
      throw PlatformException.badRequest("CONF-003", "请填写申请人");
    }
    if (blank(v.get("agreementTerms"))) {
      throw PlatformException.badRequest("CONF-004", "请填写协议内容");
    }
    LocalDate agreed = date(v.get("agreementDate"));
    LocalDate today = Dates.today();
    if (agreed.isAfter(today)) {
      throw PlatformException.badRequest("CONF-005", "协议日期不得晚于今天");
    }
    if (ConfirmationApplication.MEDIATION.equals(type)
        && today.isAfter(calendar.addCalendarDays(agreed, APPLICATION_DAYS))) {
      throw PlatformException.badRequest("CONF-006",
          "调解协议应当自生效之日起三十日内共同申请司法确认（民事诉讼法第二百零五条），本申请已超过期限");
    }
  }

  /** The variables a registered application carries: dates, labels, the decision deadline. */
  public Map<String, Object> register(String docketNo, Map<String, Object> v) {
    validate(v);
    LocalDate today = Dates.today();
    boolean compensation = ConfirmationApplication.COMPENSATION.equals(v.get("agreementType"));
    Map<String, Object> out = new HashMap<>();
    out.put("docketNo", docketNo);
    out.put("court", agency.court());
    out.put("filedDate", today.toString());
    out.put("agreementDate", date(v.get("agreementDate")).toString());
    out.put("agreementTypeLabel", compensation ? "生态环境损害赔偿协议" : "调解协议");
    if (!compensation) {
      out.put("decisionDue", calendar.addCalendarDays(today, DECISION_DAYS).toString());
      out.put("decisionDueAt", calendar.dueAfterCalendarDays(today, DECISION_DAYS));
    }
    return out;
  }

  private static LocalDate date(Object value) {
    try {
      LocalDate d = Dates.toLocalDate(value);
      if (d == null) {
        throw PlatformException.badRequest("CONF-007", "请填写协议签订（生效）日期");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw PlatformException.badRequest("CONF-007", "协议日期格式不正确（年-月-日）");
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
