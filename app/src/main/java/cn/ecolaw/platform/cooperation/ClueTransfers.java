package cn.ecolaw.platform.cooperation;

import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.enforcement.EnforcementCaseService;
import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.identity.ProcessKeys;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.workflow.Refusals;
import cn.ecolaw.platform.workflow.TextSafety;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * 线索移送 ({@code clue-transfer}): a unit hands a clue, or a case's materials, to another unit; the receiver accepts
 * or returns it with reasons within its deadline ({@code platform.cooperation.units.*.answer-days}); an accepted clue
 * becomes a case in the receiver's flow where one exists (the bureau: {@code enforcement-case}).
 *
 * <p>The rules: a suspected crime goes to the police only, the head decides within 3 days and the transfer is made
 * within 24 hours of the decision (APL 27, State Council Decree 310 Art. 5); the police answer within 3 days (Art. 8);
 * a declined transfer goes back to the sender, which goes on with its own case (Art. 11). A public-interest clue goes
 * to the procuratorate. A unit does not transfer to itself, nor a case it may not see.
 */
@Service
public class ClueTransfers {

  public static final String PROCESS_KEY = "clue-transfer";

  /** Transfer kinds and their Chinese names (the codes never reach a document). */
  public static final Map<String, String> KINDS = Map.of(
      "CRIME", "涉嫌犯罪案件移送",
      "PUBLIC_INTEREST", "公益诉讼案件线索移送",
      "JURISDICTION", "不属于本单位管辖的案件移送",
      "CLUE", "违法线索移送");

  /** Decree 310 Art. 5: the head decides on a transfer within 3 days. */
  static final int APPROVAL_DAYS = 3;
  /** Decree 310 Art. 5: an approved crime transfer is made within 24 hours. */
  static final int CRIME_SEND_HOURS = 24;

  static final int MAX_TEXT = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CooperationProperties cooperation;
  private final AccessProperties access;
  private final CaseAccess caseAccess;
  private final Caller caller;
  private final CaseNumbers numbers;
  private final CaseFileRepository cases;
  private final TransferRepository transfers;
  private final WorkingDayCalendar calendar;
  private final DocumentService documents;
  private final RuntimeService runtime;
  private final EnforcementCaseService enforcement;
  private final CaseLauncher launcher;

  public ClueTransfers(CooperationProperties cooperation, AccessProperties access, CaseAccess caseAccess,
      Caller caller, CaseNumbers numbers, CaseFileRepository cases, TransferRepository transfers,
      WorkingDayCalendar calendar, DocumentService documents, RuntimeService runtime,
      EnforcementCaseService enforcement, CaseLauncher launcher) {
    this.cooperation = cooperation;
    this.access = access;
    this.caseAccess = caseAccess;
    this.caller = caller;
    this.numbers = numbers;
    this.cases = cases;
    this.transfers = transfers;
    this.calendar = calendar;
    this.documents = documents;
    this.runtime = runtime;
    this.enforcement = enforcement;
    this.launcher = launcher;
  }

  // ------------------------------------------------------------------------------------------------ /api

