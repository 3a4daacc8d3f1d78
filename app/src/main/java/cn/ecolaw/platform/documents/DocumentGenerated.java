package cn.ecolaw.platform.documents;

/** Published (synchronously, in the generating transaction) when a document of a case has been stored. */
public record DocumentGenerated(GeneratedDocument document) {}
