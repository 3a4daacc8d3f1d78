package cn.ecolaw.platform.discretion;

import static cn.ecolaw.platform.discretion.DecisionProbe.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service against the real engine and a Flyway-migrated H2 database. */
class PenaltyDiscretionServiceTest {

  private static final String CASE = "湖环罚〔2026〕12号";
  private PenaltyDiscretionService service;

  @BeforeEach
  void setUp() {
    service = DiscretionTestEngine.service();
  }

  private static DiscretionInput typical() {
    return input("WATER_EXCEED", "0.35", 7, false, 1, false, false, false, null);
  }

  @Test
  void evaluateReportsTheDeployedDecisionVersionAndInputs() {
    DecisionDefinition deployed = DiscretionTestEngine.engine().getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey("penalty-discretion").latestVersion().singleResult();

    DiscretionResult r = service.evaluate(typical());

    assertThat(r.decisionKey()).isEqualTo("penalty-discretion");
    assertThat(r.decisionVersion()).isEqualTo(deployed.getVersion());
    assertThat(r.decisionDefinitionId()).isEqualTo(deployed.getId());
    assertThat(r.outcome()).isEqualTo("STANDARD");
    assertThat(r.fineAmount()).isBetween(r.fineMin(), r.fineMax());
    assertThat(r.fineMin()).isEqualByComparingTo("100000");
    assertThat(r.legalBasis()).isEqualTo("《中华人民共和国水污染防治法》第八十三条第（二）项");
    assertThat(r.violatedProvision()).isEqualTo("《中华人民共和国水污染防治法》第十条");
    assertThat(r.inputs()).containsEntry("violationType", "WATER_EXCEED").containsEntry("durationDays", 7);
    assertThat(r.evaluatedAt()).isNotNull();
  }

  @Test
  void summaryNamesTheDecisionVersionEveryInputAndEveryOutputInChinese() {
    DiscretionResult r = service.evaluate(typical());

    String summary = r.summary();

    assertThat(summary).contains("裁量基准（" + r.decisionVersion() + "版）",
        "违法行为类型：超标或超总量排放水污染物",
        "超标比例：35%", "违法行为持续天数：7日",
        "是否位于敏感区域：否", "两年内违法次数（含本次）：1次", "是否初次违法：否", "是否及时改正：否",
        "是否造成危害后果：否", "建设项目总投资额：不适用", "从轻或者减轻处罚情节（行政处罚法第三十二条）：无",
        "裁量等级：一般处罚", "处罚种类：罚款",
        "法定罚款幅度：100,000元至1,000,000元");
    assertThat(summary).as("stated once, in the body of the document").doesNotContain("第八十三条", "第十条");
    // issue 9: a party reads this text; no internal code, no decision key or definition id
    assertThat(summary).doesNotContainPattern("[A-Z_]{3,}").doesNotContain(r.decisionDefinitionId())
        .doesNotContain("penalty-discretion");
    assertThat(summary).contains("基准罚款金额：" + DiscretionResult.yuan(r.fineAmount()));
    assertThat(r.outcomeLabel()).isEqualTo("一般处罚");
  }

