package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The automatic steps of 执法任务指派: assigning two officers (the drawn pair of a 双随机 draw, else nearest first) with
 * the inspection's due time (alarm: {@code platform.dispatch.alarm-hours}, default 24 hours; complaint:
 * {@code complaint-working-days}, default 3 working days; draw: {@code draw-working-days}, default 15 working days —
 * the platform's service levels, not statutory periods); the 现场检查笔录; the task's end. Engine-free.
 */
@Service
public class InspectionService {

  static final Map<String, String> TRIGGERS = Map.of("ALARM", "在线监控超标报警", "COMPLAINT", "群众举报",
      "DRAW", "双随机抽查");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DispatchRoster roster;
  private final InspectionRepository inspections;
  private final DocumentService documents;
  private final WorkingDayCalendar calendar;
  private final DispatchOffice office;
  private final int alarmHours;
  private final int complaintDays;
  private final int drawDays;

  public InspectionService(DispatchRoster roster, InspectionRepository inspections, DocumentService documents,
      WorkingDayCalendar calendar, DispatchOffice office,
      @Value("${platform.dispatch.alarm-hours:24}") int alarmHours,
      @Value("${platform.dispatch.complaint-working-days:3}") int complaintDays,
      @Value("${platform.dispatch.draw-working-days:15}") int drawDays) {
    this.roster = roster;
    this.inspections = inspections;
    this.documents = documents;
    this.calendar = calendar;
    this.office = office;
    this.alarmHours = alarmHours;
    this.complaintDays = complaintDays;
    this.drawDays = drawDays;
  }

  /** Assigns the pair and the due time; records the task for the supervisors. */
  public Map<String, Object> assign(Map<String, Object> vars, String processInstanceId) {
    if (!TRIGGERS.containsKey(String.valueOf(vars.get("triggerKind"))) || vars.get("sourceId") == null
        || vars.get("inspectionNo") == null) {
      throw PlatformException.badRequest("INS-009", "检查任务只能由超标报警、举报登记或双随机抽查产生"
          + "（POST /api/alarms、/api/inspections/complaints、/api/inspections/draws）");
    }
    String trigger = vars.get("triggerKind").toString();
    PollutionSource source = roster.source(vars.get("sourceId").toString())
        .orElseThrow(() -> PlatformException.badRequest("INS-002", "污染源名录中没有编号为" + vars.get("sourceId") + "的污染源"));
    List<InspectionOfficer> pair = drawnPair(vars);
    if (pair == null) {
      pair = OfficerSelector.pair(source, roster.activeOfficers(office.unit()));
    }
    Date due = switch (trigger) {
      case "ALARM" -> calendar.dueAfterHours(Dates.now(), alarmHours);
      case "COMPLAINT" -> calendar.dueAfterWorkingDays(Dates.today(), complaintDays);
      default -> calendar.dueAfterWorkingDays(Dates.today(), drawDays);
    };
    Map<String, Object> out = new HashMap<>();
    out.put("sourceName", source.name());
    out.put("creditCode", source.creditCode());
    out.put("sourceAddress", source.address());
    if (source.legalRepresentative() != null) {
      out.put("legalRepresentative", source.legalRepresentative());
    }
    out.put("region", source.region());
    out.put("area", source.area());
    out.put("leadInspector", pair.get(0).userId());
    out.put("secondInspector", pair.get(1).userId());
    out.put("inspectorNames", pair.get(0).name() + "、" + pair.get(1).name());
    out.put("inspectorCerts", pair.get(0).certNo() + "、" + pair.get(1).certNo());
    out.put("inspectionDueAt", due);
    out.put("inspectionDue", LocalDateTime.ofInstant(due.toInstant(), Dates.ZONE).format(MINUTE));
    out.put("dispatchDate", Dates.today().toString());
    out.put("inspectionOverdue", Boolean.FALSE);
    inspections.dispatched(vars.get("inspectionNo").toString(), processInstanceId, trigger, source.sourceId(),
        office.unit(), pair.get(0).userId(), pair.get(1).userId(), (String) vars.get("drawId"), due.toInstant());
    return out;
  }

  private List<InspectionOfficer> drawnPair(Map<String, Object> vars) {
    if (vars.get("drawnLead") == null) {
      return null;
    }
    return List.of(officer(vars.get("drawnLead").toString()), officer(vars.get("drawnSecond").toString()));
  }

  private InspectionOfficer officer(String userId) {
    return roster.officer(userId)
        .orElseThrow(() -> PlatformException.badRequest("INS-012", "执法人员名录中没有" + userId));
  }

  /** The due time passed with the inspection still open: flagged for the supervisors. */
  public Map<String, Object> overdue() {
    return Map.of("inspectionOverdue", Boolean.TRUE);
  }

  /**
   * 现场检查笔录, filed under the case it opened (a finding) or under the inspection's own number (no finding); the
   * task is done.
   */
  public Map<String, Object> record(Map<String, Object> vars, int photos, String user) {
    boolean found = Boolean.TRUE.equals(vars.get("violationFound"))
        || "true".equals(String.valueOf(vars.get("violationFound")));
    String caseNo = (String) vars.get("enforcementCaseNo");
    String fileUnder = found && caseNo != null ? caseNo : vars.get("inspectionNo").toString();
    Map<String, Object> doc = new HashMap<>(vars);
    doc.put("inspectionDateCn", Dates.toLocalDate(vars.get("inspectionDate")));
    doc.put("photoCount", photos);
    doc.put("legalRepresentative", vars.get("legalRepresentative") == null ? "—" : vars.get("legalRepresentative"));
    doc.put("conclusionText", found
        ? "发现涉嫌" + Vocabulary.label(Vocabulary.VIOLATION_TYPES, vars.get("findingViolationType")) + "的违法行为："
            + vars.get("findingFacts") + "已移送立案查处（案号：" + caseNo + "）。"
        : "未发现环境违法行为，本次检查任务办结。");
    var generated = documents.generate(fileUnder, DocumentType.INSPECTION_RECORD, doc, user);
    String outcome = found ? "CASE_OPENED" : "NO_FINDING";
    inspections.done(vars.get("inspectionNo").toString(), outcome, found ? caseNo : null);
    Map<String, Object> out = new HashMap<>();
    out.put("inspectionRecordDocumentId", String.valueOf(generated.id()));
    out.put("photoCount", photos);
    out.put("caseOutcome", outcome);
    return out;
  }
}