  /**
   * {@code POST /api/clues}: checks the request, then starts {@code clue-transfer} through the platform. Body:
   * {@code receiverUnit}, {@code kind}, {@code subject}, {@code facts}, optional {@code caseNo} (a case whose
   * materials are transferred), {@code materials}, {@code reason}, {@code senderUnit} (when the caller belongs to
   * several units), {@code caseFields} (to the bureau: the registration fields of the case to open on acceptance).
   */
  public Map<String, Object> request(Map<String, Object> body) {
    Map<String, Object> in = body == null ? Map.of() : body;
    String sender = senderUnit(in.get("senderUnit"));
    String receiver = text(in.get("receiverUnit"));
    if (receiver == null || cooperation.of(receiver) == null || access.groupsOf(receiver).isEmpty()) {
      throw PlatformException.badRequest("CLUE-001", "请选择接收移送的成员单位（receiverUnit），可选："
          + String.join("、", cooperation.units().keySet()));
    }
    if (receiver.equals(sender)) {
      throw PlatformException.badRequest("CLUE-002", "不能向本单位移送线索");
    }
    String kind = text(in.get("kind"));
    if (kind == null || !KINDS.containsKey(kind)) {
      throw PlatformException.badRequest("CLUE-003", "请选择移送种类（kind）：CRIME 涉嫌犯罪、PUBLIC_INTEREST 公益诉讼线索、"
          + "JURISDICTION 管辖移送、CLUE 违法线索");
    }
    if ("CRIME".equals(kind) && !"unit-police".equals(receiver)) {
      throw PlatformException.badRequest("CLUE-004", "涉嫌犯罪的案件应当移送公安机关（《中华人民共和国行政处罚法》第二十七条、"
          + "《行政执法机关移送涉嫌犯罪案件的规定》第三条）");
    }
    if ("PUBLIC_INTEREST".equals(kind) && !"unit-procuratorate".equals(receiver)) {
      throw PlatformException.badRequest("CLUE-005", "公益诉讼案件线索应当移送人民检察院（《中华人民共和国行政诉讼法》第二十五条第四款）");
    }
    String subject = requiredText(in, "subject", "当事人或线索名称", 500);
    String facts = requiredText(in, "facts", "线索事实", MAX_TEXT);
    String materials = optionalText(in, "materials", "移送材料");
    String reason = optionalText(in, "reason", "移送理由");
    String caseNo = text(in.get("caseNo"));
    if (caseNo != null) {
      caseAccess.check(caseNo);
    }
    String caseFields = null;
    if (access.bureauUnit().equals(receiver) && (caseNo == null || !cases.exists(caseNo))) {
      caseFields = caseFields(in.get("caseFields"), facts);
    }
    String transferNo = nextTransferNo(sender);
    Map<String, Object> v = new HashMap<>();
    v.put("transferNo", transferNo);
    v.put("caseNo", caseNo == null ? transferNo : caseNo);
    v.put("senderUnit", sender);
    v.put("receiverUnit", receiver);
    v.put("transferKind", kind);
    v.put("transferSubject", subject);
    v.put("transferFacts", facts);
    v.put("transferMaterials", materials == null ? "" : materials);
    v.put("transferReason", reason == null ? "" : reason);
    v.put("sendingApproved", Boolean.FALSE);
    if (caseFields != null) {
      v.put("caseFieldsPending", Boolean.TRUE);
    }
    String fields = caseFields;
    try {
      ProcessInstance pi = PlatformCall.run(() -> {
        pendingCaseFields.set(fields);
        try {
          return runtime.startProcessInstanceByKey(PROCESS_KEY, transferNo, v);
        } finally {
          pendingCaseFields.remove();
        }
      });
      return view(transfers.find(transferNo).orElseThrow(), pi.getId());
    } catch (ProcessEngineException e) {
      var refusal = Refusals.find(e).orElseThrow(() -> e);
      String[] parts = Refusals.split(refusal.getMessage());
      throw new PlatformException(Refusals.status(refusal), parts[0], parts[1]);
    }
  }

  /** The registration fields handed from the request to the start of the instance (same thread, same command). */
  private final ThreadLocal<String> pendingCaseFields = new ThreadLocal<>();

  /** {@code GET /api/clues?direction=in|out}: the caller's units' transfers. */
  public List<Map<String, Object>> list(String direction, int limit) {
    boolean out = "out".equals(direction);
    if (direction != null && !out && !"in".equals(direction)) {
      throw PlatformException.badRequest("CLUE-010", "direction 只能是 in（移送本单位的）或 out（本单位移出的）");
    }
    int n = Math.max(1, Math.min(limit, 500));
    List<TransferRepository.Transfer> found = new ArrayList<>();
    if (caller.unrestricted()) {
      found.addAll(transfers.all(n));
    } else {
      if (direction == null || out) {
        found.addAll(transfers.ofUnits(callerUnits(), true, n));
      }
      if (direction == null || !out) {
        found.addAll(transfers.ofUnits(callerUnits(), false, n));
      }
    }
    return found.stream().map(t -> view(t, t.processInstanceId())).toList();
  }

