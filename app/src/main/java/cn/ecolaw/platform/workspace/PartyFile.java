package cn.ecolaw.platform.workspace;

import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.enforcement.PartyIds;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 一源一档: the file of one party (a unified social credit code or an ID number): every case, penalty, injunction and
 * restoration, with totals, so that a repeat offender shows at a glance. A caller sees the cases its unit may see,
 * nothing of the others (a party none of whose cases the caller may see answers 404, as a party without cases).
 *
 * <p>The same register counts {@code violationsIn2Years} for the discretion (engine-internal, every unit's cases).
 */
@Service
public class PartyFile {

  /** Outcomes that establish no violation: the case was not filed, or the decision was revoked. */
  static final Set<String> NO_VIOLATION = Set.of("NOT_FILED", "REVOKED");
  static final Set<String> DECIDED_STATUSES = Set.of("SERVING", "PAYMENT", "REMINDER", "AT_COURT");

  private final JdbcTemplate jdbc;
  private final CaseAccess access;
  private final HistoryService history;

  public PartyFile(JdbcTemplate jdbc, CaseAccess access, HistoryService history) {
    this.jdbc = jdbc;
    this.access = access;
    this.history = history;
  }

  public record CaseLine(String caseNo, String partyName, String region, String violationTypeLabel, String status,
      String statusLabel, String outcome, String outcomeLabel, Instant createdAt, Object fineAmount, boolean penalty,
      boolean violation) {}

  public record ProcessLine(String processKey, String processLabel, String processInstanceId, String businessKey,
      String caseNo, boolean active, String outcome, Instant started) {}

  public record Totals(int cases, int openCases, int penalties, BigDecimal fineTotal, int injunctions,
      int restorations, int violationsIn2Years, boolean repeatOffender) {}

  public record View(String partyId, String partyIdKind, String partyName, List<String> names, String partyTypeLabel,
      Totals totals, List<CaseLine> cases, List<ProcessLine> injunctions, List<ProcessLine> restorations) {}

  private record Row(String caseNo, String pid, String partyName, String partyType, String region, String violationType,
      String status, String outcome, Instant createdAt) {}

  public View of(String partyId) {
    String id = partyId == null ? "" : partyId.trim().toUpperCase(java.util.Locale.ROOT);
    String kind = PartyIds.isUnifiedSocialCreditCode(id) ? "统一社会信用代码"
        : PartyIds.isCitizenId(id) ? "居民身份证号码" : null;
    if (kind == null) {
      throw PlatformException.badRequest("PARTY-001",
          "当事人代码不正确：应为18位统一社会信用代码（GB 32100-2015，含校验位）或18位居民身份证号码");
    }
    List<Row> rows = rows(id).stream().filter(r -> access.mayRead(r.caseNo())).toList();
    if (rows.isEmpty()) {
      throw PlatformException.notFound("PARTY-404", "未找到当事人" + id + "在本单位可查看的案件");
    }
    Map<String, Map<String, Object>> vars = variables(rows);
    List<CaseLine> cases = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    BigDecimal fines = BigDecimal.ZERO;
    int open = 0;
    int penalties = 0;
    for (Row r : rows) {
      names.add(r.partyName());
      Object fine = vars.getOrDefault(r.pid(), Map.of()).get("fineAmount");
      boolean penalty = fine instanceof Number n && n.doubleValue() > 0 && decided(r);
      if (penalty) {
        penalties++;
        fines = fines.add(new BigDecimal(fine.toString()));
      }
      if (!CaseStatus.CLOSED.name().equals(r.status())) {
        open++;
      }
      cases.add(new CaseLine(r.caseNo(), r.partyName(), r.region(),
          Vocabulary.label(Vocabulary.VIOLATION_TYPES, r.violationType()), r.status(),
          CaseStatus.valueOf(r.status()).label(), r.outcome(), Vocabulary.label(Vocabulary.OUTCOMES, r.outcome()),
          r.createdAt(), penalty ? fine : null, penalty, !NO_VIOLATION.contains(String.valueOf(r.outcome()))));
    }
    Set<String> caseNos = new LinkedHashSet<>();
    rows.forEach(r -> caseNos.add(r.caseNo()));
    List<ProcessLine> injunctions = processes("injunction", caseNos, Map.of("respondentId", id));
    List<ProcessLine> restorations = processes("restoration", caseNos, Map.of());
    int recent = violationsIn2Years(id, null, Instant.now(), rows);
    Row first = rows.get(0);
    return new View(id, kind, first.partyName(), List.copyOf(names),
        Vocabulary.label(Vocabulary.PARTY_TYPES, first.partyType()),
        new Totals(rows.size(), open, penalties, fines, injunctions.size(), restorations.size(), recent, recent >= 2),
        cases, injunctions, restorations);
  }

  /**
   * Violations of the party within two years before {@code asOf}, this case included: the party's earlier cases
   * (every unit's) except those not filed or revoked, plus one for this case.
   */
  public Computed violationsIn2Years(String partyId, String caseNo) {
    Instant asOf = rows(partyId).stream().filter(r -> r.caseNo().equals(caseNo)).map(Row::createdAt).findFirst()
        .orElse(Instant.now());
    List<Row> all = rows(partyId);
    List<String> earlier = counted(caseNo, asOf, all).stream().map(Row::caseNo).toList();
    return new Computed(earlier.size() + 1, earlier);
  }

  public record Computed(int count, List<String> earlierCases) {}

  private int violationsIn2Years(String partyId, String caseNo, Instant asOf, List<Row> rows) {
    return counted(caseNo, asOf, rows).size() + (caseNo == null ? 0 : 1);
  }

  private static List<Row> counted(String caseNo, Instant asOf, List<Row> rows) {
    Instant from = ZonedDateTime.ofInstant(asOf, cn.ecolaw.platform.shared.Dates.ZONE).minusYears(2).toInstant();
    return rows.stream()
        .filter(r -> !r.caseNo().equals(caseNo))
        .filter(r -> !r.createdAt().isBefore(from) && !r.createdAt().isAfter(asOf))
        .filter(r -> !NO_VIOLATION.contains(String.valueOf(r.outcome())))
        .toList();
  }

  private static boolean decided(Row r) {
    return DECIDED_STATUSES.contains(r.status())
        || CaseStatus.CLOSED.name().equals(r.status()) && r.outcome() != null
            && !Set.of("NOT_FILED", "REVOKED", "NO_PENALTY", "TRANSFERRED_TO_POLICE").contains(r.outcome());
  }

  private List<Row> rows(String partyId) {
    return jdbc.query("SELECT * FROM case_file WHERE UPPER(party_id) = ? ORDER BY created_at DESC, case_no",
        (rs, n) -> new Row(rs.getString("case_no"), rs.getString("process_instance_id"), rs.getString("party_name"),
            rs.getString("party_type"), rs.getString("region"), rs.getString("violation_type"), rs.getString("status"),
            rs.getString("outcome"), timestamp(rs.getTimestamp("created_at"))), partyId);
  }

  private static Instant timestamp(Timestamp t) {
    return t == null ? Instant.EPOCH : t.toInstant();
  }

  private Map<String, Map<String, Object>> variables(List<Row> rows) {
    String[] pids = rows.stream().map(Row::pid).filter(java.util.Objects::nonNull).toArray(String[]::new);
    Map<String, Map<String, Object>> out = new HashMap<>();
    if (pids.length == 0) {
      return out;
    }
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(pids)
        .variableNameIn("fineAmount").list()) {
      out.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
    }
    return out;
  }

  /** Instances of the process that carry one of the case numbers, or whose variable equals the party's id. */
  private List<ProcessLine> processes(String key, Set<String> caseNos, Map<String, String> partyVariables) {
    Map<String, String> caseOf = new LinkedHashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().variableName("caseNo").list()) {
      if (v.getValue() != null && caseNos.contains(String.valueOf(v.getValue()))) {
        caseOf.put(v.getProcessInstanceId(), String.valueOf(v.getValue()));
      }
    }
    partyVariables.forEach((name, value) -> history.createHistoricVariableInstanceQuery().variableName(name)
        .variableValueEquals(name, value).list().forEach(v -> caseOf.putIfAbsent(v.getProcessInstanceId(), null)));
    if (caseOf.isEmpty()) {
      return List.of();
    }
    List<ProcessLine> out = new ArrayList<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processInstanceIds(caseOf.keySet())
        .processDefinitionKey(key).orderByProcessInstanceStartTime().desc().list()) {
      String outcome = Optional.ofNullable(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("caseOutcome").singleResult()).map(v -> String.valueOf(v.getValue())).orElse(null);
      out.add(new ProcessLine(key, WorkspaceCases.FLOWS.getOrDefault(key, key), pi.getId(), pi.getBusinessKey(),
          caseOf.get(pi.getId()), pi.getEndTime() == null, outcome, pi.getStartTime().toInstant()));
    }
    return out;
  }
}
