package cn.ecolaw.platform.discretion;

/** The procedural duties a proposed penalty triggers (decision {@code procedure-requirements}). */
public record ProcedureRequirements(
    boolean hearingRight, boolean legalReviewRequired, boolean collectiveDiscussionRequired) {}
