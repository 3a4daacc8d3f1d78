package cn.ecolaw.platform.documents;

import java.time.Duration;

/**
 * Published (synchronously, in the generating transaction) when a document of a case has been stored; {@code took}
 * is the time from the request to the stored DOCX and PDF (zero when not measured), for the operator's
 * {@code ecocase_documents_generated_seconds{type}} (issue 14).
 */
public record DocumentGenerated(GeneratedDocument document, Duration took) {

  public DocumentGenerated {
    took = took == null ? Duration.ZERO : took;
  }

  public DocumentGenerated(GeneratedDocument document) {
    this(document, Duration.ZERO);
  }
}
