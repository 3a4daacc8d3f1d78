package cn.ecolaw.platform.workbench;

/** The latest deployed version of a decision and the DMN file it came from. */
public record PublishedDecision(
    String key,
    String name,
    String definitionId,
    int version,
    String versionTag,
    String deploymentId,
    String resourceName,
    String drgKey) {}