  @Test
  void invalidInputIsRefusedBeforeTheEngineIsAsked() {
    assertThatThrownBy(() -> service.evaluate(input("NOISE", "0.1", 1, false, 1, false, false, false, null)))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.getCode()).isEqualTo("DISC-001");
          assertThat(e.getMessage()).isEqualTo("未知的违法行为类型：NOISE");
        });
  }

  @Test
  void evaluateAndRecordKeepsEveryEvaluationOfACase() {
    service.evaluateAndRecord(CASE, typical());
    DiscretionResult second = service.evaluateAndRecord(CASE,
        input("WATER_EXCEED", "2.5", 40, true, 3, false, false, true, null));
    service.evaluateAndRecord("湖环罚〔2026〕13号", typical());

    DiscretionRecord latest = service.latest(CASE).orElseThrow();

    assertThat(service.history(CASE)).hasSize(2);
    assertThat(latest.result().outcome()).isEqualTo("HEAVIER");
    assertThat(latest.result().fineAmount()).isEqualByComparingTo(second.fineAmount());
    assertThat(latest.result().decisionVersion()).isEqualTo(second.decisionVersion());
    assertThat(latest.result().inputs()).containsEntry("sensitiveArea", true).containsEntry("violationsIn2Years", 3);
    assertThat(latest.result().summary()).contains("超标比例：250%");
    assertThat(latest.officerFine()).isNull();
    assertThat(service.latest("湖环罚〔2026〕99号")).isEmpty();
  }

  @Test
  void officerMayProposeTheBenchmarkWithoutReason() {
    DiscretionResult r = service.evaluateAndRecord(CASE, typical());

    service.recordOfficerFine(CASE, r.fineAmount(), " ");

    DiscretionRecord latest = service.latest(CASE).orElseThrow();
    assertThat(latest.officerFine()).isEqualByComparingTo(r.fineAmount());
    assertThat(latest.deviationReason()).isNull();
  }

  @Test
  void deviationWithoutWrittenReasonIsRefusedAndNothingIsStored() {
    DiscretionResult r = service.evaluateAndRecord(CASE, typical());
    BigDecimal other = r.fineAmount().add(new BigDecimal("10000"));

    assertThatThrownBy(() -> service.recordOfficerFine(CASE, other, "  "))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.getCode()).isEqualTo("DISC-010");
          assertThat(e.getMessage()).isEqualTo("拟处罚款金额偏离裁量基准，须书面说明理由");
        });
    assertThat(service.latest(CASE).orElseThrow().officerFine()).isNull();

    service.recordOfficerFine(CASE, other, "当事人拒不配合调查");
    assertThat(service.latest(CASE).orElseThrow().deviationReason()).isEqualTo("当事人拒不配合调查");
  }

  @Test
  void fineOutsideTheStatutoryRangeIsRefusedEvenWithAReason() {
    service.evaluateAndRecord(CASE, typical());

    for (String fine : new String[] {"99999", "1000001", "0"}) {
      assertThatThrownBy(() -> service.recordOfficerFine(CASE, new BigDecimal(fine), "理由充分"))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-011"));
    }
  }

  @Test
  void mitigatedBenchmarkAllowsAFineBelowTheMinimumButNotAboveTheMaximum() {
    DiscretionResult r = service.evaluateAndRecord(CASE,
        input("WATER_EXCEED", "0.3", 7, false, 1, false, true, false, null)
            .with(null, null, true, false, false, false, false));
    assertThat(r.outcome()).isEqualTo("MITIGATED");
    assertThat(r.fineAmount()).isLessThan(r.fineMin());

    service.recordOfficerFine(CASE, new BigDecimal("60000"), "参照同类案件");
    assertThatThrownBy(() -> service.recordOfficerFine(CASE, new BigDecimal("1000001"), "理由"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-011"));
    assertThat(service.latest(CASE).orElseThrow().officerFine()).isEqualByComparingTo("60000");
  }

  @Test
  void officerFineNeedsAnEvaluationFirst() {
    assertThatThrownBy(() -> service.recordOfficerFine("湖环罚〔2026〕77号", BigDecimal.TEN, "x"))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.getCode()).isEqualTo("DISC-012");
          assertThat(e.getStatus()).isEqualTo(404);
        });
  }

  /** APL 59: the officer's conduct must belong to the violation type; solid waste cases must name one. */
  @Test
  void apl59ConductMustNameAProvisionOfTheViolationType() {
    for (DiscretionInput in : new DiscretionInput[] {
        input("WATER_EXCEED", "0.3", 7, false, 1, false, false, false, null)
            .with("HW_DUMPING", null, false, false, false, false, false),
        input("HAZARDOUS_WASTE", null, 7, false, 1, false, false, false, null)}) {
      assertThatThrownBy(() -> service.evaluate(in))
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.getCode()).isEqualTo("DISC-015");
            assertThat(e.getStatus()).isEqualTo(400);
          });
    }
  }

  /** Solid waste law 112 ¶2: a fine counted in disposal costs needs the cost. */
  @Test
  void swl112DisposalCostIsRequiredForItemsCountedInCost() {
    assertThatThrownBy(() -> service.evaluate(input("HAZARDOUS_WASTE", null, 7, false, 1, false, false, false, null)
        .with("HW_DUMPING", null, false, false, false, false, false)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.getCode()).isEqualTo("DISC-016"));
    DiscretionResult r = service.evaluate(input("HAZARDOUS_WASTE", null, 7, false, 1, false, false, false, null)
        .with("HW_DUMPING", new BigDecimal("300000"), false, false, false, false, false));
    assertThat(r.fineMin()).isEqualByComparingTo("900000");
    assertThat(r.fineMax()).isEqualByComparingTo("1500000");
    assertThat(r.summary()).contains("所需处置费用：300,000元");
  }

  /** EPL 63 (三): evasion of supervision is recorded as such and the summary says transfer is to be reviewed. */
  @Test
  void epl63EvasionOfSupervisionIsFlagged() {
    DiscretionResult r = service.evaluate(input("WATER_EXCEED", "0.05", 1, false, 1, true, true, false, null)
        .with("WATER_EVASION", null, false, false, false, false, false));
    assertThat(r.evasionOfSupervision()).isTrue();
    assertThat(r.outcome()).isNotEqualTo("NO_PENALTY");
    assertThat(r.summary()).contains("逃避监管", "第六十三条");
  }
}
