package cn.ecolaw.platform.documents;

import java.time.Instant;

/** A stored document of a case: its metadata; the DOCX and PDF bytes are fetched separately. */
public record GeneratedDocument(
    long id, String caseNo, DocumentType type, String title, Instant createdAt, String createdBy, int version) {}
