package cn.ecolaw.platform.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail of every case: one append-only chain per case number, each entry MAC'd (HmacSHA256, {@link AuditKey})
 * over its fields and the previous entry's MAC. Appends join the caller's transaction (the engine's, for engine
 * events) and lock the chain's head row, so that two actions on the same case at once queue up instead of forking
 * the chain, and an action that rolls back leaves no entry. After the transaction commits, the new heads are written
 * as signed checkpoints outside the database ({@link TrailCheckpoints}).
 */
@Service
public class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  static final int MAX_CASE_NO = 64;
  private static final int MAX_USER = 64;
  private static final int MAX_UNIT = 200;
  private static final int MAX_TARGET = 500;
  private static final int MAX_SOURCE = 100;

  private final AuditRepository repository;
  private final AuditKey key;
  private final TrailCheckpoints checkpoints;
  private final TransactionTemplate newTransaction;
  private final TransactionTemplate readSnapshot;
  private final boolean multiRowInsert;

  AuditTrail(AuditRepository repository, AuditKey key, TrailCheckpoints checkpoints,
      PlatformTransactionManager transactions,
      @org.springframework.beans.factory.annotation.Value("${platform.audit.multi-row-insert:true}")
      boolean multiRowInsert) {
    this.multiRowInsert = multiRowInsert;
    this.repository = repository;
    this.key = key;
    this.checkpoints = checkpoints;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readSnapshot = new TransactionTemplate(transactions);
    this.readSnapshot.setReadOnly(true);
  }

  /**
   * Appends the records, in order, to their cases' chains; records without a usable case number are skipped.
   * Consecutive records of one case (one engine command's trail) share one lock of the chain head and one move of it.
   */
  @Transactional
  public void append(List<TrailRecord> records) {
    int i = 0;
    while (i < records.size()) {
      String caseNo = records.get(i).caseNo();
      int j = i + 1;
      while (j < records.size() && java.util.Objects.equals(records.get(j).caseNo(), caseNo)) {
        j++;
      }
      appendToChain(records.subList(i, j));
      i = j;
    }
  }

  /** Appends one record to the chain of its case and returns the stored entry (empty when it has no case). */
  @Transactional
  public Optional<AuditEntry> append(TrailRecord r) {
    List<AuditEntry> stored = appendToChain(List.of(r));
    return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(0));
  }

  /**
   * Appends records of one case: the head locked once, each entry chained to the one before, the entries inserted
   * together (one multi-row INSERT; {@code platform.audit.multi-row-insert=false}: one INSERT each), the head moved
   * once.
   */
  private List<AuditEntry> appendToChain(List<TrailRecord> records) {
    String caseNo = records.get(0).caseNo();
    if (caseNo == null || caseNo.isBlank() || caseNo.length() > MAX_CASE_NO) {
      records.forEach(r -> LOG.debug("no trail for an action without a valid case number: {} {}", r.action(),
          r.target()));
      return List.of();
    }
    AuditRepository.Head head = repository.lockHeadIfExists(caseNo).orElseGet(() -> {
      ensureHead(caseNo);
      return repository.lockHead(caseNo);
    });
    List<AuditEntry> stored = new java.util.ArrayList<>(records.size());
    for (TrailRecord r : records) {
      long seq = head.lastSeq() + 1;
      String id = UUID.randomUUID().toString();
      String user = cut(r.actor().userId(), MAX_USER);
      String unit = cut(r.actor().unit(), MAX_UNIT);
      String target = cut(r.target(), MAX_TARGET);
      String source = cut(r.actor().source(), MAX_SOURCE);
      String mac = EntryHasher.mac(key, seq, id, r.caseNo(), r.occurredAt(), user, unit, r.action().name(), target,
          r.detail(), source, r.processInstanceId(), r.historyRef(), head.lastHash());
      AuditEntry entry = new AuditEntry(seq, id, r.caseNo(), r.occurredAt(), user, unit, r.action().name(), target,
          r.detail(), source, r.processInstanceId(), r.historyRef(), head.lastHash(), mac);
      if (!multiRowInsert) {
        repository.insert(entry);
      }
      stored.add(entry);
      head = new AuditRepository.Head(seq, mac);
    }
    if (multiRowInsert) {
      repository.insertAll(stored);
    }
    repository.moveHead(caseNo, head.lastSeq(), head.lastHash());
    checkpointAfterCommit(caseNo, head);
    return stored;
  }

  /**
   * Remembers the new head of the chain for the checkpoint written once the transaction has committed (a rolled
   * back append leaves no checkpoint, a committed one is vouched for as soon as the commit returns).
   */
  private void checkpointAfterCommit(String caseNo, AuditRepository.Head head) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      checkpoints.record(Map.of(caseNo, head));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, AuditRepository.Head> heads =
        (Map<String, AuditRepository.Head>) TransactionSynchronizationManager.getResource(checkpoints);
    if (heads == null) {
      Map<String, AuditRepository.Head> created = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(checkpoints, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(checkpoints);
          if (status == STATUS_COMMITTED) {
            checkpoints.record(created);
          }
        }
      });
      heads = created;
    }
    heads.put(caseNo, head);
  }

  /** The entries of a case, oldest first. */
  public List<AuditEntry> entries(String caseNo) {
    return repository.list(caseNo);
  }

  /** Whether the case has a trail, or had one (a checkpoint vouches for it even when its rows are gone). */
  public boolean exists(String caseNo) {
    return repository.headExists(caseNo) || checkpoints.latest(caseNo).isPresent();
  }

  /** The entries of a case up to a fixed head, and the verification of exactly those entries. */
  public record Snapshot(List<AuditEntry> entries, TrailVerification verification, TrailIntegrity integrity) {}

  /**
   * Recomputes the chain of a case: every entry must carry the next seq, the previous entry's MAC and its own
   * correct MAC, the last one must be the one the chain head points to, and the chain must reach the latest signed
   * checkpoint with the same MAC there. Reports the first entry that fails.
   */
  public TrailVerification verify(String caseNo) {
    return snapshot(caseNo).verification();
  }

  /**
   * Reads a consistent snapshot and verifies it, also while entries are being appended: first the checkpoint (it is
   * written after its commit, so the committed head is at least there), then the head, then the entries up to the
   * head only (they committed with it); entries appended meanwhile are not part of the snapshot. Entries beyond the
   * head that are still there after the head is read again were not appended by a transaction (which moves the head
   * with them): the head was moved back.
   */
  public Snapshot snapshot(String caseNo) {
    return readSnapshot.execute(status -> {
      String fileProblem = checkpoints.problem();
      NavigableMap<Long, TrailCheckpoints.Checkpoint> signed = checkpoints.of(caseNo);
      TrailCheckpoints.Checkpoint checkpoint = signed.isEmpty() ? null : signed.lastEntry().getValue();
      TrailCheckpoints.Checkpoint seal = checkpoints.legacySeal(caseNo).orElse(null);
      AuditRepository.Head head = repository.head(caseNo).orElse(null);
      List<AuditEntry> entries = head == null ? repository.list(caseNo) : repository.listUpTo(caseNo, head.lastSeq());
      TrailVerification result = verify(key, entries, head, signed, seal);
      if (result.valid() && head != null) {
        long stored = repository.maxSeq(caseNo);
        AuditRepository.Head again = repository.head(caseNo).orElse(head);
        if (stored > again.lastSeq()) {
          result = TrailVerification.broken(result.checked(), head.lastSeq(),
              "链头与第 " + head.lastSeq() + " 条记录之后的记录不符（链头被回拨，第 " + (head.lastSeq() + 1) + " 至 "
                  + stored + " 条记录不在链内）");
        }
      }
      if (result.valid() && fileProblem != null) {
        result = TrailVerification.broken(result.checked(), entries.isEmpty() ? 1 : entries.get(0).seq(),
            fileProblem);
      }
      return new Snapshot(entries, result, new TrailIntegrity("HmacSHA256", key.id(),
          head == null ? null : head.lastSeq(), checkpoint == null ? null : checkpoint.seq(),
          checkpoint == null ? null : checkpoint.at(), seal == null ? null : seal.seq()));
    });
  }

  /** Verifies every chain that has a checkpoint: the cases whose trail is broken, with the reason. */
  public Map<String, TrailVerification> verifyAll() {
    Map<String, TrailVerification> broken = new LinkedHashMap<>();
    for (String caseNo : checkpoints.all().keySet()) {
      TrailVerification v = verify(caseNo);
      if (!v.valid()) {
        broken.put(caseNo, v);
      }
    }
    return broken;
  }

  static TrailVerification verify(AuditKey key, List<AuditEntry> entries, AuditRepository.Head head,
      NavigableMap<Long, TrailCheckpoints.Checkpoint> signed, TrailCheckpoints.Checkpoint seal) {
    TrailCheckpoints.Checkpoint latest = signed.isEmpty() ? null : signed.lastEntry().getValue();
    long expected = 1;
    String prev = EntryHasher.GENESIS;
    int checked = 0;
    for (AuditEntry e : entries) {
      checked++;
      if (e.seq() > expected) {
        return TrailVerification.broken(checked, expected, expected == e.seq() - 1
            ? "第 " + expected + " 条记录缺失（已被删除）"
            : "第 " + expected + " 至 " + (e.seq() - 1) + " 条记录缺失（已被删除）");
      }
      if (e.seq() < expected) {
        return TrailVerification.broken(checked, e.seq(), "第 " + e.seq() + " 条记录序号重复或顺序错乱");
      }
      if (!prev.equals(e.prevHash())) {
        return TrailVerification.broken(checked, e.seq(),
            "第 " + e.seq() + " 条记录的前序哈希与上一条记录不符（记录被删除、替换或调换了顺序）");
      }
      boolean legacy = seal != null && e.seq() <= seal.seq();
      String expectedHash = legacy ? EntryHasher.legacyHash(e) : EntryHasher.mac(key, e);
      if (!AuditKey.same(expectedHash, e.hash())) {
        return TrailVerification.broken(checked, e.seq(), "第 " + e.seq() + " 条记录的内容被改动（哈希不符）");
      }
      if (legacy && e.seq() == seal.seq() && !AuditKey.same(seal.mac(), e.hash())) {
        return TrailVerification.broken(checked, e.seq(),
            "第 " + e.seq() + " 条记录与封存检查点不符（未加密钥的旧记录被改写）");
      }
      TrailCheckpoints.Checkpoint checkpoint = signed.get(e.seq());
      if (checkpoint != null && !AuditKey.same(checkpoint.mac(), e.hash())) {
        return TrailVerification.broken(checked, e.seq(),
            "第 " + e.seq() + " 条记录与签名检查点不符（记录被替换或链被截断后重写，检查点时间 " + checkpoint.at() + "）");
      }
      prev = e.hash();
      expected++;
    }
    long last = expected - 1;
    if (head != null && head.lastSeq() > last) {
      return TrailVerification.broken(checked, last + 1,
          "第 " + (last + 1) + " 至 " + head.lastSeq() + " 条记录缺失（链尾被删除）");
    }
    if (head != null && (head.lastSeq() < last || !head.lastHash().equals(prev))) {
      return TrailVerification.broken(checked, last, "链头与第 " + last + " 条记录不符（链头被改动）");
    }
    if (head == null && checked > 0) {
      return TrailVerification.broken(checked, 1, "案件留痕的链头缺失");
    }
    if (latest != null && latest.seq() > last) {
      return TrailVerification.broken(checked, last + 1,
          "第 " + (last + 1) + " 至 " + latest.seq() + " 条记录缺失（链尾被截断、链头被回拨：签名检查点记载本案共 "
              + latest.seq() + " 条记录，检查点时间 " + latest.at() + "）");
    }
    return TrailVerification.ok(checked);
  }
  /**
   * The head row is created in its own short transaction, so that two first actions on a new case do not both
   * insert it inside their (long) transactions; the loser just finds it there.
   */
  private void ensureHead(String caseNo) {
    if (repository.headExists(caseNo)) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(status -> repository.createHead(caseNo));
    } catch (DuplicateKeyException e) {
      LOG.debug("chain head of {} created concurrently", caseNo);
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
