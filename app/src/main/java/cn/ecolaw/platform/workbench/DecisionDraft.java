package cn.ecolaw.platform.workbench;

import java.time.Instant;

/**
 * A policy analyst's edit of a decision file, never deployed until published: who saved it, when and why, and the
 * published version it was made from (the diff and the what-if compare against it).
 */
public record DecisionDraft(
    long id,
    String decisionKey,
    String xml,
    String baseDefinitionId,
    int baseVersion,
    String baseVersionTag,
    String createdBy,
    Instant createdAt,
    String reason,
    String status,
    String publishedBy,
    Instant publishedAt,
    String publishReason,
    String versionTag,
    String deploymentId) {

  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";

  public boolean published() {
    return PUBLISHED.equals(status);
  }
}
