package cn.ecolaw.platform.documents;

import jakarta.annotation.PostConstruct;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Readies document generation in the background while the rest of the platform starts, so that the first document
 * after a start does not pay for it: parses the PDF fonts (into {@link DocumentFonts}' pool), reads every template
 * and renders one throwaway document (a blank 立案审批表: docx4j's JAXB context, PDFBox, the layout code). It never
 * delays readiness and never fails the start: a fault is logged and the documents are then readied by the first
 * real one, as without the warm-up. A document asked for meanwhile waits only for the part it needs (a font being
 * parsed is parsed once). {@code platform.documents.warm-up=false} turns it off.
 */
@Component
class DocumentWarmUp {

  static final DocumentType WARM_UP_TYPE = DocumentType.FILING_APPROVAL;
  private static final Logger LOG = LoggerFactory.getLogger(DocumentWarmUp.class);

  private final DocumentRenderer renderer;
  private final DocumentFonts fonts;
  private final DocumentTemplates templates;
  private final boolean enabled;
  private volatile CompletableFuture<Long> done = CompletableFuture.completedFuture(0L);

  DocumentWarmUp(DocumentRenderer renderer, DocumentFonts fonts, DocumentTemplates templates,
      @Value("${platform.documents.warm-up:true}") boolean enabled) {
    this.renderer = renderer;
    this.fonts = fonts;
    this.templates = templates;
    this.enabled = enabled;
  }

  @PostConstruct
  void start() {
    if (!enabled) {
      return;
    }
    CompletableFuture<Long> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> future.complete(run()), "documents-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    done = future;
    thread.start();
  }

  /** The warm-up: milliseconds taken, or -1 when it failed (logged). */
  long run() {
    long start = System.nanoTime();
    try {
      fonts.warmUp();
      templates.warmUp();
      renderer.render(WARM_UP_TYPE, Map.of(), "预热");
      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info("文书生成已预热（字体、模板、排版）：{} ms", millis);
      return millis;
    } catch (RuntimeException | LinkageError e) { // never fails the start: the first document readies the rest
      LOG.warn("文书生成预热未完成（不影响启动，首份文书生成时再准备）：{}", e.toString());
      return -1;
    }
  }

  /** Completes when the warm-up has finished (at once when it is off); for tests and the benchmark. */
  CompletableFuture<Long> done() {
    return done;
  }
}
