package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.engine.CaseListDue;
import cn.ecolaw.platform.engine.CaseListIndex;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14, the case list's flow filter at scale: the flows of a case (the process keys of the instances carrying its
 * number) are kept in {@code case_list_flow} by the engine's history events, with the deadlines ({@code CaseListDue}),
 * and are what a rebuild from the engine's tables computes; the flow filter reads them instead of probing the
 * history once per case. And a case whose instance's number is replaced keeps no deadline nor flow of that instance.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListFlowProjectionTest {

  static final String FLOWS = "SELECT process_instance_id, flow FROM case_list_flow WHERE case_no = ?"
      + " ORDER BY process_instance_id";
  static final String DUES = "SELECT unit, next_due, due_day FROM case_list_due WHERE case_no = ? ORDER BY unit";

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired CaseListDue dues;
  @Autowired CaseListIndex caseList;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void theFlowsOfACaseFollowItsInstancesAsARebuildComputesThem() {
    // given a started case: its own instance is an enforcement case
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();

    // then its flow is kept at once, found by the filter, and is what a rebuild computes
    assertThat(jdbc.queryForList(FLOWS, caseNo)).containsExactly(Map.of("PROCESS_INSTANCE_ID", pid,
        "FLOW", "enforcement-case"));
    assertThat(caseList.search(flow(caseNo, "enforcement-case")).caseNos()).containsExactly(caseNo);
    assertThat(caseList.search(flow(caseNo, "injunction")).caseNos()).isEmpty();
    List<Map<String, Object>> kept = jdbc.queryForList(FLOWS, caseNo);
    dues.rebuild();
    assertThat(jdbc.queryForList(FLOWS, caseNo)).isEqualTo(kept);

    // when its instance is deleted with its history
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      runtime.deleteProcessInstance(pid, "测试：连同历史删除");
      history.deleteHistoricProcessInstance(pid);
    });

    // then it has no flow left
    assertThat(jdbc.queryForList(FLOWS, caseNo)).isEmpty();
    assertThat(caseList.search(flow(caseNo, "enforcement-case")).caseNos()).isEmpty();
  }

  @Test
  void aCaseWhoseInstanceNumberIsReplacedKeepsNoDeadlineNorFlowOfIt() {
    // given two cases, each with its instance, an open task and a deadline
    String first = TestCases.caseNo();
    launcher.start(first, TestCases.enterpriseWater());
    String other = TestCases.caseNo();
    launcher.start(other, TestCases.enterpriseWater());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).singleResult().getId();
    assertThat(dues.dueDay(first, "unit-bureau")).isNotNull();

    // when the first one's instance is given the other's number (its caseNo variable replaced)
    runtime.setVariable(pid, "caseNo", other);

    // then the first case keeps neither the instance's deadline nor its flow, the other one has both: as a rebuild
    assertThat(dues.dueDay(first, "unit-bureau")).isNull();
    assertThat(dues.dueDay(first, CaseListDue.ALL_UNITS)).isNull();
    assertThat(jdbc.queryForList(FLOWS, first)).isEmpty();
    assertThat(jdbc.queryForList(FLOWS, other)).extracting(row -> row.get("PROCESS_INSTANCE_ID")).contains(pid);
    List<Map<String, Object>> firstDues = jdbc.queryForList(DUES + "", first);
    List<Map<String, Object>> otherDues = jdbc.queryForList(DUES, other);
    List<Map<String, Object>> otherFlows = jdbc.queryForList(FLOWS, other);
    dues.rebuild();
    assertThat(withDeadline(jdbc.queryForList(DUES, first))).isEqualTo(withDeadline(firstDues));
    assertThat(withDeadline(jdbc.queryForList(DUES, other))).isEqualTo(withDeadline(otherDues));
    assertThat(jdbc.queryForList(FLOWS, other)).isEqualTo(otherFlows);
  }

  /** The rows with a deadline (a rebuild writes no row for a case without one; the events keep it with none). */
  private static List<Map<String, Object>> withDeadline(List<Map<String, Object>> rows) {
    return rows.stream().filter(r -> r.get("NEXT_DUE") != null).toList();
  }

  private static CaseListIndex.Criteria flow(String caseNo, String flow) {
    return new CaseListIndex.Criteria(List.of("unit-bureau"), caseNo, List.of(), List.of(), List.of(), null, flow,
        null, null, null, 0, 50);
  }
}
