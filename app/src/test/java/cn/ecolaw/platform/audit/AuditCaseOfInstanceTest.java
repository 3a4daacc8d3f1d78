package cn.ecolaw.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.SqlCounts;
import cn.ecolaw.platform.support.TestCases;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case a process instance belongs to is looked up in the trail once and remembered after that transaction
 * commits (platform.audit.case-cache): later commands of the instance do not query it again. A transaction that
 * rolls back remembers nothing.
 */
@PlatformTest
class AuditCaseOfInstanceTest {

  @Autowired AuditTrail trail;
  @Autowired AuditRepository repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theCaseOfAnInstanceIsLookedUpOnceAndRememberedOnlyAfterCommit() {
    // given two instances with trail entries of their cases
    String caseNo = TestCases.caseNo();
    String committed = "pi-" + UUID.randomUUID();
    String rolledBack = "pi-" + UUID.randomUUID();
    Actor actor = new Actor("officer1", "unit-bureau", "测试");
    for (String pid : new String[] {committed, rolledBack}) {
      trail.append(new TrailRecord(caseNo, TrailValues.now(), actor, AuditAction.PROCESS_STARTED, "启动", null, pid,
          null));
    }
    TransactionTemplate tx = new TransactionTemplate(transactions);

    // when each is looked up three times, in transactions, the first lookup of one rolling back
    long lookups;
    try (SqlCounts sql = SqlCounts.start(jdbc)) {
      for (int i = 0; i < 3; i++) {
        Optional<String> found = tx.execute(s -> repository.caseOfProcessInstance(committed));
        assertThat(found).contains(caseNo);
      }
      tx.executeWithoutResult(s -> {
        repository.caseOfProcessInstance(rolledBack);
        s.setRollbackOnly();
      });
      for (int i = 0; i < 2; i++) {
        Optional<String> found = tx.execute(s -> repository.caseOfProcessInstance(rolledBack));
        assertThat(found).contains(caseNo);
      }
      lookups = sql.executions("%SELECT case_no FROM audit_entry WHERE process_instance_id%");
    }

    // then the committed lookups were remembered (one query each), the rolled-back one was not (one more)
    assertThat(lookups).isEqualTo(3);
  }
}
