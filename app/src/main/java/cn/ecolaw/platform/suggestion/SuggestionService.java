package cn.ecolaw.platform.suggestion;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the court and the addressed unit do at each automatic step of 司法建议: the suggestion is checked, numbered
 * (（2026）浙0502司建1号) and written (司法建议书); the reply is due two months after issue (法释〔2023〕11号 Art. 8:
 * the addressee replies in writing within two months, {@code platform.suggestion.reply-months}), a reminder goes out
 * half a month before ({@code platform.suggestion.reminder-days-before}, so at one and a half months) and the
 * suggestion is flagged overdue when the two months have passed; the reply is written as 回复函. Engine-free.
 */
@Service
public class SuggestionService {

  /** Docket type of a judicial suggestion (司法建议). */
  public static final String DOCKET_TYPE = "司建";
  static final Map<String, String> ADOPTION = Map.of("ADOPTED", "全部采纳", "PARTLY_ADOPTED", "部分采纳",
      "NOT_ADOPTED", "未予采纳");

  private final CaseNumbers numbers;
  private final AgencyProperties agency;
  private final DocumentService documents;
  private final WorkingDayCalendar calendar;
  private final Addressees addressees;
  private final int replyMonths;
  private final int reminderDaysBefore;

  public SuggestionService(CaseNumbers numbers, AgencyProperties agency, DocumentService documents,
      WorkingDayCalendar calendar, Addressees addressees,
      @Value("${platform.suggestion.reply-months:2}") int replyMonths,
      @Value("${platform.suggestion.reminder-days-before:15}") int reminderDaysBefore) {
    this.numbers = numbers;
    this.agency = agency;
    this.documents = documents;
    this.calendar = calendar;
    this.addressees = addressees;
    this.replyMonths = replyMonths;
    this.reminderDaysBefore = reminderDaysBefore;
  }

  public String nextSuggestionNo() {
    return numbers.nextDocketNo(agency.courtCode(), DOCKET_TYPE, Dates.today().getYear());
  }

  /** Checks the draft, numbers it, sets the reply deadline and its reminder, writes 司法建议书. */
  public Map<String, Object> issue(Map<String, Object> in, String suggestionNo, String user) {
    String caseNo = required(in, "caseNo", "关联案号", 64);
    String unit = addressees.check(in.get("addresseeUnit"));
    Map<String, Object> out = new HashMap<>();
    out.put("caseNo", caseNo);
    out.put("addresseeUnit", unit);
    out.put("addresseeName", addressees.nameOf(unit));
    out.put("suggestionSubject", required(in, "suggestionSubject", "建议事项", 200));
    out.put("problemsFound", required(in, "problemsFound", "审理中发现的问题", 4000));
    out.put("suggestionContent", required(in, "suggestionContent", "司法建议内容", 4000));
    out.put("suggestionNo", suggestionNo);
    out.put("court", agency.court());
    LocalDate today = Dates.today();
    LocalDate due = calendar.addMonths(today, replyMonths);
    LocalDate remind = due.minusDays(reminderDaysBefore);
    out.put("suggestionDate", today.toString());
    out.put("replyDue", due.toString());
    out.put("replyDueAt", endOf(due));
    out.put("replyRemindAt", endOf(remind.isAfter(today) ? remind : today));
    out.put("replyGroups", String.join(",", addressees.groupsOf(unit)));
    out.put("replyReminded", Boolean.FALSE);
    out.put("replyOverdue", Boolean.FALSE);
    Map<String, Object> doc = new HashMap<>(out);
    doc.put("replyDueCn", due);
    doc.put("drafter", user);
    var generated = documents.generate(caseNo, DocumentType.JUDICIAL_SUGGESTION, doc, user);
    out.put("suggestionDocumentId", String.valueOf(generated.id()));
    return out;
  }

  /** Half a month before the deadline: the addressee is reminded (the task stays with it). */
  public Map<String, Object> remind() {
    return Map.of("replyReminded", Boolean.TRUE, "reminderDate", Dates.today().toString());
  }

  /** Two months have passed without a reply: flagged overdue, the judge follows it up. */
  public Map<String, Object> overdue() {
    return Map.of("replyOverdue", Boolean.TRUE, "overdueDate", Dates.today().toString());
  }

  /** The addressee's reply, written as 回复函 and kept in the case for both units. */
  public Map<String, Object> reply(Map<String, Object> vars, String user) {
    LocalDate today = Dates.today();
    boolean late = today.isAfter(Dates.toLocalDate(vars.get("replyDue")));
    Map<String, Object> doc = new HashMap<>(vars);
    doc.put("replyAdoptionLabel", ADOPTION.getOrDefault(String.valueOf(vars.get("replyAdoption")), "未说明"));
    Object measures = vars.get("measuresTaken");
    doc.put("measuresText", measures == null || measures.toString().isBlank() ? "无。" : measures);
    doc.put("suggestionDateCn", Dates.toLocalDate(vars.get("suggestionDate")));
    var generated = documents.generate(vars.get("caseNo").toString(), DocumentType.SUGGESTION_REPLY, doc, user);
    Map<String, Object> out = new HashMap<>();
    out.put("replyDate", today.toString());
    out.put("replyLate", late);
    out.put("replyDocumentId", String.valueOf(generated.id()));
    out.put("caseOutcome", late ? "REPLIED_LATE" : "REPLIED");
    return out;
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(Dates.ZONE).toInstant());
  }

  private static String required(Map<String, Object> in, String key, String label, int max) {
    Object v = in.get(key);
    if (v == null || v.toString().isBlank()) {
      throw PlatformException.badRequest("SUG-001", "“" + label + "”为必填项");
    }
    String s = v.toString().trim();
    if (s.length() > max) {
      throw PlatformException.badRequest("SUG-003", "“" + label + "”不得超过" + max + "个字");
    }
    return s;
  }
}
