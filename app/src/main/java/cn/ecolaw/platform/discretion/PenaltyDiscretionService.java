package cn.ecolaw.platform.discretion;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the deployed {@code penalty-discretion} and {@code procedure-requirements} decisions through the
 * Camunda {@link DecisionService} and keeps the results of a case. The rules themselves live only in the DMN
 * files; this class validates, calls, and records.
 */
@Service
public class PenaltyDiscretionService {

  public static final String DECISION_KEY = "penalty-discretion";
  public static final String PROCEDURE_DECISION_KEY = "procedure-requirements";
  /** The provision broken and the penalty item per violation type and conduct (APL 59), part of the same DRG. */
  public static final String PROVISION_DECISION_KEY = "violation-provision";

  private static final Set<String> PARTY_TYPES = Set.of("ENTERPRISE", "INDIVIDUAL");
  private static final Set<String> MEASURES =
      Set.of("NONE", "SUSPEND_PRODUCTION", "SUSPEND_BUSINESS", "CLOSE", "LICENCE_REVOCATION", "CONFISCATION");

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final DiscretionRecordRepository records;

  /** The province's "较大数额" for hearings, when it differs from MEE-PM 89 (null: the decision's defaults). */
  private final BigDecimal hearingThresholdIndividual;
  private final BigDecimal hearingThresholdOrganisation;

  public PenaltyDiscretionService(
      DecisionService decisions, RepositoryService repository, DiscretionRecordRepository records) {
    this(decisions, repository, records, null, null);
  }

  /**
   * With the province's hearing thresholds (configuration {@code platform.hearing.threshold-individual} and
   * {@code platform.hearing.threshold-organisation}, yuan); empty means MEE-PM 89: 5,000 / 200,000 yuan.
   */
  @org.springframework.beans.factory.annotation.Autowired
  public PenaltyDiscretionService(DecisionService decisions, RepositoryService repository,
      DiscretionRecordRepository records,
      @org.springframework.beans.factory.annotation.Value("${platform.hearing.threshold-individual:}")
      String hearingThresholdIndividual,
      @org.springframework.beans.factory.annotation.Value("${platform.hearing.threshold-organisation:}")
      String hearingThresholdOrganisation) {
    this.decisions = decisions;
    this.repository = repository;
    this.records = records;
    this.hearingThresholdIndividual = threshold(hearingThresholdIndividual);
    this.hearingThresholdOrganisation = threshold(hearingThresholdOrganisation);
  }

