package cn.ecolaw.platform.documents;

/** Published when a stored document of a case is downloaded; {@code format} is {@code docx} or {@code pdf}. */
public record DocumentDownloaded(GeneratedDocument document, String format) {}
