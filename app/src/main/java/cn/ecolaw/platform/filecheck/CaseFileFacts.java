package cn.ecolaw.platform.filecheck;

import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.documents.DocumentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the machine checks read of a case file: the party type, whether the case is still open and today, the
 * variables of its process, its documents (type and the day made; the text of those whose wording is checked) and
 * its latest discretion record. Built from the platform's records by {@link FileCheckService}, or by hand in tests.
 */
public record CaseFileFacts(String caseNo, String partyType, boolean open, LocalDate today,
    Map<String, Object> variables, List<Doc> documents, Optional<DiscretionRecord> discretion) {

  /** One document of the file; {@code text} is null when it was not read. */
  public record Doc(DocumentType type, LocalDate createdOn, String text) {}

  public boolean has(DocumentType type) {
    return documents.stream().anyMatch(d -> d.type() == type);
  }

  /** The text of the latest document of the type, if it was read. */
  public Optional<String> text(DocumentType type) {
    String text = null;
    for (Doc d : documents) {
      if (d.type() == type && d.text() != null) {
        text = d.text();
      }
    }
    return Optional.ofNullable(text);
  }

  public Optional<LocalDate> madeOn(DocumentType type) {
    return documents.stream().filter(d -> d.type() == type).map(Doc::createdOn).findFirst();
  }
}