  private static BigDecimal threshold(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    BigDecimal amount = new BigDecimal(value.trim());
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("听证较大数额标准必须大于零：" + value);
    }
    return amount;
  }

  public DiscretionResult evaluate(DiscretionInput input) {
    if (input == null) {
      throw PlatformException.badRequest("DISC-001", "未知的违法行为类型：（空）");
    }
    Map<String, Object> variables = check(input);
    DecisionDefinition definition = latestDefinition(DECISION_KEY);
    DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId()).variables(variables).evaluate();
    DmnDecisionResultEntries row = result.getFirstResult();
    if (row == null) {
      throw PlatformException.conflict("DISC-091", "裁量基准未给出结果，请联系政策分析员检查决策表 " + DECISION_KEY);
    }
    return new DiscretionResult(
        row.getEntry("outcome"),
        amount(row.getEntry("fineAmount")),
        amount(row.getEntry("fineMin")),
        amount(row.getEntry("fineMax")),
        row.getEntry("legalBasis"),
        row.getEntry("violatedProvision"),
        row.getEntry("conductKind"),
        definition.getKey(),
        definition.getVersion(),
        definition.getId(),
        variables,
        Instant.now());
  }

  /**
   * Refuses (HTTP 400) what the decision cannot judge: invalid inputs, a conduct that names no provision of the
   * violation type, a missing disposal cost. Used when the investigation is completed, before anything is stored.
   */
  public Map<String, Object> check(DiscretionInput input) {
    if (input == null) {
      throw PlatformException.badRequest("DISC-001", "未知的违法行为类型：（空）");
    }
    input.validate();
    Map<String, Object> variables = input.toVariables();
    checkConduct(input, variables);
    return variables;
  }

  /**
   * APL 59: the conduct the officer confirmed must name a provision broken for this violation type (the
   * {@code violation-provision} decision); a fine counted in disposal costs needs the cost.
   */
  private void checkConduct(DiscretionInput input, Map<String, Object> variables) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionById(latestDefinition(PROVISION_DECISION_KEY).getId())
        .variables(variables).evaluate().getFirstResult();
    if (row == null || row.getEntry("violatedProvision") == null) {
      throw PlatformException.badRequest("DISC-015", "请选择与违法行为类型“" + ViolationTypes.name(input.violationType())
          + "”相符的具体违法情形，以确定当事人违反的法律条款（行政处罚法第五十九条第（二）项）");
    }
    if ("DISPOSAL_COST".equals(row.getEntry("conductKind"))
        && (input.disposalCost() == null || input.disposalCost().signum() <= 0)) {
      throw PlatformException.badRequest("DISC-016", "本违法情形按所需处置费用的三倍以上五倍以下处以罚款"
          + "（固体废物污染环境防治法第一百一十二条），请填写大于零的所需处置费用（元）");
    }
  }

  @Transactional
  public DiscretionResult evaluateAndRecord(String caseNo, DiscretionInput input) {
    requireCaseNo(caseNo);
    DiscretionResult result = evaluate(input);
    records.insert(caseNo, result, Instant.now());
    return result;
  }

  public Optional<DiscretionRecord> latest(String caseNo) {
    requireCaseNo(caseNo);
    return records.latest(caseNo);
  }

  public List<DiscretionRecord> history(String caseNo) {
    requireCaseNo(caseNo);
    return records.history(caseNo);
  }

  /**
   * Records the fine the officer proposes against the latest benchmark. A different amount needs a written reason
   * (DISC-010); an amount outside the statutory range is refused unless the benchmark itself says MITIGATED (DISC-011).
   */
  @Transactional
  public void recordOfficerFine(String caseNo, BigDecimal officerFine, String deviationReason) {
    requireCaseNo(caseNo);
    if (officerFine == null || officerFine.signum() < 0) {
      throw PlatformException.badRequest("DISC-013", "拟处罚款金额必须填写且不能为负数");
    }
    DiscretionRecord latest = records.latest(caseNo).orElseThrow(() ->
        PlatformException.notFound("DISC-012", "案件" + caseNo + "尚无裁量计算记录，请先进行裁量计算"));
    DiscretionResult benchmark = latest.result();
    boolean deviates = officerFine.compareTo(benchmark.fineAmount()) != 0;
    if (deviates && outsideAllowedRange(officerFine, benchmark)) {
      throw PlatformException.badRequest("DISC-011", "拟处罚款金额" + DiscretionResult.yuan(officerFine)
          + "超出法定罚款幅度（" + DiscretionResult.yuan(benchmark.fineMin()) + "至"
          + DiscretionResult.yuan(benchmark.fineMax()) + "），且不符合减轻处罚情形");
    }
    String reason = deviationReason == null ? null : deviationReason.trim();
    if (deviates && (reason == null || reason.isEmpty())) {
      throw PlatformException.badRequest("DISC-010", "拟处罚款金额偏离裁量基准，须书面说明理由");
    }
    records.updateOfficerFine(latest.id(), officerFine, reason == null || reason.isEmpty() ? null : reason);
  }

  public ProcedureRequirements requirements(
      String partyType, BigDecimal proposedFine, String measure, boolean complexCase, boolean majorPublicInterest) {
    if (partyType == null || !PARTY_TYPES.contains(partyType)) {
      throw PlatformException.badRequest("DISC-030", "当事人类型必须是 ENTERPRISE（单位）或 INDIVIDUAL（个人）：" + partyType);
    }
    String m = measure == null || measure.isBlank() ? "NONE" : measure;
    if (!MEASURES.contains(m)) {
      throw PlatformException.badRequest("DISC-031", "未知的处罚措施：" + measure);
    }
    if (proposedFine == null || proposedFine.signum() < 0) {
      throw PlatformException.badRequest("DISC-032", "拟罚款金额必须填写且不能为负数");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("partyType", partyType);
    variables.put("proposedFine", proposedFine.doubleValue());
    variables.put("measure", m);
    variables.put("complexCase", complexCase);
    variables.put("majorPublicInterest", majorPublicInterest);
    variables.put("hearingThresholdIndividual",
        hearingThresholdIndividual == null ? null : hearingThresholdIndividual.doubleValue());
    variables.put("hearingThresholdOrganisation",
        hearingThresholdOrganisation == null ? null : hearingThresholdOrganisation.doubleValue());
    DecisionDefinition definition = latestDefinition(PROCEDURE_DECISION_KEY);
    Object value = decisions.evaluateDecisionById(definition.getId()).variables(variables).evaluate().getSingleEntry();
    if (!(value instanceof Map<?, ?> map)) {
      throw PlatformException.conflict("DISC-091", "程序要求决策未给出结果，请检查决策 " + PROCEDURE_DECISION_KEY);
    }
    return new ProcedureRequirements(
        Boolean.TRUE.equals(map.get("hearingRight")),
        Boolean.TRUE.equals(map.get("legalReviewRequired")),
        Boolean.TRUE.equals(map.get("collectiveDiscussionRequired")));
  }

  private static boolean outsideAllowedRange(BigDecimal fine, DiscretionResult benchmark) {
    boolean aboveMax = fine.compareTo(benchmark.fineMax()) > 0;
    boolean belowMin = fine.compareTo(benchmark.fineMin()) < 0;
    if ("MITIGATED".equals(benchmark.outcome())) {
      return aboveMax;
    }
    return aboveMax || belowMin;
  }

  private DecisionDefinition latestDefinition(String key) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).latestVersion().singleResult();
    if (definition == null) {
      throw PlatformException.conflict("DISC-090", "裁量决策 " + key + " 尚未部署");
    }
    return definition;
  }

  private static BigDecimal amount(Object value) {
    BigDecimal d = VariableValues.decimal(value, "金额");
    return d == null ? null : d.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static void requireCaseNo(String caseNo) {
    if (caseNo == null || caseNo.isBlank()) {
      throw PlatformException.badRequest("DISC-014", "案号不能为空");
    }
  }
}
