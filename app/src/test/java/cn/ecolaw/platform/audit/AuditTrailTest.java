package cn.ecolaw.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.identity.CaseAccess;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AuditTrailTest {

  @Autowired AuditTrail trail;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired CaseLauncher launcher;
  @Autowired ProcessDriver driver;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired CaseAccess access;
  @Autowired AuditRepository repository;
  @Autowired TrailCheckpoints checkpoints;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  TrailFixture fixture;
  Tampering tampering;

  @BeforeEach
  void setUp() {
    fixture = new TrailFixture(identity, launcher, driver);
    fixture.users();
    tampering = new Tampering(jdbc);
  }

  @Test
  void completingTasksRecordsWhoOfWhichUnitDidWhatTiedToTheEngineHistory() {
    String caseNo = TestCases.caseNo();
    String pid = fixture.caseAtPenaltyProposal(caseNo);

    List<AuditEntry> entries = trail.entries(caseNo);
    assertThat(entries).extracting(AuditEntry::seq)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
    AuditEntry started = entries.get(0);
    assertThat(started.action()).isEqualTo("PROCESS_STARTED");
    assertThat(started.target()).isEqualTo("enforcement-case");
    assertThat(started.userId()).isEqualTo("officer1");
    assertThat(started.unit()).isEqualTo("unit-bureau");
    assertThat(started.processInstanceId()).isEqualTo(pid);
    assertThat(started.prevHash()).isEqualTo("0".repeat(64));
    assertThat(started.detail()).contains("\"variables\":{", "\"partyName\":\"湖州测试印染有限公司\"");
    // start variables are in PROCESS_STARTED, and re-setting a variable to its value is no change
    assertThat(entries).noneMatch(e -> e.action().equals("VARIABLE_CHANGED") && e.target().equals("partyName"));

    AuditEntry proposed = only(entries, "TASK_COMPLETED", "Task_ProposeFiling");
    assertThat(proposed.userId()).isEqualTo("officer1");
    assertThat(proposed.unit()).isEqualTo("unit-bureau");
    assertThat(proposed.source()).isEqualTo("engine");
    assertThat(proposed.detail()).contains("\"filingReason\":{\"new\":\"当事人涉嫌超标排放水污染物");

    AuditEntry approved = only(entries, "TASK_COMPLETED", "Task_ApproveFiling");
    assertThat(approved.userId()).isEqualTo("head1");
    // submitted as the text "true", turned into a boolean by the form guard within the same completion
    assertThat(approved.detail()).contains("\"filingApproved\":{\"new\":true}");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(approved.historyRef()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_ApproveFiling");

    AuditEntry filingDocument = only(entries, "DOCUMENT_GENERATED", "立案审批表");
    assertThat(filingDocument.userId()).isEqualTo("head1");
    assertThat(filingDocument.seq()).isGreaterThan(approved.seq());

    AuditEntry decision = only(entries, "DECISION_EVALUATED", "penalty-discretion");
    assertThat(decision.userId()).isEqualTo("officer1");
    assertThat(decision.detail()).contains("\"outputs\"", "fineAmount");
    assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(decision.historyRef()).count())
        .isEqualTo(1);

    assertThat(entries).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("VARIABLE_CHANGED");
      assertThat(e.target()).isEqualTo("caseNo");
      assertThat(e.detail()).contains(caseNo);
    });
    assertThat(trail.verify(caseNo)).isEqualTo(new TrailVerification(true, entries.size(), null,
        "哈希链完整，共校验 " + entries.size() + " 条记录"));
  }

  @Test
  void aRefusedCompletionLeavesNoEntry() {
    String caseNo = TestCases.caseNo();
    fixture.as("officer1", () -> launcher.start(caseNo, TestCases.enterpriseWater()));
    String pid = driver.instanceOf(caseNo);
    int before = trail.entries(caseNo).size();

    assertThatThrownBy(() -> fixture.as("officer1", () -> driver.complete(pid, "Task_ProposeFiling", Map.of())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("FORM-001");

    assertThat(trail.entries(caseNo)).hasSize(before);
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }

  @Test
  void viewsAndDownloadsAreRecordedWithTheRequestsUserUnitAndAddress() throws Exception {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    GeneratedDocument filing = documents.list(caseNo).get(0);

    access.grant(caseNo, "unit-court", "测试：移交法院");
    mvc.perform(get("/api/cases/{caseNo}", caseNo).with(Logins.as("judge1"))).andExpect(status().isOk());
    mvc.perform(get("/api/cases/{caseNo}/documents/{id}/pdf", caseNo, filing.id()).with(Logins.as("officer1")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/cases/{caseNo}/documents/{id}/docx", caseNo, filing.id())).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/cases/{caseNo}/documents/{id}/docx", caseNo, filing.id()).with(Logins.admin()))
        .andExpect(status().isOk());
    mvc.perform(get("/api/cases/{caseNo}/documents/{id}/pdf", caseNo, 987654L).with(Logins.admin()))
        .andExpect(status().isNotFound());

    List<AuditEntry> entries = trail.entries(caseNo);
    AuditEntry viewed = last(entries, "CASE_VIEWED");
    assertThat(viewed.userId()).isEqualTo("judge1");
    assertThat(viewed.unit()).isEqualTo("unit-court");
    assertThat(viewed.source()).isEqualTo("127.0.0.1");
    List<AuditEntry> downloads = entries.stream().filter(e -> e.action().equals("DOCUMENT_DOWNLOADED")).toList();
    assertThat(downloads).extracting(AuditEntry::userId).containsExactly("officer1", "admin");
    assertThat(downloads).extracting(AuditEntry::historyRef)
        .containsExactly(String.valueOf(filing.id()), String.valueOf(filing.id()));
    assertThat(downloads.get(0).target()).endsWith(".pdf");
    assertThat(downloads.get(1).target()).endsWith(".docx");

    int count = entries.size();
    mvc.perform(get("/api/cases/{caseNo}/trail", caseNo).with(Logins.as("legal1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseNo").value(caseNo))
        .andExpect(jsonPath("$.entries.length()").value(count + 1))
        .andExpect(jsonPath("$.entries[0].action").value("PROCESS_STARTED"))
        .andExpect(jsonPath("$.entries[0].actionLabel").value("流程启动"))
        .andExpect(jsonPath("$.entries[" + count + "].action").value("TRAIL_VIEWED"))
        .andExpect(jsonPath("$.entries[" + count + "].userId").value("legal1"))
        .andExpect(jsonPath("$.verification.valid").value(true))
        .andExpect(jsonPath("$.verification.checked").value(count + 1));
    mvc.perform(get("/api/cases/{caseNo}/trail", "测环罚〔2026〕1号").with(Logins.admin()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("AUDIT-404"));
    assertThat(trail.exists("测环罚〔2026〕1号")).isFalse();
  }

  @Test
  void anEditedEntryFailsVerificationAtThatEntry() throws Exception {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    AuditEntry approved = only(trail.entries(caseNo), "TASK_COMPLETED", "Task_ApproveFiling");

    assertThat(tampering.editDetail(caseNo, approved.seq(),
        approved.detail().replace("\"filingApproved\":{\"new\":true}", "\"filingApproved\":{\"new\":false}")))
        .isEqualTo(1);

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(approved.seq());
    assertThat(result.reason()).isEqualTo("第 " + approved.seq() + " 条记录的内容被改动（哈希不符）");
    assertThat(result.checked()).isEqualTo((int) approved.seq());
    mvc.perform(get("/api/cases/{caseNo}/trail", caseNo).with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verification.valid").value(false))
        .andExpect(jsonPath("$.verification.firstBrokenSeq").value(approved.seq()));
  }

  @Test
  void aDeletedMiddleEntryFailsVerificationNamingTheGap() {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    List<AuditEntry> entries = trail.entries(caseNo);
    long middle = entries.size() / 2;

    assertThat(tampering.delete(caseNo, middle)).isEqualTo(1);

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(middle);
    assertThat(result.reason()).isEqualTo("第 " + middle + " 条记录缺失（已被删除）");
  }

  @Test
  void aDeletedLastEntryAndSwappedEntriesAreFound() {
    String truncated = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(truncated);
    long last = trail.entries(truncated).size();
    tampering.delete(truncated, last);
    assertThat(trail.verify(truncated).firstBrokenSeq()).isEqualTo(last);
    assertThat(trail.verify(truncated).reason()).contains("链尾被删除");

    String swapped = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(swapped);
    tampering.swap(swapped, 3, 4);
    assertThat(trail.verify(swapped).valid()).isFalse();
    assertThat(trail.verify(swapped).firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void concurrentAppendsOnOneCaseKeepOneLinearChain() throws Exception {
    String caseNo = TestCases.caseNo();
    int threads = 4;
    int perThread = 15;
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
                AuditAction.CASE_VIEWED, caseNo, "{\"n\":" + i + "}", null, null));
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
    assertThat(entries).hasSize(threads * perThread);
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).seq()).isEqualTo(i + 1);
      assertThat(entries.get(i).prevHash()).isEqualTo(i == 0 ? "0".repeat(64) : entries.get(i - 1).hash());
    }
    assertThat(entries).extracting(AuditEntry::userId).contains("user0", "user1", "user2", "user3");
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }

  @Test
  void trailDetectsTruncatedTail() throws Exception {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    long count = trail.entries(caseNo).size();
    assertThat(trail.verify(caseNo).valid()).isTrue();

    // the last three entries deleted and the head moved back to the last one left: a clean, shorter chain
    tampering.truncateAndMoveHead(caseNo, count - 2);

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(count - 2);
    assertThat(result.reason()).contains("第 " + (count - 2) + " 至 " + count + " 条记录缺失", "链尾被截断");
    // viewing the trail appends an entry where the deleted ones were; the signed checkpoints still tell
    mvc.perform(get("/api/cases/{caseNo}/trail", caseNo).with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verification.valid").value(false))
        .andExpect(jsonPath("$.verification.firstBrokenSeq").value(
            org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo((int) count - 2))
                .and(org.hamcrest.Matchers.lessThanOrEqualTo((int) count))))
        .andExpect(jsonPath("$.verification.reason").value(org.hamcrest.Matchers.containsString("截断")))
        .andExpect(jsonPath("$.integrity.checkpointSeq").value(count))
        .andExpect(jsonPath("$.integrity.algorithm").value("HmacSHA256"));

    // a whole chain deleted, head and all: the case still has a trail, and it is reported as truncated
    String gone = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(gone);
    long goneCount = trail.entries(gone).size();
    tampering.deleteChain(gone);
    assertThat(trail.exists(gone)).isTrue();
    assertThat(trail.verify(gone).valid()).isFalse();
    assertThat(trail.verify(gone).firstBrokenSeq()).isEqualTo(1);
    assertThat(trail.verify(gone).reason()).contains("第 1 至 " + goneCount + " 条记录缺失");
    assertThat(trail.verifyAll()).containsKeys(caseNo, gone);
  }

  @Test
  void trailLegacyEntriesAreSealedAndStillVerifyButCannotBeRewritten() {
    // a chain written before the trail had a key: unkeyed SHA-256 entries
    String caseNo = TestCases.caseNo();
    String prev = EntryHasher.GENESIS;
    repository.createHead(caseNo);
    for (long seq = 1; seq <= 4; seq++) {
      AuditEntry e = new AuditEntry(seq, java.util.UUID.randomUUID().toString(), caseNo,
          LocalDateTime.of(2025, 1, 1, 9, 0).plusMinutes(seq), "officer1", "unit-bureau", "CASE_VIEWED", caseNo,
          null, "10.0.0.1", null, null, prev, null);
      String hash = EntryHasher.legacyHash(e);
      repository.insert(new AuditEntry(e.seq(), e.id(), e.caseNo(), e.occurredAt(), e.userId(), e.unit(),
          e.action(), e.target(), e.detail(), e.source(), null, null, prev, hash));
      repository.moveHead(caseNo, seq, hash);
      prev = hash;
    }
    assertThat(trail.verify(caseNo).valid()).isFalse();

    // the first start with a key seals it where it stands; appends after the seal are keyed
    checkpoints.sealLegacy(Map.of(caseNo, repository.legacyHeads().get(caseNo)));
    trail.append(new TrailRecord(caseNo, LocalDateTime.now().withNano(0), new Actor("legal1", null, "test"),
        AuditAction.CASE_VIEWED, caseNo, null, null, null));
    assertThat(trail.verify(caseNo)).isEqualTo(TrailVerification.ok(5));
    assertThat(trail.snapshot(caseNo).integrity().legacySealSeq()).isEqualTo(4L);

    // an old entry rewritten and everything after it re-hashed without the key: the seal no longer matches
    tampering.editDetail(caseNo, 2, "{\"forged\":true}");
    tampering.rechain(caseNo, 2, 0);
    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
    assertThat(result.reason()).contains("封存检查点");
  }

  @Test
  void trailDetectsDeletedRowsWithMovedHead() throws Exception {
    String caseNo = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(caseNo);
    AuditEntry approved = only(trail.entries(caseNo), "TASK_COMPLETED", "Task_ApproveFiling");

    // the approval deleted, every later entry re-numbered and re-hashed as the code does (without the key),
    // the head moved to the new last entry: before the trail had a key, GET .../trail said 哈希链完整
    tampering.deleteAndRechain(caseNo, approved.seq());
    assertThat(trail.entries(caseNo)).noneMatch(e -> e.id().equals(approved.id()));

    TrailVerification result = trail.verify(caseNo);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(approved.seq());
    assertThat(result.reason()).isEqualTo("第 " + approved.seq() + " 条记录的内容被改动（哈希不符）");
    mvc.perform(get("/api/cases/{caseNo}/trail", caseNo).with(Logins.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verification.valid").value(false))
        .andExpect(jsonPath("$.verification.firstBrokenSeq").value(approved.seq()));
  }

  @Test
  void trailForgedEntryWithoutKeyIsDetected() {
    String unkeyed = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(unkeyed);
    AuditEntry forged = tampering.forgeEntry(unkeyed, false);
    TrailVerification result = trail.verify(unkeyed);
    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(forged.seq());
    assertThat(result.reason()).isEqualTo("第 " + forged.seq() + " 条记录的内容被改动（哈希不符）");

    String ownKey = TestCases.caseNo();
    fixture.caseAtPenaltyProposal(ownKey);
    AuditEntry forgedWithOwnKey = tampering.forgeEntry(ownKey, true);
    assertThat(trail.verify(ownKey).valid()).isFalse();
    assertThat(trail.verify(ownKey).firstBrokenSeq()).isEqualTo(forgedWithOwnKey.seq());
  }

  @Test
  void trailVerifiesIntactWhileAppending() throws Exception {
    String caseNo = TestCases.caseNo();

    AppendingRace.Outcome race = AppendingRace.run(trail, caseNo, () -> {
      AuditTrail.Snapshot snapshot = trail.snapshot(caseNo);
      assertThat(snapshot.entries()).hasSize(snapshot.verification().checked());
      return snapshot.verification();
    });

    List<TrailVerification> seen = race.seen();
    assertThat(seen).hasSize(AppendingRace.VERIFICATIONS);
    assertThat(seen).allSatisfy(v -> assertThat(v.valid()).as(v.reason()).isTrue());
    assertThat(seen).extracting(TrailVerification::checked).isSorted();
    assertThat(trail.verify(caseNo)).isEqualTo(TrailVerification.ok(race.appended()));
  }

  @Test
  void trailRecordsEditedComment() {
    String caseNo = TestCases.caseNo();
    String pid = fixture.caseAtPenaltyProposal(caseNo);
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    String[] ids = new String[2];

    fixture.as("officer1", () -> ids[0] = tasks.createComment(taskId, pid, "拟罚款二十万元。").getId());
    fixture.as("officer1", () -> tasks.updateTaskComment(taskId, ids[0], "拟罚款十万元。"));
    fixture.as("officer1", () -> tasks.deleteTaskComment(taskId, ids[0]));
    fixture.as(Logins.ADMIN, () -> ids[1] = tasks.createComment(null, pid, "请从严把握。").getId());
    fixture.as(Logins.ADMIN, () -> tasks.updateProcessInstanceComment(pid, ids[1], "请依法把握。"));

    List<AuditEntry> comments = trail.entries(caseNo).stream()
        .filter(e -> e.action().startsWith("COMMENT_")).toList();
    assertThat(comments).extracting(AuditEntry::action).containsExactly(
        "COMMENT_ADDED", "COMMENT_UPDATED", "COMMENT_DELETED", "COMMENT_ADDED", "COMMENT_UPDATED");
    assertThat(comments).extracting(AuditEntry::userId)
        .containsExactly("officer1", "officer1", "officer1", Logins.ADMIN, Logins.ADMIN);
    assertThat(comments.get(0).target()).contains("Task_ProposePenalty");
    assertThat(comments.get(0).detail()).contains("\"new\":\"拟罚款二十万元。\"");
    assertThat(comments.get(1).detail()).contains("\"old\":\"拟罚款二十万元。\"", "\"new\":\"拟罚款十万元。\"");
    assertThat(comments.get(1).historyRef()).isEqualTo(ids[0]);
    assertThat(comments.get(2).detail()).contains("\"old\":\"拟罚款十万元。\"");
    assertThat(comments.get(4).detail()).contains("\"old\":\"请从严把握。\"", "\"new\":\"请依法把握。\"");
    assertThat(comments.get(4).actionLabel()).isEqualTo("修改意见");
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }

  @Test
  void trailRecordsCompletionUnderItsRealCase() {
    String caseA = TestCases.caseNo();
    String caseB = TestCases.caseNo();
    fixture.as("officer1", () -> launcher.start(caseB, TestCases.enterpriseWater()));
    fixture.as("officer1", () -> launcher.start(caseA, TestCases.enterpriseWater()));
    String pidA = driver.instanceOf(caseA);
    fixture.as("officer1", () -> driver.complete(pidA, "Task_ProposeFiling", Map.of(
        "filingReason", "当事人涉嫌超标排放水污染物，依法应予立案调查。", "officerOpinion", "建议立案。")));

    // a completion that sends caseNo=B: refused by the command guard, or (without it) recorded under A
    try {
      fixture.as("head1", () -> driver.complete(pidA, "Task_ApproveFiling", Map.of("filingApproved", "true",
          "headOpinion", "同意立案。", "caseNo", caseB)));
    } catch (ProcessEngineException refused) {
      fixture.as("head1", () -> driver.complete(pidA, "Task_ApproveFiling", Map.of("filingApproved", "true",
          "headOpinion", "同意立案。")));
    }
    // the variable overwritten directly, then the next task completed normally
    fixture.as(Logins.ADMIN, () -> runtime.setVariable(pidA, "caseNo", caseB));
    Map<String, Object> investigation = new java.util.HashMap<>();
    investigation.put("evidence", "现场检查（勘察）笔录\n调查询问笔录\n监测报告");
    investigation.put("officers", "张三、李四");
    investigation.put("crimeSuspected", "false");
    investigation.put("measure", "NONE");
    fixture.as("officer1", () -> driver.complete(pidA, "Task_Investigate", investigation));

    List<AuditEntry> a = trail.entries(caseA);
    only(a, "TASK_COMPLETED", "Task_ApproveFiling");
    AuditEntry investigated = only(a, "TASK_COMPLETED", "Task_Investigate");
    assertThat(investigated.userId()).isEqualTo("officer1");
    assertThat(investigated.processInstanceId()).isEqualTo(pidA);
    // the overwrite itself is on A's trail (in the completion's variables, or as a variable change)
    assertThat(a).anySatisfy(e -> {
      assertThat(e.action()).isIn("VARIABLE_CHANGED", "TASK_COMPLETED");
      assertThat(e.detail()).contains("\"old\":\"" + caseA + "\"", "\"new\":\"" + caseB + "\"");
    });
    assertThat(a).anySatisfy(e -> assertThat(e.action()).isEqualTo("DECISION_EVALUATED"));
    assertThat(trail.entries(caseB)).noneMatch(e -> pidA.equals(e.processInstanceId()));
    assertThat(trail.entries(caseB)).noneMatch(e -> e.action().equals("TASK_COMPLETED"));
    assertThat(trail.verify(caseA).valid()).isTrue();
    assertThat(trail.verify(caseB).valid()).isTrue();
  }

  static AuditEntry only(List<AuditEntry> entries, String action, String targetPart) {
    List<AuditEntry> found = entries.stream()
        .filter(e -> e.action().equals(action) && e.target() != null && e.target().contains(targetPart)).toList();
    assertThat(found).as(action + " " + targetPart).hasSize(1);
    return found.get(0);
  }

  static AuditEntry last(List<AuditEntry> entries, String action) {
    List<AuditEntry> found = entries.stream().filter(e -> e.action().equals(action)).toList();
    assertThat(found).as(action).isNotEmpty();
    return found.get(found.size() - 1);
  }
}
