package cn.ecolaw.platform.dossier;

import cn.ecolaw.platform.audit.AuditEntry;
import cn.ecolaw.platform.audit.AuditTrail;
import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.filecheck.CaseVariables;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers a case's dossier from the platform's records: the case register, the process variables, the stored
 * documents, the discretion record and the trail. The documents are put in the order of the procedure
 * (环办〔2012〕98号: 立案 → 调查取证（证据目录、裁量记录）→ 告知、听证 → 决定 → 送达 → 执行), a review's own sheets
 * (案卷评查表、整改通知书) are not part of the case file.
 */
@Component
class DossierSources {

  /** The place of each document type in the file, by procedural step; types not listed are not in the file. */
  static final Map<DocumentType, Integer> RANK = new EnumMap<>(DocumentType.class);
  static final int EVIDENCE_RANK = 20;
  static final int DISCRETION_RANK = 30;
  static final int TRAIL_RANK = 900;
  static final Set<DocumentType> COURT = Set.of(DocumentType.ACCEPTANCE_NOTICE, DocumentType.NON_ACCEPTANCE_RULING,
      DocumentType.ENFORCEMENT_GRANTED_RULING, DocumentType.ENFORCEMENT_REFUSED_RULING, DocumentType.CHALLENGE_DECISION,
      DocumentType.INJUNCTION_RULING, DocumentType.INJUNCTION_CHALLENGE_DECISION, DocumentType.RESTORATION_ORDER,
      DocumentType.CONFIRMATION_NOTICE, DocumentType.CONFIRMATION_RULING);

  static {
    Object[] order = {
        DocumentType.FILING_APPROVAL, 10, DocumentType.APPRAISAL_COMMISSION, 24,
        DocumentType.APPRAISAL_CROSS_EXAMINATION, 25, DocumentType.PRIOR_NOTICE, 40, DocumentType.HEARING_NOTICE, 45,
        DocumentType.PENALTY_DECISION, 50, DocumentType.NO_PENALTY_DECISION, 50, DocumentType.CORRECTION_ORDER, 55,
        DocumentType.SERVICE_RECEIPT, 60, DocumentType.DAILY_PENALTY_NOTICE, 70, DocumentType.DAILY_PENALTY_DECISION, 72,
        DocumentType.REMINDER, 80, DocumentType.ENFORCEMENT_APPLICATION, 85, DocumentType.ACCEPTANCE_NOTICE, 90,
        DocumentType.NON_ACCEPTANCE_RULING, 90, DocumentType.ENFORCEMENT_GRANTED_RULING, 92,
        DocumentType.ENFORCEMENT_REFUSED_RULING, 92, DocumentType.CHALLENGE_DECISION, 94,
        DocumentType.INJUNCTION_APPLICATION, 100, DocumentType.INJUNCTION_RULING, 101,
        DocumentType.INJUNCTION_CHALLENGE_DECISION, 102, DocumentType.RESTORATION_ORDER, 110,
        DocumentType.RESTORATION_PLAN_APPROVAL, 111, DocumentType.RESTORATION_ACCEPTANCE, 112,
        DocumentType.MEDIATION_NOTICE, 120, DocumentType.MEDIATION_AGREEMENT, 121,
        DocumentType.CONFIRMATION_APPLICATION, 125, DocumentType.CONFIRMATION_NOTICE, 126,
        DocumentType.CONFIRMATION_RULING, 127};
    for (int i = 0; i < order.length; i += 2) {
      RANK.put((DocumentType) order[i], (Integer) order[i + 1]);
    }
  }

  private static final Map<String, String> PROCESSES = Map.of("enforcement-case", "行政处罚案件",
      "non-litigation-execution", "非诉执行", "injunction", "禁止令", "restoration", "生态修复",
      "mediation-routing", "诉前调解", "appraisal", "评估鉴定", "judicial-confirmation", "司法确认",
      "case-review", "案卷评查", "daily-penalty", "按日连续处罚");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseFileRepository cases;
  private final CaseVariables variables;
  private final DocumentService documents;
  private final PenaltyDiscretionService discretion;
  private final AuditTrail trail;
  private final IdentityService identity;
  private final AgencyProperties agency;
  private final ObjectMapper json = new ObjectMapper();
  private final String retentionMajor;
  private final String retentionStandard;
  private final String retentionMinor;