  /** {@code GET /api/clues/{transferNo}}: the transfer and the progress of the case it became, for both sides. */
  public Map<String, Object> get(String transferNo) {
    TransferRepository.Transfer t = readable(transferNo);
    Map<String, Object> view = view(t, t.processInstanceId());
    List<Map<String, Object>> docs = new ArrayList<>();
    for (GeneratedDocument d : documents.list(t.caseNo())) {
      if (t.documentIds().contains(d.id())) {
        docs.add(Map.of("id", d.id(), "type", d.type().name(), "title", d.title(), "createdAt", d.createdAt().toString(),
            "pdf", "/api/clues/" + transferNo + "/documents/" + d.id() + "/pdf",
            "docx", "/api/clues/" + transferNo + "/documents/" + d.id() + "/docx"));
      }
    }
    view.put("documents", docs);
    if (t.resultingCaseNo() != null) {
      cases.find(t.resultingCaseNo()).ifPresent(c -> view.put("resultingCase", Map.of("caseNo", c.caseNo(),
          "status", c.status(), "outcome", c.outcome() == null ? "" : c.outcome())));
    }
    return view;
  }

  /** A document of the transfer (its 移送函 or 回执), to both sides. */
  public byte[] document(String transferNo, long id, String format) {
    TransferRepository.Transfer t = readable(transferNo);
    if (!t.documentIds().contains(id)) {
      throw PlatformException.notFound("CLUE-404", "该移送没有此文书：" + id);
    }
    return "docx".equals(format) ? documents.docx(t.caseNo(), id) : documents.pdf(t.caseNo(), id);
  }

  TransferRepository.Transfer readable(String transferNo) {
    TransferRepository.Transfer t = transfers.find(transferNo)
        .orElseThrow(() -> PlatformException.notFound("CLUE-404", "移送记录不存在：" + transferNo));
    if (!caller.unrestricted() && !callerUnits().contains(t.senderUnit()) && !callerUnits().contains(t.receiverUnit())) {
      throw new PlatformException(403, "CLUE-403", "无权查看移送" + transferNo + "：本单位既不是移送单位，也不是接收单位");
    }
    return t;
  }

  // ------------------------------------------------------------------------------------------------ the flow

  /** 登记移送 (Task_RegisterTransfer): number, groups, approval deadline, the register row. */
  public Map<String, Object> register(Map<String, Object> v, String processInstanceId, String businessKey,
      String user) {
    String sender = text(v.get("senderUnit"));
    String receiver = text(v.get("receiverUnit"));
    CooperationProperties.UnitSettings from = cooperation.of(sender);
    CooperationProperties.UnitSettings to = cooperation.of(receiver);
    if (from == null || to == null || sender.equals(receiver)) {
      throw PlatformException.badRequest("CLUE-001", "移送单位或接收单位不是平台的成员单位");
    }
    String kind = text(v.get("transferKind"));
    if (!KINDS.containsKey(kind)) {
      throw PlatformException.badRequest("CLUE-003", "移送种类不正确");
    }
    String transferNo = businessKey != null && !businessKey.isBlank() ? businessKey : nextTransferNo(sender);
    Map<String, Object> out = new HashMap<>();
    out.put("transferNo", transferNo);
    if (text(v.get("caseNo")) == null) {
      out.put("caseNo", transferNo);
    }
    out.put("senderUnitName", from.name());
    out.put("receiverUnitName", to.name());
    out.put("senderHeadGroup", from.headGroup());
    out.put("receiverGroup", to.handlerGroup());
    out.put("transferKindLabel", KINDS.get(kind));
    out.put("sendingApproved", Boolean.TRUE.equals(v.get("sendingApproved")));
    LocalDate today = Dates.today();
    out.put("clueDate", today.toString());
    put(out, "approvalDue", calendar.addCalendarDays(today, APPROVAL_DAYS));
    String caseNo = text(v.get("caseNo")) == null ? transferNo : text(v.get("caseNo"));
    if (caseNo.equals(transferNo)) {
      caseAccess.grant(caseNo, sender, "线索移送登记（" + transferNo + "）");
    }
    caseAccess.letUnitRead(sender, processInstanceId, PROCESS_KEY);
    String fields = pendingCaseFields.get();
    transfers.insert(new TransferRepository.Transfer(transferNo, caseNo, sender, receiver, kind,
        limit(text(v.get("transferSubject")), 500), "REGISTERED", processInstanceId, null, user, Instant.now(), null,
        null, null, null, fields, null, null));
    return out;
  }

