package cn.ecolaw.platform.audit;

import cn.ecolaw.platform.cases.CaseViewed;
import cn.ecolaw.platform.documents.DocumentDownloaded;
import cn.ecolaw.platform.documents.DocumentGenerated;
import cn.ecolaw.platform.documents.GeneratedDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The hooks of other features into the trail: they publish small Spring events, handled here synchronously in the
 * publisher's thread and transaction (a document that fails to be stored leaves no entry, and vice versa).
 */
@Component
class TrailEventListener {

  private final TrailRecorder recorder;

  TrailEventListener(TrailRecorder recorder) {
    this.recorder = recorder;
  }

  @EventListener
  void on(DocumentGenerated event) {
    GeneratedDocument d = event.document();
    recorder.record(d.caseNo(), AuditAction.DOCUMENT_GENERATED, target(d), document(d), null, String.valueOf(d.id()));
  }

  @EventListener
  void on(DocumentDownloaded event) {
    GeneratedDocument d = event.document();
    Map<String, Object> detail = document(d);
    detail.put("format", event.format());
    recorder.record(d.caseNo(), AuditAction.DOCUMENT_DOWNLOADED, target(d) + "." + event.format(), detail, null,
        String.valueOf(d.id()));
  }

  @EventListener
  void on(CaseViewed event) {
    recorder.record(event.caseNo(), AuditAction.CASE_VIEWED, event.caseNo(), null, event.processInstanceId(),
        event.processInstanceId());
  }

  private static String target(GeneratedDocument d) {
    return "文书 " + d.id() + " " + d.title() + (d.version() > 1 ? "（第" + d.version() + "版）" : "");
  }

  private static Map<String, Object> document(GeneratedDocument d) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("documentId", d.id());
    detail.put("type", d.type().name());
    detail.put("title", d.title());
    detail.put("version", d.version());
    detail.put("createdBy", d.createdBy());
    return detail;
  }
}
