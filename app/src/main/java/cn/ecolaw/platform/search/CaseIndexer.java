package cn.ecolaw.platform.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Indexes process instances: each changed instance and, since a change of one (a case handed to the court) may
 * change what the others show (who may see them), every instance of the same case.
 */
@Component
public class CaseIndexer {

  private final CaseDocuments documents;
  private final CaseIndex index;

  public CaseIndexer(CaseDocuments documents, CaseIndex index, Outbox outbox) {
    this.documents = documents;
    this.index = index;
    documents.requeueWith(outbox::queue);
  }

  /** Reads the instances (and their cases' other instances) from the database and writes them; returns how many. */
  public int index(Collection<String> processInstanceIds) throws IOException {
    Set<String> all = new LinkedHashSet<>();
    Set<String> seenCases = new LinkedHashSet<>();
    for (String pid : processInstanceIds) {
      all.add(pid);
      Optional<String> caseNo = documents.caseNoOf(pid);
      if (caseNo.isPresent() && seenCases.add(caseNo.get())) {
        all.addAll(documents.instancesOfCase(caseNo.get()));
      }
    }
    return write(all, true);
  }

  /** Writes exactly these instances (a rebuild walks every instance itself). */
  public int write(Collection<String> processInstanceIds) throws IOException {
    return write(processInstanceIds, false);
  }

  private int write(Collection<String> processInstanceIds, boolean quick) throws IOException {
    Instant readAt = Instant.now();
    List<CaseDocument> docs = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (String pid : processInstanceIds) {
      documents.build(pid, quick).ifPresentOrElse(docs::add, () -> gone.add(pid));
    }
    index.write(docs, gone, readAt);
    return docs.size();
  }
}
