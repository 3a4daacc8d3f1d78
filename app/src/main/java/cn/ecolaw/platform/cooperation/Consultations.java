package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.identity.EngineGrants;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TextSafety;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * 在线会商 / 专家咨询 ({@code consultation}): on a hard question in a case, the convening unit invites other units and
 * outside experts with the case documents it chooses to share. The invited units read the consultation (its process
 * instance, by per-instance grant) and the shared documents, read-only and only while it is open; every share and its
 * end are in the case's trail (the instance's variables {@code sharedWithNames}, {@code sharedDocumentTitles},
 * {@code sharingRevokedDate}). Each invited unit writes its opinion by the deadline; the convener records the
 * conclusion, and the 会商纪要 is made; then the shares are taken back.
 */
@Service
public class Consultations {

  public static final String PROCESS_KEY = "consultation";
  static final int MAX_PARTICIPANTS = 10;
  static final int MAX_OPINION_DAYS = 30;
  static final int SUMMARY_LIMIT = 3800;

  private final CooperationProperties cooperation;
  private final AccessProperties access;
  private final CaseAccess caseAccess;
  private final EngineGrants grants;
  private final Caller caller;
  private final CaseNumbers numbers;
  private final ConsultationRepository repository;
  private final WorkingDayCalendar calendar;
  private final DocumentService documents;
  private final RuntimeService runtime;

  public Consultations(CooperationProperties cooperation, AccessProperties access, CaseAccess caseAccess,
      EngineGrants grants, Caller caller, CaseNumbers numbers, ConsultationRepository repository,
      WorkingDayCalendar calendar, DocumentService documents, RuntimeService runtime) {
    this.cooperation = cooperation;
    this.access = access;
    this.caseAccess = caseAccess;
    this.grants = grants;
    this.caller = caller;
    this.numbers = numbers;
    this.repository = repository;
    this.calendar = calendar;
    this.documents = documents;
    this.runtime = runtime;
  }

  // ------------------------------------------------------------------------------------------------ /api

