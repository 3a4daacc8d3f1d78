package cn.ecolaw.platform.dossier;

import cn.ecolaw.platform.cases.CaseClosed;
import cn.ecolaw.platform.documents.DocumentGenerated;
import cn.ecolaw.platform.enforcement.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Automatic archiving: when the step that closes a case commits, its dossier is archived (version 1); a document
 * added to a closed case (a court ruling coming back, a later decision) archives a new version. Archiving happens
 * after the commit, so that it never undoes the closing: a failure is logged, and the dossier is archived when it
 * is next read ({@link DossierService#current}). {@code platform.dossier.auto-archive=false} turns it off.
 */
@Component
class DossierArchiver {

  private static final Logger LOG = LoggerFactory.getLogger(DossierArchiver.class);

  private final DossierService dossiers;
  private final boolean enabled;

  DossierArchiver(DossierService dossiers, @Value("${platform.dossier.auto-archive:true}") boolean enabled) {
    this.dossiers = dossiers;
    this.enabled = enabled;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(CaseClosed event) {
    archive(event.caseNo(), "结案自动归档（" + Vocabulary.label(Vocabulary.OUTCOMES, event.outcome()) + "）");
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(DocumentGenerated event) {
    if (!DossierSources.RANK.containsKey(event.document().type())) {
      return; // a review's own sheets are not part of the case file
    }
    archive(event.document().caseNo(), "结案后新增文书：" + event.document().title());
  }

  private void archive(String caseNo, String reason) {
    if (!enabled) {
      return;
    }
    try {
      if (dossiers.closed(caseNo)) {
        dossiers.archive(caseNo, reason);
      }
    } catch (RuntimeException e) {
      LOG.error("案件{}的电子卷宗未能自动归档（{}），将在下次调阅时归档", caseNo, reason, e);
    }
  }
}