  DossierSources(CaseFileRepository cases, CaseVariables variables, DocumentService documents,
      PenaltyDiscretionService discretion, AuditTrail trail, IdentityService identity, AgencyProperties agency,
      @Value("${platform.dossier.retention.major:永久}") String retentionMajor,
      @Value("${platform.dossier.retention.standard:定期30年}") String retentionStandard,
      @Value("${platform.dossier.retention.minor:定期10年}") String retentionMinor) {
    this.cases = cases;
    this.variables = variables;
    this.documents = documents;
    this.discretion = discretion;
    this.trail = trail;
    this.identity = identity;
    this.agency = agency;
    this.retentionMajor = retentionMajor;
    this.retentionStandard = retentionStandard;
    this.retentionMinor = retentionMinor;
  }

  DossierContent gather(String caseNo) {
    CaseFile file = cases.find(caseNo)
        .orElseThrow(() -> PlatformException.notFound("CASE-404", "案件不存在：" + caseNo));
    Map<String, Object> v = variables.of(file.processInstanceId());
    boolean closed = CaseStatus.CLOSED.name().equals(file.status());
    Optional<DiscretionRecord> record = discretion.latest(caseNo);
    List<DossierContent.Doc> docs = documents(caseNo, v);
    List<DossierContent.Evidence> evidence = evidence(v);
    List<String> discretionText = discretion(record, v);
    LocalDate opened = firstDate(v, "filingDate", "clueDate");
    if (opened == null) {
      opened = file.createdAt().atZone(Dates.ZONE).toLocalDate();
    }
    LocalDate closedOn = closed ? firstDate(v, "closedDate") : null;
    if (closed && closedOn == null) {
      closedOn = file.updatedAt().atZone(Dates.ZONE).toLocalDate();
    }
    String outcome = closed ? Vocabulary.label(Vocabulary.OUTCOMES, file.outcome()) : CaseStatus.valueOf(file.status())
        .label() + "（办理中）";
    String retention = retention(v, file.outcome());
    String party = file.partyName() + "（" + Vocabulary.label(Vocabulary.PARTY_TYPES, file.partyType()) + "）";
    String cause = file.partyName() + violation(v, file.violationType()) + "案";
    String fingerprint = fingerprint(file, v, docs, evidence, discretionText, retention);
    return new DossierContent(caseNo, agency.name(), file.partyName(), party, cause, opened, closedOn, closed,
        outcome, retention, docs, evidence, discretionText, trail(caseNo), fingerprint);
  }

  private List<DossierContent.Doc> documents(String caseNo, Map<String, Object> v) {
    List<GeneratedDocument> list = new ArrayList<>(documents.list(caseNo).stream()
        .filter(d -> RANK.containsKey(d.type())).toList());
    list.sort(Comparator.comparing((GeneratedDocument d) -> RANK.get(d.type()))
        .thenComparing(GeneratedDocument::createdAt).thenComparing(GeneratedDocument::id));
    List<DossierContent.Doc> out = new ArrayList<>();
    for (GeneratedDocument d : list) {
      String title = d.title() + (d.version() > 1 ? "（第" + d.version() + "份）" : "");
      out.add(new DossierContent.Doc(d.id(), RANK.get(d.type()), title, docNo(d.type(), caseNo, v),
          COURT.contains(d.type()) ? agency.court() : agency.name(), d.createdAt().atZone(Dates.ZONE).toLocalDate(),
          () -> documents.pdf(caseNo, d.id())));
    }
    return out;
  }

  private static String docNo(DocumentType type, String caseNo, Map<String, Object> v) {
    return switch (type) {
      case PENALTY_DECISION, NO_PENALTY_DECISION, PRIOR_NOTICE, FILING_APPROVAL -> caseNo;
      case CORRECTION_ORDER -> text(v.get("correctionOrderNo"));
      case DAILY_PENALTY_DECISION -> text(v.get("dailyPenaltyDecisionNo"));
      default -> COURT.contains(type) ? text(v.get("courtDocketNo")) : "";
    };
  }

  /**
   * The investigation form's evidence list, one item a line; a line may give the source and what the item proves
   * after 「；」 or 「|」 (名称；来源；证明内容). Where it does not, the source is the investigating officers and what
   * the item proves is read from its kind.
   */
  static List<DossierContent.Evidence> evidence(Map<String, Object> v) {
    List<DossierContent.Evidence> out = new ArrayList<>();
    Object list = v.get("evidence");
    if (list == null) {
      return out;
    }
    String officers = text(v.get("officers"));
    String defaultSource = officers.isBlank() ? "本机关执法人员调查收集" : "本机关执法人员" + officers + "调查收集";
    for (String line : list.toString().split("\\R")) {
      String item = line.strip().replaceFirst("^\\d+[.、．]\\s*", "");
      if (item.isEmpty()) {
        continue;
      }
      String[] parts = item.split("\\s*[；;|｜\\t]\\s*", 3);
      String name = parts[0];
      String source = parts.length > 1 && !parts[1].isBlank() ? parts[1] : defaultSource;
      String proves = parts.length > 2 && !parts[2].isBlank() ? parts[2] : proves(name);
      out.add(new DossierContent.Evidence(name, source, proves));
    }
    return out;
  }

