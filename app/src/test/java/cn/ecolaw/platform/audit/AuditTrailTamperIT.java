package cn.ecolaw.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trail on real PostgreSQL: the append-only trigger refuses UPDATE and DELETE; someone who switches it off (the
 * table owner can) and edits or deletes an entry is caught by the hash chain, which names the first broken entry.
 */
@PostgresIntegrationTest
class AuditTrailTamperIT {

  @Autowired AuditTrail trail;
  @Autowired IdentityService identity;
  @Autowired CaseLauncher launcher;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;

  TrailFixture fixture;
  Tampering tampering;

  @BeforeEach
  void setUp() {
    fixture = new TrailFixture(identity, launcher, driver);
    fixture.users();
    tampering = new Tampering(jdbc);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteEntries() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);

    assertThatThrownBy(() -> tampering.editDetail(caseNo, 2, "{}"))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("留痕记录只能追加");
    assertThatThrownBy(() -> tampering.delete(caseNo, 2))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("留痕记录只能追加");
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }

  @Test
  void anEditedEntryIsFoundWhenTheTriggerIsBypassed() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    AuditEntry approved = AuditTrailTest.only(trail.entries(caseNo), "TASK_COMPLETED", "Task_ApproveFiling");
    assertThat(approved.userId()).isEqualTo("head1");
    assertThat(approved.unit()).isEqualTo("unit-bureau");
    assertThat(trail.verify(caseNo).valid()).isTrue();

    withoutTrigger(() -> tampering.editDetail(caseNo, approved.seq(),
        approved.detail().replace("同意立案。", "不同意立案。")));

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(approved.seq());
    assertThat(result.reason()).contains("内容被改动");
  }

  @Test
  void aDeletedMiddleEntryIsFoundWhenTheTriggerIsBypassed() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    long middle = trail.entries(caseNo).size() / 2;

    withoutTrigger(() -> tampering.delete(caseNo, middle));

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(middle);
    assertThat(result.reason()).isEqualTo("第 " + middle + " 条记录缺失（已被删除）");
  }

  @Test
  void concurrentAppendsOnOneCaseKeepOneLinearChain() throws Exception {
    String caseNo = TestCases.caseNo();
    int threads = 4;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String user = "user" + t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            trail.append(new TrailRecord(caseNo, LocalDateTime.now().withNano(0), new Actor(user, null, "test"),
                AuditAction.CASE_VIEWED, caseNo, null, null, null));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<AuditEntry> entries = trail.entries(caseNo);
    assertThat(entries).extracting(AuditEntry::seq)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }

  @Test
  void trailDetectsTruncatedTail() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    long count = trail.entries(caseNo).size();

    withoutTrigger(() -> tampering.truncateAndMoveHead(caseNo, count - 2));

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(count - 2);
    assertThat(result.reason()).contains("链尾被截断");
  }

  @Test
  void trailDetectsDeletedRowsWithMovedHead() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    AuditEntry approved = AuditTrailTest.only(trail.entries(caseNo), "TASK_COMPLETED", "Task_ApproveFiling");

    withoutTrigger(() -> tampering.deleteAndRechain(caseNo, approved.seq()));

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(approved.seq());
    assertThat(result.reason()).isEqualTo("第 " + approved.seq() + " 条记录的内容被改动（哈希不符）");
  }

  @Test
  void trailForgedEntryWithoutKeyIsDetected() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);

    // inserting needs no trigger bypass: the table accepts appends
    AuditEntry forged = tampering.forgeEntry(caseNo, false);

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(forged.seq());
    assertThat(result.reason()).contains("内容被改动");
  }

  @Test
  void trailVerifiesIntactWhileAppending() throws Exception {
    String caseNo = TestCases.caseNo();

    AppendingRace.Outcome race = AppendingRace.run(trail, caseNo, () -> trail.verify(caseNo));

    List<TrailVerification> seen = race.seen();
    assertThat(seen).hasSize(AppendingRace.VERIFICATIONS);
    assertThat(seen).allSatisfy(v -> assertThat(v.valid()).as(v.reason()).isTrue());
    assertThat(seen).extracting(TrailVerification::checked).isSorted();
    assertThat(trail.verify(caseNo)).isEqualTo(TrailVerification.ok(race.appended()));
  }


  /** What a table owner could do: switch the append-only trigger off, tamper, switch it back on. */
  private void withoutTrigger(Runnable tamper) {
    jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change");
    try {
      tamper.run();
    } finally {
      jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change");
    }
  }
}
