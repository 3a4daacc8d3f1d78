package cn.ecolaw.platform.dossier;

import java.time.Instant;

/**
 * One archived version of a case's dossier: its number, when and by whom it was archived and why, the fingerprint
 * of the case file it was made from, the SHA-256 of the PDF and its page count.
 */
public record DossierVersion(String caseNo, int version, Instant createdAt, String createdBy, String reason,
    String fingerprint, String sha256, int pages) {}