  private static String proves(String name) {
    String[][] kinds = {
        {"监测", "污染物排放浓度及超标情况"}, {"检测", "污染物排放浓度及超标情况"}, {"化验", "污染物排放浓度及超标情况"},
        {"检查笔录", "现场检查情况及违法行为事实"}, {"勘察笔录", "现场检查情况及违法行为事实"},
        {"询问笔录", "当事人对违法事实的陈述"}, {"调查笔录", "当事人对违法事实的陈述"},
        {"照片", "现场状况及违法行为事实"}, {"视频", "现场状况及违法行为事实"}, {"录像", "现场状况及违法行为事实"},
        {"营业执照", "当事人的主体资格"}, {"身份证", "当事人的身份"}, {"法定代表人", "当事人的主体资格"},
        {"许可证", "当事人的排污许可情况"}, {"环评", "建设项目环境影响评价审批情况"},
        {"台账", "生产及污染防治设施运行情况"}, {"鉴定", "损害后果及其程度"}, {"评估", "损害后果及其程度"},
        {"合同", "相关经营活动事实"}, {"发票", "相关经营活动事实"}};
    for (String[] k : kinds) {
      if (name.contains(k[0])) {
        return k[1];
      }
    }
    return "本案违法事实";
  }

  private static List<String> discretion(Optional<DiscretionRecord> record, Map<String, Object> v) {
    List<String> out = new ArrayList<>();
    if (record.isEmpty()) {
      out.add("本案未进行行政处罚自由裁量计算（案件未进入处罚裁量环节）。");
      return out;
    }
    DiscretionRecord r = record.get();
    for (String line : r.result().summary().split("\n")) {
      if (!line.isBlank() && !line.equals("行政处罚自由裁量情况")) {
        out.add(line.stripTrailing());
      }
    }
    if (r.result().violatedProvision() != null) {
      out.add("违反的条款：" + r.result().violatedProvision());
    }
    out.add("处罚依据：" + r.result().legalBasis());
    if (r.officerFine() != null) {
      out.add("承办人拟处罚款：" + yuan(r.officerFine()));
      boolean deviates = r.officerFine().compareTo(r.result().fineAmount()) != 0;
      out.add("偏离基准的理由：" + (!deviates ? "未偏离裁量基准"
          : r.deviationReason() == null || r.deviationReason().isBlank() ? "（未写明）" : r.deviationReason()));
    }
    if (v.get("fineAmount") instanceof Number fine && v.get("decisionDate") != null) {
      out.add("决定罚款：" + yuan(java.math.BigDecimal.valueOf(fine.doubleValue())));
    }
    return out;
  }

  private DossierContent.Trail trail(String caseNo) {
    AuditTrail.Snapshot snapshot = trail.snapshot(caseNo);
    List<AuditEntry> entries = snapshot.entries();
    if (entries.isEmpty()) {
      return new DossierContent.Trail(0, false, "本案尚无留痕记录", null, "—", List.of());
    }
    AuditEntry head = entries.get(entries.size() - 1);
    Map<String, String> names = new HashMap<>();
    List<DossierContent.Step> steps = new ArrayList<>();
    for (AuditEntry e : entries) {
      String what = step(e);
      if (what != null) {
        steps.add(new DossierContent.Step(MINUTE.format(e.occurredAt()),
            names.computeIfAbsent(String.valueOf(e.userId()), this::person), what));
      }
    }
    return new DossierContent.Trail(entries.size(), snapshot.verification().valid(),
        snapshot.verification().valid() ? "完整（共校验" + snapshot.verification().checked() + "条记录，未发现改动、缺失或截断）"
            : "不完整：" + snapshot.verification().reason(),
        head.seq(), code(head.hash()), steps);
  }

  /**
   * The verification code: the first 64 bits of the MAC of the trail's last entry (its {@code hash} in
   * {@code GET /api/cases/{caseNo}/trail}), in decimal, in groups of four digits. Whoever holds the dossier can
   * compare it with the trail: a trail rewritten after archiving no longer ends in this code.
   */
  static String code(String hash) {
    if (hash == null || hash.length() < 16) {
      return "—";
    }
    String digits = String.format("%020d", new BigInteger(hash.substring(0, 16), 16));
    return String.join("-", digits.substring(0, 4), digits.substring(4, 8), digits.substring(8, 12),
        digits.substring(12, 16), digits.substring(16, 20));
  }