  /**
   * {@code POST /api/cases/{caseNo}/consultations} (the case is the caller's: checked before): {@code question},
   * {@code participants} (unit ids), {@code documentIds} (the case's documents to share), optional
   * {@code opinionDays} (working days) and {@code convenerUnit}.
   */
  public Map<String, Object> convene(String caseNo, Map<String, Object> body) {
    Map<String, Object> in = body == null ? Map.of() : body;
    String convener = convenerUnit(caseNo, in.get("convenerUnit"));
    String question = ClueTransfers.text(in.get("question"));
    if (question == null) {
      throw PlatformException.badRequest("CONS-001", "“会商问题”为必填项（question）");
    }
    if (question.length() > ClueTransfers.MAX_TEXT) {
      throw PlatformException.badRequest("CONS-002", "“会商问题”不得超过" + ClueTransfers.MAX_TEXT + "字");
    }
    TextSafety.inspect("会商问题", question).ifPresent(f -> {
      throw PlatformException.badRequest(f.code(), f.message());
    });
    Set<String> participants = new LinkedHashSet<>();
    for (Object p : list(in.get("participants"), "participants")) {
      String unit = ClueTransfers.text(p);
      if (unit == null || cooperation.of(unit) == null || access.groupsOf(unit).isEmpty()) {
        throw PlatformException.badRequest("CONS-003", "受邀单位不是平台的成员单位：" + p);
      }
      if (unit.equals(convener)) {
        throw PlatformException.badRequest("CONS-004", "发起单位不必邀请本单位参加会商");
      }
      participants.add(unit);
    }
    if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
      throw PlatformException.badRequest("CONS-005", "请邀请1至" + MAX_PARTICIPANTS + "个单位或专家参加会商（participants）");
    }
    List<GeneratedDocument> shared = new ArrayList<>();
    for (Object id : list(in.get("documentIds"), "documentIds")) {
      long docId;
      try {
        docId = Long.parseLong(String.valueOf(id));
      } catch (NumberFormatException e) {
        throw PlatformException.badRequest("CONS-006", "共享材料的文书编号不正确：" + id);
      }
      GeneratedDocument d = documents.list(caseNo).stream().filter(g -> g.id() == docId).findFirst()
          .orElseThrow(() -> PlatformException.badRequest("CONS-006", "共享材料不是本案的文书：" + id));
      shared.add(d);
    }
    int days = opinionDays(in.get("opinionDays"));
    String consultationNo = numbers.nextDocketNo(cooperation.of(convener).shortName(), "会商",
        Dates.today().getYear());
    LocalDate due = calendar.addWorkingDays(Dates.today(), days);
    Map<String, Object> v = new HashMap<>();
    v.put("consultationNo", consultationNo);
    v.put("caseNo", caseNo);
    v.put("convenerUnit", convener);
    v.put("consultationQuestion", question);
    v.put("participantUnits", String.join(",", participants));
    v.put("sharedDocumentIds", shared.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining(",")));
    ClueTransfers.put(v, "opinionDue", due);
    String user = caller.userId() == null ? "system" : caller.userId();
    try {
      ProcessInstance pi = PlatformCall.run(() -> {
        pending.set(new Pending(participants, shared.stream().map(GeneratedDocument::id).toList(), user));
        try {
          return runtime.startProcessInstanceByKey(PROCESS_KEY, consultationNo, v);
        } finally {
          pending.remove();
        }
      });
      return get(consultationNo, pi.getId());
    } catch (ProcessEngineException e) {
      var refusal = Refusals.find(e).orElseThrow(() -> e);
      String[] parts = Refusals.split(refusal.getMessage());
      throw new PlatformException(Refusals.status(refusal), parts[0], parts[1]);
    }
  }

  private record Pending(Set<String> participants, List<Long> documentIds, String user) {}

  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  /** {@code GET /api/consultations}: those the caller's units convened or were invited to. */
  public List<Map<String, Object>> list(int limit) {
    int n = Math.max(1, Math.min(limit, 500));
    List<String> nos = caller.unrestricted() ? repository.all(n)
        : repository.ofUnits(access.unitsHandledBy(caller.groups()), n);
    return nos.stream().map(no -> summary(repository.find(no).orElseThrow())).toList();
  }

  /** {@code GET /api/consultations/{no}}: the question, the invited units, the shared documents and the opinions. */
  public Map<String, Object> get(String consultationNo) {
    ConsultationRepository.Consultation c = readable(consultationNo);
    return get(consultationNo, c.processInstanceId());
  }

  private Map<String, Object> get(String consultationNo, String processInstanceId) {
    ConsultationRepository.Consultation c = repository.find(consultationNo).orElseThrow();
    Map<String, Object> m = summary(c);
    List<Map<String, Object>> units = new ArrayList<>();
    for (ConsultationRepository.Participant p : repository.participants(consultationNo)) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("unit", p.unit());
      u.put("unitName", nameOf(p.unit()));
      u.put("sharedAt", p.sharedAt().toString());
      u.put("revokedAt", p.revokedAt() == null ? null : p.revokedAt().toString());
      units.add(u);
    }
    m.put("participants", units);
    boolean open = "OPEN".equals(c.status());
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Long id : repository.documents(consultationNo)) {
      GeneratedDocument d = documents.find(c.caseNo(), id);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("id", d.id());
      doc.put("title", d.title());
      doc.put("pdf", open ? "/api/consultations/" + consultationNo + "/documents/" + d.id() + "/pdf" : null);
      docs.add(doc);
    }
    m.put("sharedDocuments", docs);
    m.put("opinions", repository.opinions(consultationNo).stream().map(o -> Map.of("unit", o.unit(),
        "unitName", nameOf(o.unit()), "opinion", o.opinion(), "givenAt", o.givenAt().toString())).toList());
    m.put("processInstanceId", processInstanceId);
    return m;
  }

  /**
   * A shared document, to the convener at any time and to an invited unit while the consultation is open (read-only:
   * the PDF).
   */
  public byte[] sharedPdf(String consultationNo, long documentId) {
    ConsultationRepository.Consultation c = readable(consultationNo);
    if (!repository.documents(consultationNo).contains(documentId)) {
      throw PlatformException.notFound("CONS-404", "该文书未在会商中共享：" + documentId);
    }
    boolean convener = caller.unrestricted() || units().contains(c.convenerUnit());
    if (!convener && !"OPEN".equals(c.status())) {
      throw new PlatformException(403, "CONS-010", "会商已结束，共享材料已收回：" + consultationNo);
    }
    return documents.pdf(c.caseNo(), documentId);
  }

  ConsultationRepository.Consultation readable(String consultationNo) {
    ConsultationRepository.Consultation c = repository.find(consultationNo)
        .orElseThrow(() -> PlatformException.notFound("CONS-404", "会商不存在：" + consultationNo));
    if (caller.unrestricted() || units().contains(c.convenerUnit())) {
      return c;
    }
    boolean invited = repository.participants(consultationNo).stream().anyMatch(p -> units().contains(p.unit()));
    if (!invited) {
      throw new PlatformException(403, "CONS-403", "无权查看会商" + consultationNo + "：本单位不是发起单位，也未受邀参加");
    }
    return c;
  }

  // ------------------------------------------------------------------------------------------------ the flow

  /** 共享会商材料 (Task_ShareMaterials): records the consultation, lets the invited units read it, for the trail. */
  public Map<String, Object> share(Map<String, Object> v, String processInstanceId, String user) {
    String consultationNo = ClueTransfers.text(v.get("consultationNo"));
    String caseNo = ClueTransfers.text(v.get("caseNo"));
    String convener = ClueTransfers.text(v.get("convenerUnit"));
    Pending p = pending.get();
    List<String> participants = p != null ? List.copyOf(p.participants()) : units(v.get("participantUnits"));
    List<Long> docs = p != null ? p.documentIds() : ids(v.get("sharedDocumentIds"));
    repository.insert(new ConsultationRepository.Consultation(consultationNo, caseNo, convener,
        String.valueOf(v.get("consultationQuestion")), "OPEN", processInstanceId, p != null ? p.user() : user,
        Instant.now(), null), participants, docs);
    for (String unit : participants) {
      caseAccess.letUnitRead(unit, processInstanceId, PROCESS_KEY);
    }
    Map<String, Object> out = new HashMap<>();
    out.put("convenerUnitName", nameOf(convener));
    out.put("convenerGroup", cooperation.of(convener).handlerGroup());
    out.put("sharedWithNames", participants.stream().map(this::nameOf).collect(Collectors.joining("、")));
    out.put("sharedDocumentTitles", docs.isEmpty() ? "（未共享文书）" : docs.stream()
        .map(id -> documents.find(caseNo, id).title()).collect(Collectors.joining("、")));
    out.put("sharedFromDate", Dates.today().toString());
    out.put("opinionsSummary", "（尚无意见）");
    return out;
  }

  /** The invited units, one opinion task each (the multi-instance collection). */
  public List<String> participants(Map<String, Object> v) {
    return units(v.get("participantUnits"));
  }

  /** The group of a unit that writes its opinion. */
  public String groupOf(String unit) {
    CooperationProperties.UnitSettings s = cooperation.of(unit);
    if (s == null) {
      throw new IllegalStateException("unknown unit " + unit);
    }
    return s.handlerGroup();
  }

  /** One unit's opinion (Task_GiveOpinion completed): kept, and summed up for the convener's form. */
  public String opinionGiven(String consultationNo, String unit, String user, Object opinion, Object basis) {
    String text = opinion == null ? "" : opinion.toString().strip();
    String basisText = basis == null || basis.toString().isBlank() ? null : basis.toString().strip();
    repository.opinion(consultationNo, new ConsultationRepository.Opinion(unit, user, text, basisText, Instant.now()));
    StringBuilder summary = new StringBuilder();
    for (ConsultationRepository.Opinion o : repository.opinions(consultationNo)) {
      summary.append(nameOf(o.unit())).append("：").append(o.opinion()).append("\n");
    }
    return summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) + "……（完整意见见会商纪要）"
        : summary.toString().strip();
  }

  /** 制作会商纪要并收回共享 (Task_IssueMinutes): 会商纪要; the invited units read the consultation no more. */
  public Map<String, Object> conclude(Map<String, Object> v, String processInstanceId, String user) {
    String consultationNo = ClueTransfers.text(v.get("consultationNo"));
    String caseNo = ClueTransfers.text(v.get("caseNo"));
    List<ConsultationRepository.Opinion> opinions = repository.opinions(consultationNo);
    Set<String> answered = opinions.stream().map(ConsultationRepository.Opinion::unit).collect(Collectors.toSet());
    List<String> participants = units(v.get("participantUnits"));
    StringBuilder text = new StringBuilder();
    int i = 1;
    for (ConsultationRepository.Opinion o : opinions) {
      text.append(chineseOrdinal(i++)).append("、").append(nameOf(o.unit())).append("：").append(o.opinion());
      if (o.basis() != null) {
        text.append("（依据：").append(o.basis()).append("）");
      }
      text.append("\n");
    }
    List<String> silent = participants.stream().filter(u -> !answered.contains(u)).map(this::nameOf).toList();
    Map<String, Object> doc = new HashMap<>(v);
    doc.put("opinionsText", opinions.isEmpty() ? "期限内未收到会商意见。" : text.toString().strip());
    doc.put("silentText", silent.isEmpty() ? "受邀单位均在期限内提出了意见。"
        : String.join("、", silent) + "在期限内未提出意见。");
    doc.put("followUpMeasures", v.get("followUpMeasures") == null || v.get("followUpMeasures").toString().isBlank()
        ? "无" : v.get("followUpMeasures"));
    doc.put("issueDateCn", Dates.chinese(Dates.today()));
    doc.put("sharedFromCn", Dates.chinese(Dates.toLocalDate(v.get("sharedFromDate"))));
    GeneratedDocument minutes = documents.generate(caseNo, DocumentType.CONSULTATION_MINUTES, doc, user);
    for (String unit : participants) {
      for (String group : access.groupsOf(unit)) {
        grants.revoke(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        grants.revoke(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
            HistoricProcessInstancePermissions.READ);
      }
    }
    repository.concluded(consultationNo);
    Map<String, Object> out = new HashMap<>();
    out.put("minutesDocumentId", String.valueOf(minutes.id()));
    out.put("sharingRevokedDate", Dates.today().toString());
    out.put("opinionCount", (long) opinions.size());
    out.put("caseOutcome", "CONCLUDED");
    return out;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private Map<String, Object> summary(ConsultationRepository.Consultation c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("consultationNo", c.consultationNo());
    m.put("caseNo", c.caseNo());
    m.put("convenerUnit", c.convenerUnit());
    m.put("convenerUnitName", nameOf(c.convenerUnit()));
    m.put("question", c.question());
    m.put("status", c.status());
    m.put("statusLabel", "OPEN".equals(c.status()) ? "会商中" : "已结束");
    m.put("createdAt", c.createdAt().toString());
    m.put("concludedAt", c.concludedAt() == null ? null : c.concludedAt().toString());
    return m;
  }

  private String convenerUnit(String caseNo, Object requested) {
    String wanted = ClueTransfers.text(requested);
    if (caller.unrestricted()) {
      if (wanted == null || cooperation.of(wanted) == null) {
        throw PlatformException.badRequest("CONS-007", "请指明发起会商的单位（convenerUnit）");
      }
      return wanted;
    }
    List<String> holders = caseAccess.grantsOf(caseNo).stream().map(g -> g.unit()).toList();
    List<String> mine = units().stream().filter(holders::contains).filter(u -> cooperation.of(u) != null).toList();
    if (wanted != null) {
      if (!mine.contains(wanted)) {
        throw new PlatformException(403, "CONS-008", "不能以其他单位的名义发起会商");
      }
      return wanted;
    }
    if (mine.isEmpty()) {
      throw new PlatformException(403, "CONS-008", "只有办理本案的单位可以发起会商");
    }
    return mine.get(0);
  }

  private int opinionDays(Object raw) {
    if (raw == null || raw.toString().isBlank()) {
      return cooperation.opinionWorkingDays();
    }
    try {
      int days = (int) Double.parseDouble(raw.toString());
      if (days >= 1 && days <= MAX_OPINION_DAYS && days == Double.parseDouble(raw.toString())) {
        return days;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw PlatformException.badRequest("CONS-009", "会商意见期限应为1至" + MAX_OPINION_DAYS + "个工作日（opinionDays）");
  }

  private static List<?> list(Object raw, String key) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> l)) {
      throw PlatformException.badRequest("CONS-011", key + " 应为列表");
    }
    return l;
  }

  private static List<String> units(Object csv) {
    if (csv == null || csv.toString().isBlank()) {
      return List.of();
    }
    return List.of(csv.toString().split(","));
  }

  private static List<Long> ids(Object csv) {
    return units(csv).stream().map(Long::parseLong).toList();
  }

  private Set<String> units() {
    return access.unitsHandledBy(caller.groups());
  }

  String nameOf(String unit) {
    CooperationProperties.UnitSettings s = cooperation.of(unit);
    return s == null ? unit : s.name();
  }

  static String chineseOrdinal(int n) {
    String[] d = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    return n <= 10 ? d[n] : n < 20 ? "十" + d[n - 10] : String.valueOf(n);
  }
}
