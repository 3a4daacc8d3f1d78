package cn.ecolaw.platform.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail of every case: one append-only hash chain per case number. Appends join the caller's transaction (the
 * engine's, for engine events) and lock the chain's head row, so that two actions on the same case at once queue
 * up instead of forking the chain, and an action that rolls back leaves no entry.
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
  private final TransactionTemplate newTransaction;

  public AuditTrail(AuditRepository repository, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Appends the records, in order, to their cases' chains; records without a usable case number are skipped. */
  @Transactional
  public void append(List<TrailRecord> records) {
    for (TrailRecord record : records) {
      append(record);
    }
  }

  /** Appends one record to the chain of its case and returns the stored entry (empty when it has no case). */
  @Transactional
  public Optional<AuditEntry> append(TrailRecord r) {
    if (r.caseNo() == null || r.caseNo().isBlank() || r.caseNo().length() > MAX_CASE_NO) {
      LOG.debug("no trail for an action without a valid case number: {} {}", r.action(), r.target());
      return Optional.empty();
    }
    ensureHead(r.caseNo());
    AuditRepository.Head head = repository.lockHead(r.caseNo());
    long seq = head.lastSeq() + 1;
    String id = UUID.randomUUID().toString();
    String user = cut(r.actor().userId(), MAX_USER);
    String unit = cut(r.actor().unit(), MAX_UNIT);
    String target = cut(r.target(), MAX_TARGET);
    String source = cut(r.actor().source(), MAX_SOURCE);
    String hash = EntryHasher.hash(seq, id, r.caseNo(), r.occurredAt(), user, unit, r.action().name(), target,
        r.detail(), source, r.processInstanceId(), r.historyRef(), head.lastHash());
    AuditEntry entry = new AuditEntry(seq, id, r.caseNo(), r.occurredAt(), user, unit, r.action().name(), target,
        r.detail(), source, r.processInstanceId(), r.historyRef(), head.lastHash(), hash);
    repository.insert(entry);
    repository.moveHead(r.caseNo(), seq, hash);
    return Optional.of(entry);
  }

  /** The entries of a case, oldest first. */
  public List<AuditEntry> entries(String caseNo) {
    return repository.list(caseNo);
  }

  public boolean exists(String caseNo) {
    return repository.headExists(caseNo);
  }

  /**
   * Recomputes the chain of a case: every entry must carry the next seq, the previous entry's hash and its own
   * correct hash, and the last one must be the one the chain head points to. Reports the first entry that fails.
   */
  public TrailVerification verify(String caseNo) {
    return verify(repository.list(caseNo), repository.head(caseNo).orElse(null));
  }

  static TrailVerification verify(List<AuditEntry> entries, AuditRepository.Head head) {
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
      if (!EntryHasher.hash(e).equals(e.hash())) {
        return TrailVerification.broken(checked, e.seq(), "第 " + e.seq() + " 条记录的内容被改动（哈希不符）");
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