  /**
   * 制作移送函并移送 (Task_SendTransfer): the receiver may see the case (or clue) and this transfer; 移送函; the
   * receiver's deadline. A crime transfer is made at once, within the 24 hours of Decree 310 Art. 5.
   */
  public Map<String, Object> send(Map<String, Object> v, String processInstanceId, String user) {
    String transferNo = text(v.get("transferNo"));
    String caseNo = text(v.get("caseNo"));
    String receiver = text(v.get("receiverUnit"));
    CooperationProperties.UnitSettings to = cooperation.of(receiver);
    Instant now = Instant.now();
    Map<String, Object> out = new HashMap<>();
    out.put("transferSentAt", Date.from(now));
    if ("CRIME".equals(v.get("transferKind"))) {
      Instant decided = v.get("transferApprovedAt") instanceof Date d ? d.toInstant() : now;
      Instant by = decided.plus(CRIME_SEND_HOURS, ChronoUnit.HOURS);
      if (now.isAfter(by)) {
        throw PlatformException.badRequest("CLUE-006", "涉嫌犯罪案件应当自作出移送决定之日起24小时内移送"
            + "（《行政执法机关移送涉嫌犯罪案件的规定》第五条）");
      }
      out.put("transferSendBy", Date.from(by));
    }
    LocalDate today = Dates.today();
    LocalDate due = to.workingDays() ? calendar.addWorkingDays(today, to.answerDays())
        : calendar.addCalendarDays(today, to.answerDays());
    put(out, "answerDue", due);
    caseAccess.grant(caseNo, receiver, "线索移送（" + transferNo + "）");
    caseAccess.letUnitRead(receiver, processInstanceId, PROCESS_KEY);
    Map<String, Object> doc = new HashMap<>(v);
    doc.putAll(out);
    doc.put("answerDueCn", Dates.chinese(due));
    doc.put("answerPeriodText", to.answerDays() + (to.workingDays() ? "个工作日" : "日"));
    doc.put("transferMaterials", blankAs(v.get("transferMaterials"), "无"));
    doc.put("transferReason", blankAs(v.get("transferReason"), KINDS.get(text(v.get("transferKind")))));
    doc.put("legalBasisText", legalBasis(text(v.get("transferKind"))));
    doc.put("issueDateCn", Dates.chinese(today));
    GeneratedDocument letter = documents.generate(caseNo, DocumentType.TRANSFER_LETTER, doc, user);
    out.put("transferLetterId", String.valueOf(letter.id()));
    transfers.sent(transferNo, due.toString(), letter.id());
    return out;
  }

  /** 移送审批 (Task_ApproveSending) completed: the time of the decision (the 24 hours run from it). */
  public Map<String, Object> approved(Map<String, Object> v) {
    Map<String, Object> out = new HashMap<>();
    boolean granted = Boolean.parseBoolean(String.valueOf(v.get("transferApprovalGranted")));
    out.put("transferApprovalGranted", granted);
    out.put("transferApprovedAt", Dates.now());
    return out;
  }

  /** 不予移送 (Task_CloseNotSent). */
  public Map<String, Object> notSent(Map<String, Object> v) {
    transfers.answered(text(v.get("transferNo")), "NOT_SENT", text(v.get("approvalNote")), null);
    return Map.of("caseOutcome", "NOT_SENT");
  }

