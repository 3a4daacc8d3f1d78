package cn.ecolaw.platform.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything one dossier shows, gathered from the platform's records ({@link DossierSources}): the cover's facts,
 * the documents in archive order, the evidence list, the discretion record in plain Chinese and the trail summary.
 * {@code fingerprint} covers what the file consists of (not the trail, which grows with every reading), so that a
 * change of the case is noticed and archived as a new version.
 */
record DossierContent(
    String caseNo,
    String unit,
    String partyName,
    String partyLabel,
    String cause,
    LocalDate openedOn,
    LocalDate closedOn,
    boolean closed,
    String outcomeLabel,
    String retention,
    List<Doc> documents,
    List<Evidence> evidence,
    List<String> discretion,
    Trail trail,
    String fingerprint) {

  /** A stored document of the case: title, number, author, day, and its PDF (read when the dossier is built). */
  record Doc(long id, int rank, String title, String docNo, String author, LocalDate date, Supplier<byte[]> pdf) {}

  /** One line of the evidence list (行政诉讼证据规定 Art. 19): name, source, what it proves. */
  record Evidence(String name, String source, String proves) {}

  /** The trail's summary: its verification and the main steps. */
  record Trail(int entries, boolean valid, String verification, Long headSeq, String code, List<Step> steps) {}

  /** One step of the trail: when, who, what. */
  record Step(String at, String who, String what) {}
}
