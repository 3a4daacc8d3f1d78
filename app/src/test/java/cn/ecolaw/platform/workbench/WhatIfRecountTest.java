package cn.ecolaw.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.DiscretionRecordRepository;
import cn.ecolaw.platform.discretion.DiscretionResult;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The what-if's counts equal a brute-force recount: every recorded discretion of the period and region read back
 * from the database and evaluated one by one with a stock standalone DMN engine on the draft file.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatIfRecountTest {

  static final String[] TYPES = {"WATER_EXCEED", "AIR_EXCEED", "SOLID_WASTE_GENERAL", "SOLID_WASTE_SERIOUS",
      "HAZARDOUS_WASTE", "EIA_UNAPPROVED"};
  /** A conduct of each type (solid and hazardous waste must name one, DISC-015). */
  static final String[] CONDUCTS = {"WATER_OVER_STANDARD", "AIR_OVER_STANDARD", "SW_NO_LEDGER", "SW_STORAGE_UNPROTECTED",
      "HW_TRANSFER", null};
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired PenaltyDiscretionService discretion;
  @Autowired DiscretionRecordRepository records;
  @Autowired JdbcTemplate jdbc;
  @Autowired WhatIf whatIf;
  @Autowired cn.ecolaw.platform.engine.DecisionEngines engines;

  @Test
  void whatIfCountsEqualABruteForceRecountPerTypeAndRegionWithinTheFilters() throws Exception {
    Logins.ensureDemoUsers(identity, filters, tasks);
    PlatformHttp analyst = new PlatformHttp(port).as("analyst1");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] regions = {"吴兴区-" + run, "南浔区-" + run};
    Random random = new Random(11);
    // given recorded discretions of past cases in two regions, in 2025 and 2026
    for (int i = 0; i < 60; i++) {
      int t = random.nextInt(TYPES.length);
      String type = TYPES[t];
      String caseNo = TestCases.caseNo();
      String region = regions[i % 2];
      jdbc.update("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
          + " clue_source, status, created_at, updated_at) VALUES (?, ?, 'ENTERPRISE', ?, ?, 'WATER', ?, 'PATROL',"
          + " 'CLOSED', ?, ?)", caseNo, "回放测试企业" + i, TestCases.uscc(), region, type,
          Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
      boolean violations = random.nextBoolean();
      DiscretionInput input = new DiscretionInput(type, BigDecimal.valueOf(new double[] {0.05, 0.3, 0.7, 1.5, 2.5}
          [random.nextInt(5)]), new int[] {3, 9, 25, 40}[random.nextInt(4)], random.nextBoolean(),
          violations ? 2 : 1, false, random.nextBoolean(), random.nextBoolean(),
          type.equals("EIA_UNAPPROVED") ? new BigDecimal("12345678") : null)
          .with(CONDUCTS[t], null, false, false, false, false, false);
      DiscretionResult result = discretion.evaluate(input);
      LocalDate day = i % 3 == 0 ? LocalDate.of(2025, 6, 1 + i % 28) : LocalDate.of(2026, 3, 1 + i % 28);
      records.insert(caseNo, result, day.atTime(10, 0).atZone(ZONE).toInstant());
    }
    // and a draft that raises the weight of the highest exceedance and lowers that of the longest duration
    String xml = Drafts.published(analyst, "penalty-discretion");
    xml = Drafts.withCell(xml, "Rule_factor_grades_5_out3", "0.5");
    xml = Drafts.withCell(xml, "Rule_factor_grades_10_out3", "0.15");
    long id = Drafts.save(analyst, "penalty-discretion", xml, "调整超标与持续时间的权重");

    for (Map<String, Object> filter : List.of(
        Map.<String, Object>of("region", regions[0]),
        Map.<String, Object>of("region", regions[1], "from", "2026-01-01", "to", "2026-12-31"),
        Map.<String, Object>of("region", regions[0], "violationType", "WATER_EXCEED"))) {
      // when
      JsonNode answer = analyst.postOk("/api/decisions/drafts/" + id + "/what-if", filter);
      // then
      Recount expected = recount(xml, filter);
      assertThat(answer.get("evaluated").asInt()).as("%s", filter).isEqualTo(expected.evaluated);
      assertThat(answer.get("changed").asInt()).as("%s", filter).isEqualTo(expected.changed);
      assertThat(answer.get("up").asInt()).as("%s", filter).isEqualTo(expected.up);
      assertThat(answer.get("down").asInt()).as("%s", filter).isEqualTo(expected.down);
      assertThat(answer.get("totalIncrease").decimalValue()).isEqualByComparingTo(expected.increase);
      assertThat(answer.get("totalDecrease").decimalValue()).isEqualByComparingTo(expected.decrease);
      assertThat(answer.get("cases")).hasSize(expected.changed);
      Map<String, Integer> byType = new HashMap<>();
      answer.get("byType").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().get("changed").asInt()));
      assertThat(byType).isEqualTo(expected.changedByType);
      Map<String, Integer> byRegion = new HashMap<>();
      answer.get("byRegion").fields().forEachRemaining(e -> byRegion.put(e.getKey(), e.getValue().get("evaluated").asInt()));
      assertThat(byRegion).isEqualTo(expected.evaluatedByRegion);
    }
    JsonNode all = analyst.postOk("/api/decisions/drafts/" + id + "/what-if", Map.of("region", regions[0]));
    assertThat(all.get("up").asInt()).as("the draft raises some fines").isPositive();
    assertThat(all.get("down").asInt()).as("and lowers others").isPositive();
    PlatformHttp.Response bad = analyst.post("/api/decisions/drafts/" + id + "/what-if",
        Map.of("from", "2026-13-01"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("code")).isEqualTo("WB-011");
  }

  @Test
  void theParallelReplayAnswersExactlyWhatTheOneThreadReplayAnswersOverRecordsSplitAcrossThreads() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] regions = {"德清县-" + run, "长兴县-" + run, "安吉县-" + run};
    Random random = new Random(23);
    // given 240 distinct recorded discretions, recorded 5,000 times over cases of three regions (many batches)
    List<DiscretionResult> distinct = new java.util.ArrayList<>();
    for (int i = 0; i < 240; i++) {
      int t = random.nextInt(TYPES.length);
      String type = TYPES[t];
      DiscretionInput input = new DiscretionInput(type, BigDecimal.valueOf(new double[] {0.05, 0.3, 0.7, 1.5, 2.5}
          [random.nextInt(5)]), new int[] {3, 9, 12, 17, 25, 40}[random.nextInt(6)], random.nextBoolean(),
          random.nextBoolean() ? 2 : 1, false, random.nextBoolean(), random.nextBoolean(),
          type.equals("EIA_UNAPPROVED") ? new BigDecimal("12345678") : null)
          .with(CONDUCTS[t], null, false, false, false, false, false);
      distinct.add(discretion.evaluate(input));
    }
    int n = 5000;
    List<Object[]> files = new java.util.ArrayList<>();
    List<Object[]> rows = new java.util.ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < n; i++) {
      DiscretionResult d = distinct.get(random.nextInt(distinct.size()));
      String caseNo = "回放并行-" + run + "-" + i;
      files.add(new Object[] {caseNo, "并行回放企业" + i, TestCases.uscc(), regions[random.nextInt(3)],
          d.inputs().get("violationType"), now, now});
      rows.add(new Object[] {caseNo, d.decisionKey(), d.decisionVersion(), d.decisionDefinitionId(),
          new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(d.inputs()).toString(), d.outcome(),
          d.fineAmount(), d.fineMin(), d.fineMax(), d.legalBasis(), now,
          Timestamp.from(LocalDate.of(2025 + i % 2, 1 + i % 12, 1 + i % 28).atTime(9, 0).atZone(ZONE).toInstant())});
    }
    jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain,"
        + " violation_type, clue_source, status, created_at, updated_at) VALUES (?, ?, 'ENTERPRISE', ?, ?, 'WATER', ?,"
        + " 'PATROL', 'CLOSED', ?, ?)", files);
    jdbc.batchUpdate("INSERT INTO discretion_record (case_no, decision_key, decision_version, decision_definition_id,"
        + " inputs_json, outcome, fine_amount, fine_min, fine_max, legal_basis, evaluated_at, recorded_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    // and a draft that moves durations of 15 to 19 days up a grade and the highest exceedance weight up
    String xml = new String(cn.ecolaw.platform.engine.WhatIfReplayBench.draftXml(), StandardCharsets.UTF_8);
    xml = Drafts.withCell(xml, "Rule_factor_grades_5_out3", "0.5");
    String draft = xml;
    for (WhatIf.Filter filter : List.of(WhatIf.Filter.none(), new WhatIf.Filter(null, null, regions[1], null),
        new WhatIf.Filter(LocalDate.of(2026, 1, 1), null, null, "WATER_EXCEED"))) {
      // when replayed in one thread and on 2 and 3 evaluator threads
      WhatIf.Result one = engines.withDmnEngine(dmn -> whatIf.replay(DraftModel.parse(dmn, draft), filter, 1));
      for (int threads : new int[] {2, 3}) {
        WhatIf.Result parallel = engines.withDmnEngine(dmn -> whatIf.replay(DraftModel.parse(dmn, draft), filter,
            threads));
        // then the answers are the same, to the list of affected cases in id order and its cut
        assertThat(parallel).as("%s on %d threads", filter, threads).usingRecursiveComparison().isEqualTo(one);
      }
      if (filter.region() == null && filter.violationType() == null) {
        assertThat(one.evaluated()).isGreaterThanOrEqualTo(n);
        assertThat(one.changed()).as("more changed than listed").isGreaterThan(WhatIf.MAX_CASES);
        assertThat(one.casesTruncated()).isTrue();
        assertThat(one.cases()).hasSize(WhatIf.MAX_CASES)
            .isSortedAccordingTo(java.util.Comparator.comparingLong(WhatIf.Case::recordId));
      }
    }
  }

  @Test
  void aParallelReplayInAnInterruptedThreadEndsWithWB016AndKeepsTheInterrupt() {
    // given the calling thread interrupted (the service stopping)
    String xml = new String(cn.ecolaw.platform.engine.WhatIfReplayBench.draftXml(), StandardCharsets.UTF_8);
    Thread.currentThread().interrupt();
    try {
      // when a replay on 2 evaluator threads runs, then it ends with WB-016 and the thread stays interrupted
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engines.withDmnEngine(dmn ->
              whatIf.replay(DraftModel.parse(dmn, xml), WhatIf.Filter.none(), 2)))
          .isInstanceOf(cn.ecolaw.platform.shared.PlatformException.class).hasMessageContaining("回放被中断");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  static final class Recount {
    int evaluated;
    int changed;
    int up;
    int down;
    BigDecimal increase = BigDecimal.ZERO;
    BigDecimal decrease = BigDecimal.ZERO;
    Map<String, Integer> changedByType = new HashMap<>();
    Map<String, Integer> evaluatedByRegion = new HashMap<>();
  }

  /** Every record, read back and evaluated one by one by a stock DMN engine, filtered here in Java. */
  private Recount recount(String xml, Map<String, Object> filter) throws Exception {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision = engine.parseDecision("penalty-discretion",
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    ObjectMapper json = new ObjectMapper();
    Recount r = new Recount();
    for (Map<String, Object> row : jdbc.queryForList("SELECT r.inputs_json, r.outcome, r.fine_amount, r.recorded_at,"
        + " c.region FROM discretion_record r LEFT JOIN case_file c ON c.case_no = r.case_no")) {
      Map<String, Object> inputs = json.readValue((String) row.get("INPUTS_JSON"), new TypeReference<>() {});
      String region = (String) row.get("REGION");
      LocalDate day = ((Timestamp) row.get("RECORDED_AT")).toInstant().atZone(ZONE).toLocalDate();
      if (!filter.get("region").equals(region)
          || (filter.containsKey("from") && day.isBefore(LocalDate.parse((String) filter.get("from"))))
          || (filter.containsKey("to") && day.isAfter(LocalDate.parse((String) filter.get("to"))))
          || (filter.containsKey("violationType") && !filter.get("violationType").equals(inputs.get("violationType")))) {
        continue;
      }
      r.evaluated++;
      r.evaluatedByRegion.merge(region, 1, Integer::sum);
      String type = (String) inputs.get("violationType");
      r.changedByType.putIfAbsent(type, 0);
      Map<String, Object> out = engine.evaluateDecision(decision, new LinkedHashMap<>(inputs)).getFirstResult()
          .getEntryMap();
      BigDecimal newFine = new BigDecimal(out.get("fineAmount").toString());
      BigDecimal oldFine = (BigDecimal) row.get("FINE_AMOUNT");
      boolean changed = !out.get("outcome").equals(row.get("OUTCOME")) || newFine.compareTo(oldFine) != 0;
      if (changed) {
        r.changed++;
        r.changedByType.merge(type, 1, Integer::sum);
        if (newFine.compareTo(oldFine) > 0) {
          r.up++;
          r.increase = r.increase.add(newFine.subtract(oldFine));
        } else if (newFine.compareTo(oldFine) < 0) {
          r.down++;
          r.decrease = r.decrease.add(oldFine.subtract(newFine));
        }
      }
    }
    return r;
  }
}