  /** 制作回执 (Task_RecordAnswer): the receiver's answer, 回执 to the sender, the outcome. */
  public Map<String, Object> answer(Map<String, Object> v, String user) {
    String transferNo = text(v.get("transferNo"));
    boolean accepted = Boolean.parseBoolean(String.valueOf(v.get("transferAccepted")));
    String receiver = text(v.get("receiverUnit"));
    LocalDate today = Dates.today();
    TransferRepository.Transfer t = transfers.find(transferNo).orElseThrow();
    boolean openCase = accepted && access.bureauUnit().equals(receiver) && t.caseFields() != null
        && !cases.exists(t.caseNo());
    Map<String, Object> out = new HashMap<>();
    out.put("transferAccepted", accepted);
    out.put("answerDate", today.toString());
    out.put("openCase", openCase);
    out.put("caseOutcome", accepted ? "ACCEPTED" : "RETURNED");
    Map<String, Object> doc = new HashMap<>(v);
    doc.put("answerText", accepted ? "经审查，本单位决定接收该移送，依法处理。" : "经审查，本单位决定不予接收，退回移送单位。");
    doc.put("returnText", accepted ? "" : returnText(text(v.get("transferKind"))));
    doc.put("answerDateCn", Dates.chinese(today));
    GeneratedDocument receipt = documents.generate(t.caseNo(), DocumentType.TRANSFER_RECEIPT, doc, user);
    out.put("transferReceiptId", String.valueOf(receipt.id()));
    transfers.answered(transferNo, accepted ? "ACCEPTED" : "RETURNED", text(v.get("receiverOpinion")),
        receipt.id());
    return out;
  }

  /**
   * 在接收单位立案 (Task_OpenCase): the bureau's clue becomes an {@code enforcement-case}, started through the platform
   * with the facts carried over; the sender may follow the case.
   */
  public Map<String, Object> openCase(Map<String, Object> v) {
    String transferNo = text(v.get("transferNo"));
    TransferRepository.Transfer t = transfers.find(transferNo).orElseThrow();
    Map<String, Object> fields = readFields(t.caseFields());
    fields.put("clueSource", "TRANSFER");
    String caseNo = launcher.start(null, fields);
    caseAccess.grant(caseNo, t.senderUnit(), "移送的线索已立案（" + transferNo + "）");
    transfers.caseOpened(transferNo, caseNo);
    return Map.of("resultingCaseNo", caseNo, "caseOutcome", "CASE_OPENED");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  Map<String, Object> view(TransferRepository.Transfer t, String processInstanceId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("transferNo", t.transferNo());
    m.put("caseNo", t.caseNo());
    m.put("senderUnit", t.senderUnit());
    m.put("senderUnitName", nameOf(t.senderUnit()));
    m.put("receiverUnit", t.receiverUnit());
    m.put("receiverUnitName", nameOf(t.receiverUnit()));
    m.put("kind", t.kind());
    m.put("kindLabel", KINDS.get(t.kind()));
    m.put("subject", t.subject());
    m.put("status", t.status());
    m.put("statusLabel", STATUS_LABELS.getOrDefault(t.status(), t.status()));
    m.put("processInstanceId", processInstanceId);
    m.put("answerDue", t.answerDue());
    m.put("answerNote", t.answerNote());
    m.put("resultingCaseNo", t.resultingCaseNo());
    m.put("createdAt", t.createdAt().toString());
    return m;
  }

  static final Map<String, String> STATUS_LABELS = Map.of("REGISTERED", "待审批", "SENT", "已移送，待接收单位答复",
      "ACCEPTED", "已接收", "RETURNED", "已退回", "NOT_SENT", "不予移送", "CASE_OPENED", "已接收并立案");

  String nameOf(String unit) {
    CooperationProperties.UnitSettings s = cooperation.of(unit);
    return s == null ? unit : s.name();
  }

  Set<String> callerUnits() {
    return access.unitsHandledBy(caller.groups());
  }

  private String senderUnit(Object requested) {
    String wanted = text(requested);
    if (caller.unrestricted()) {
      if (wanted == null || cooperation.of(wanted) == null) {
        throw PlatformException.badRequest("CLUE-007", "请指明移送单位（senderUnit）");
      }
      return wanted;
    }
    Set<String> mine = callerUnits();
    if (mine.isEmpty()) {
      throw new PlatformException(403, "CLUE-008", "只有成员单位的办案人员可以移送线索");
    }
    if (wanted != null) {
      if (!mine.contains(wanted)) {
        throw new PlatformException(403, "CLUE-008", "不能以其他单位的名义移送线索");
      }
      return wanted;
    }
    return mine.iterator().next();
  }

  private String nextTransferNo(String sender) {
    return numbers.nextDocketNo(cooperation.of(sender).shortName(), "移", Dates.today().getYear());
  }

  /** The bureau's registration fields, checked now so that acceptance cannot fail on them. */
  private String caseFields(Object raw, String facts) {
    if (!(raw instanceof Map<?, ?> given)) {
      throw PlatformException.badRequest("CLUE-009", "移送生态环境局的线索须附立案登记所需的当事人信息（caseFields：partyName、"
          + "partyType、partyId、region、domain、violationType、violationsIn2Years）");
    }
    Map<String, Object> fields = new HashMap<>();
    given.forEach((k, val) -> fields.put(String.valueOf(k), val));
    fields.putIfAbsent("facts", facts);
    fields.put("clueSource", "TRANSFER");
    enforcement.validateStart(null, fields);
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw PlatformException.badRequest("CLUE-009", "立案登记信息无法读取");
    }
  }

