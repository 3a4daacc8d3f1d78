package cn.ecolaw.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox is written in the engine's transaction (H2, no Elasticsearch: search is off, the outbox still records):
 * a committed change leaves a row for its instance, a rolled-back one leaves none, and the engine never waits for or
 * fails because of Elasticsearch.
 */
@PlatformTest
class SearchOutboxTest {

  @Autowired private CaseLauncher launcher;
  @Autowired private ProcessDriver driver;
  @Autowired private RuntimeService runtime;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private TransactionTemplate transactions;
  @Autowired private OutboxShipper shipper;

  @Test
  void aCommittedChangeQueuesItsProcessInstance() {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    String pid = driver.instanceOf(caseNo);
    long afterStart = rows(pid);
    assertThat(afterStart).isPositive();

    driver.complete(pid, "Task_ProposeFiling", TestCases.of("filingReason", "涉嫌超标排放，依法应予立案调查。",
        "officerOpinion", "建议立案。"));
    assertThat(rows(pid)).isGreaterThan(afterStart);
  }

  @Test
  void aRolledBackChangeQueuesNothing() {
    String caseNo = TestCases.caseNo();
    AtomicReference<String> pid = new AtomicReference<>();
    transactions.executeWithoutResult(status -> {
      launcher.start(caseNo, TestCases.enterpriseWater());
      pid.set(driver.instanceOf(caseNo));
      assertThat(rows(pid.get())).as("queued inside the engine's transaction").isPositive();
      status.setRollbackOnly();
    });
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid.get()).count()).isZero();
    assertThat(rows(pid.get())).as("rolled back with the change").isZero();
  }

  @Test
  void withoutElasticsearchTheShipperDoesNotRunAndTheRowsWait() {
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    assertThat(shipper.isRunning()).isFalse();
    assertThat(rows(driver.instanceOf(caseNo))).isPositive();
  }

  private long rows(String pid) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM search_outbox WHERE process_instance_id = ?", Long.class, pid);
    return n == null ? 0 : n;
  }
}
