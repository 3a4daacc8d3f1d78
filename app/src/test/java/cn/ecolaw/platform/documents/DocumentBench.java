package cn.ecolaw.platform.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Documents per second (template fill + DOCX + PDF + insert into an in-memory H2 case_document table), all
 * eight types in turn. Run by bench/documents-bench.sh; args: documents threads.
 */
public final class DocumentBench {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (var in = DocumentBench.class.getResourceAsStream("/db/migration/V2__case_document.sql")) {
      for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
        String sql = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        if (!sql.isBlank()) {
          jdbc.execute(sql);
        }
      }
    }
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(""),
        new DocumentFonts(DocumentFonts.DEFAULT_REGULAR, DocumentFonts.DEFAULT_BOLD));
    DocumentService service = new DocumentService(renderer, new DocumentRepository(jdbc), event -> { },
        "湖州市生态环境局",
        "浙江省湖州市吴兴区环城北路1号", "0572-2123456", "湖州市财政局", "湖州市人民政府", "湖州市吴兴区人民法院");
    DocumentType[] types = DocumentType.values();

    for (int i = 0; i < 24; i++) {
      service.generate("预热〔2026〕" + i + "号", types[i % types.length], DocumentSamples.data(types[i % types.length]),
          "bench");
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          DocumentType type = types[i % types.length];
          service.generate("湖环罚〔2026〕" + (i / types.length) + "号", type, DocumentSamples.data(type), "bench");
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM case_document", Long.class);
    System.out.printf("documents=%d threads=%d seconds=%.2f documents_per_second=%.1f ms_per_document=%.1f stored=%d%n",
        count, threads, seconds, count / seconds, seconds * 1000 * threads / count, stored);
  }
}