  private static Map<String, Object> readFields(String json) {
    try {
      return new HashMap<>(JSON.readValue(json, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case fields of a transfer unreadable", e);
    }
  }

  static String legalBasis(String kind) {
    return switch (kind) {
      case "CRIME" -> "依照《中华人民共和国行政处罚法》第二十七条、《行政执法机关移送涉嫌犯罪案件的规定》第三条、第五条和第六条的规定，"
          + "现将该案移送你单位，请自接受移送之日起三日内依法作出立案或者不予立案的决定，并书面告知本机关";
      case "PUBLIC_INTEREST" -> "依照《中华人民共和国行政诉讼法》第二十五条第四款、《中华人民共和国民事诉讼法》第五十八条的规定，"
          + "现将该公益诉讼案件线索移送你院，请依法审查";
      case "JURISDICTION" -> "该案不属于本单位管辖，依照《中华人民共和国行政处罚法》第二十二条至第二十五条的规定，现移送你单位依法处理";
      default -> "现将该违法线索移送你单位，请依法核查处理";
    };
  }

  static String returnText(String kind) {
    return "CRIME".equals(kind)
        ? "依照《行政执法机关移送涉嫌犯罪案件的规定》第八条、第十一条，不予立案的，退回案卷材料，由移送机关依法继续作出行政处理。"
        : "退回的案件材料由移送单位依法继续处理。";
  }

  private static String requiredText(Map<String, Object> in, String key, String label, int max) {
    String t = text(in.get(key));
    if (t == null) {
      throw PlatformException.badRequest("CLUE-011", "“" + label + "”为必填项（" + key + "）");
    }
    return checked(t, label, max);
  }

  private static String optionalText(Map<String, Object> in, String key, String label) {
    String t = text(in.get(key));
    return t == null ? null : checked(t, label, MAX_TEXT);
  }

  private static String checked(String t, String label, int max) {
    if (t.length() > max) {
      throw PlatformException.badRequest("CLUE-012", "“" + label + "”不得超过" + max + "字");
    }
    TextSafety.inspect(label, t).ifPresent(f -> {
      throw PlatformException.badRequest(f.code(), f.message());
    });
    return t;
  }

  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      throw PlatformException.badRequest("CLUE-013", "字段值不能是对象或列表");
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  private static String limit(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
  }

  private static Object blankAs(Object v, String fallback) {
    return v == null || v.toString().isBlank() ? fallback : v;
  }

  static void put(Map<String, Object> out, String name, LocalDate due) {
    out.put(name, due.toString());
    out.put(name + "At", Date.from(due.atTime(23, 59, 59).atZone(Dates.ZONE).toInstant()));
  }
}
