package cn.ecolaw.platform.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The text of a case's generated documents (the latest version of each type), read back from their PDFs. A stored
 * document never changes, so its text is kept in a small cache by document id. Reading a PDF takes time: the
 * shipper asks {@link #latestOf(String, Runnable)}, which answers at once with the texts already read and reads the
 * others in the background, then calls back (the case is queued again and indexed with its text), so that a new
 * document never delays the case's own change reaching the index.
 */
@Component
public class DocumentTexts {

  /** One document's type, title and text. */
  public record Text(long id, String type, String title, String text) {}

  private static final int CACHE = 2_000;
  private static final int MAX_CHARS = 20_000;

  private final JdbcTemplate jdbc;
  private final Map<Long, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > CACHE;
    }
  });

  public DocumentTexts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private final java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "search-document-text");
    t.setDaemon(true);
    return t;
  });
  private final java.util.Set<Long> reading = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The documents, with the texts already read; the others are read in the background, then {@code whenRead} runs. */
  public List<Text> latestOf(String caseNo, Runnable whenRead) {
    List<Object[]> rows = rows(caseNo);
    List<Text> out = new ArrayList<>();
    List<Long> missing = new ArrayList<>();
    for (Object[] row : rows) {
      long id = (Long) row[0];
      String text = cache.get(id);
      if (text == null) {
        missing.add(id);
      }
      out.add(new Text(id, (String) row[1], (String) row[2], text == null ? "" : text));
    }
    missing.removeIf(id -> !reading.add(id));
    if (!missing.isEmpty()) {
      reader.execute(() -> {
        try {
          missing.forEach(id -> cache.computeIfAbsent(id, this::read));
          whenRead.run();
        } catch (RuntimeException e) {
          // the next change or a rebuild reads them again
        } finally {
          missing.forEach(reading::remove);
        }
      });
    }
    return out;
  }

  /** The documents with their texts, read now (a rebuild). */
  public List<Text> latestOf(String caseNo) {
    List<Object[]> rows = rows(caseNo);
    List<Text> out = new ArrayList<>();
    for (Object[] row : rows) {
      long id = (Long) row[0];
      out.add(new Text(id, (String) row[1], (String) row[2], cache.computeIfAbsent(id, this::read)));
    }
    return out;
  }

  private List<Object[]> rows(String caseNo) {
    return jdbc.query(
        "SELECT d.id, d.doc_type, d.title FROM case_document d WHERE d.case_no = ? AND d.version = "
            + "(SELECT MAX(v.version) FROM case_document v WHERE v.case_no = d.case_no AND v.doc_type = d.doc_type)"
            + " ORDER BY d.id",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, caseNo);
  }

  private String read(long id) {
    byte[] pdf = jdbc.queryForObject("SELECT pdf FROM case_document WHERE id = ?", byte[].class, id);
    if (pdf == null || pdf.length == 0) {
      return "";
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
      return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    } catch (Exception e) {
      return ""; // an unreadable PDF leaves only the title searchable
    }
  }
}