  private String step(AuditEntry e) {
    String detail = e.detail();
    switch (e.action()) {
      case "PROCESS_STARTED":
        return "启动流程：" + PROCESSES.getOrDefault(e.target(), "关联流程");
      case "PROCESS_ENDED":
        return "流程结束：" + PROCESSES.getOrDefault(e.target(), "关联流程");
      case "TASK_COMPLETED": {
        String name = field(detail, "taskName");
        if (name == null && e.target() != null) {
          int space = e.target().indexOf(' ');
          name = space < 0 ? null : e.target().substring(space + 1);
        }
        return "办理：" + (name == null ? "任务" : name);
      }
      case "DECISION_EVALUATED":
        return switch (String.valueOf(e.target())) {
          case "penalty-discretion" -> "决策计算：行政处罚自由裁量基准";
          case "procedure-requirements" -> "决策计算：确定法定程序（听证、法制审核、集体讨论）";
          case "violation-provision" -> "决策计算：确定违反的条款和处罚依据";
          default -> "决策计算";
        };
      case "DOCUMENT_GENERATED": {
        String title = field(detail, "title");
        return "生成文书：" + (title == null ? "文书" : title);
      }
      default:
        return null;
    }
  }

  private String field(String detail, String name) {
    if (detail == null) {
      return null;
    }
    try {
      JsonNode node = json.readTree(detail).get(name);
      return node == null || node.isNull() ? null : node.asText();
    } catch (Exception e) {
      return null;
    }
  }

  /** A user by name (张伟（执法人员）), the platform for its own work. */
  private String person(String userId) {
    if (userId == null || "null".equals(userId) || "system".equals(userId)) {
      return "平台自动处理";
    }
    if ("anonymous".equals(userId)) {
      return "未登录";
    }
    User user = variables.asPlatform(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String first = text(user.getFirstName());
    String last = text(user.getLastName());
    return last.isBlank() ? first : first + "（" + last + "）";
  }

  private String retention(Map<String, Object> v, String outcome) {
    boolean major = Boolean.TRUE.equals(v.get("hearingRequested")) || Boolean.TRUE.equals(v.get("legalReviewRequired"))
        || Boolean.TRUE.equals(v.get("collectiveDiscussionRequired")) || "COURT_ENFORCEMENT".equals(outcome)
        || "JUDGMENT_ENFORCEMENT".equals(outcome) || "TRANSFERRED_TO_POLICE".equals(outcome);
    if (major) {
      return retentionMajor;
    }
    boolean decided = v.get("decisionDate") != null && !"NO_PENALTY".equals(outcome);
    return decided ? retentionStandard : retentionMinor;
  }

  private static String violation(Map<String, Object> v, String type) {
    String label = v.get("violationConduct") != null
        ? Vocabulary.label(Vocabulary.VIOLATION_CONDUCTS, v.get("violationConduct"))
        : Vocabulary.label(Vocabulary.VIOLATION_TYPES, type);
    if (label == null) {
      return "环境违法";
    }
    int paren = label.indexOf('（');
    return paren > 0 ? label.substring(0, paren) : label;
  }

  private static String fingerprint(CaseFile file, Map<String, Object> v, List<DossierContent.Doc> docs,
      List<DossierContent.Evidence> evidence, List<String> discretion, String retention) {
    StringBuilder s = new StringBuilder();
    s.append(file.caseNo()).append('|').append(file.partyName()).append('|').append(file.partyId()).append('|')
        .append(file.status()).append('|').append(file.outcome()).append('|').append(retention).append('\n');
    for (String key : new String[] {"filingDate", "decisionDate", "serviceDate", "paidDate", "closedDate",
        "fineAmount", "officers", "caseOutcome"}) {
      s.append(key).append('=').append(v.get(key)).append('\n');
    }
    docs.forEach(d -> s.append("doc ").append(d.id()).append(' ').append(d.title()).append('\n'));
    evidence.forEach(e -> s.append("ev ").append(e).append('\n'));
    discretion.forEach(d -> s.append("dis ").append(d).append('\n'));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate firstDate(Map<String, Object> v, String... keys) {
    for (String key : keys) {
      Object value = v.get(key);
      if (value != null && !value.toString().isBlank()) {
        return Dates.toLocalDate(value);
      }
    }
    return null;
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  static String yuan(java.math.BigDecimal amount) {
    return new java.text.DecimalFormat("#,##0.##").format(amount) + "元";
  }
}
