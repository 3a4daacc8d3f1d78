import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 4 of issue 14: the application's start time, each start a fresh JVM (java -cp … CasePlatformApplication),
 * the scenarios interleaved round by round so that they share the machine's load. Per start: seconds to Spring's
 * "Started CasePlatformApplication" (its own "process running for", i.e. since the JVM began) and seconds from
 * launching the JVM to the first 200 of GET /api/session (admin, HTTP Basic). Medians over the rounds, ratios to
 * the first scenario.
 *
 * <p>Scenarios: H2 (file database, as the run command) and PostgreSQL, each on an empty database (first start:
 * migrations, engine schema, deployment) and again on that database (a restart); Elasticsearch not configured,
 * configured and up, configured and down. Demo data off everywhere (the postgres profile has none), so that the
 * databases do the same work. Job executor on, as shipped.
 *
 * <p>Usage: java -cp APP_CLASSPATH:. StartTimeBench rounds port h2Dir [postgresUrl user password] ; environment
 * ELASTICSEARCH_URL (a running node; the "up" scenario is skipped without it), BENCH_SCENARIOS (comma-separated
 * names, default all), BENCH_JAVA_OPTS (options of the measured JVMs, default -Xmx1g), BENCH_LOG_DIR.
 */
public class StartTimeBench {

  static final Pattern STARTED = Pattern.compile("Started CasePlatformApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
  static final String DOWN_ES = "http://127.0.0.1:9";

  record Scenario(String name, String database, boolean fresh, String es, boolean cds) {
    Scenario(String name, String database, boolean fresh, String es) {
      this(name, database, fresh, es, false);
    }
  }

  /** The class path of the measured JVMs: jars only (class data sharing archives no class from a directory). */
  static final String APP_CP = System.getenv().getOrDefault("BENCH_APP_CP", System.getProperty("java.class.path"));
  static Path cdsArchive;

  record Start(double started, double firstAnswer) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 18456;
    Path h2Dir = Path.of(args.length > 2 ? args[2] : "target/bench/start-h2");
    String pgUrl = args.length > 3 ? args[3] : null;
    String pgUser = args.length > 4 ? args[4] : "caseplatform";
    String pgPassword = args.length > 5 ? args[5] : "caseplatform";
    String esUrl = System.getenv("ELASTICSEARCH_URL");
    Path logs = Path.of(System.getenv().getOrDefault("BENCH_LOG_DIR", "target/bench/start-logs"));
    Files.createDirectories(logs);

    List<Scenario> all = new ArrayList<>();
    all.add(new Scenario("h2-first", "h2", true, null));
    all.add(new Scenario("h2-restart", "h2", false, null));
    if (pgUrl != null) {
      all.add(new Scenario("pg-first", "pg", true, null));
      all.add(new Scenario("pg-restart", "pg", false, null));
    }
    if (esUrl != null && !esUrl.isBlank()) {
      all.add(new Scenario("h2-restart-es-up", "h2", false, esUrl));
    }
    all.add(new Scenario("h2-restart-es-down", "h2", false, DOWN_ES));
    // JDK class data sharing (AppCDS): the library classes loaded by a training start, archived once, mapped by
    // later starts; no change to what the application does
    all.add(new Scenario("h2-restart-cds", "h2", false, null, true));
    String only = System.getenv("BENCH_SCENARIOS");
    List<Scenario> scenarios = only == null || only.isBlank() ? all
        : all.stream().filter(s -> List.of(only.split(",")).contains(s.name())).toList();

    if (scenarios.stream().anyMatch(Scenario::cds)) {
      cdsArchive = logs.resolve("app-cds.jsa").toAbsolutePath();
      Files.deleteIfExists(cdsArchive);
      Path trainingDb = h2Dir.resolve("cds-training");
      deleteTree(trainingDb);
      List<String> training = command(new Scenario("cds-training", "h2", true, null), port, trainingDb, null, null, null);
      training.add(1, "-XX:ArchiveClassesAtExit=" + cdsArchive);
      training.add(1, "-Dspring.context.exit=onRefresh");
      Process p = new ProcessBuilder(training).redirectErrorStream(true)
          .redirectOutput(logs.resolve("cds-training.log").toFile()).start();
      p.waitFor();
      System.out.printf("CDS archive %s: %d MB%n", cdsArchive, Files.size(cdsArchive) >> 20);
    }
    Map<String, List<Start>> results = new LinkedHashMap<>();
    scenarios.forEach(s -> results.put(s.name(), new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      Path h2 = h2Dir.resolve("round-" + round);
      for (Scenario s : scenarios) {
        if (s.fresh()) {
          if (s.database().equals("h2")) {
            deleteTree(h2);
          } else {
            emptyPostgres(pgUrl, pgUser, pgPassword);
          }
        }
        List<String> command = command(s, port, h2, pgUrl, pgUser, pgPassword);
        Start start = start(command, port, logs.resolve(s.name() + "-" + round + ".log"));
        results.get(s.name()).add(start);
        System.out.printf("round %d %-20s started=%.1fs firstAnswer=%.1fs load=%s%n", round, s.name(), start.started(),
            start.firstAnswer(), load());
      }
    }
    String first = scenarios.get(0).name();
    double baseStarted = median(results.get(first), true);
    double baseAnswer = median(results.get(first), false);
    System.out.println();
    System.out.println("| scenario | starts | Started (median s) | first /api answer (median s) | ratio to " + first + " |");
    System.out.println("|---|---|---|---|---|");
    results.forEach((name, starts) -> {
      double st = median(starts, true);
      double an = median(starts, false);
      System.out.printf("| %s | %d | %.1f | %.1f | %.2f× / %.2f× |%n", name, starts.size(), st, an,
          st / baseStarted, an / baseAnswer);
    });
  }

  static List<String> command(Scenario s, int port, Path h2, String pgUrl, String pgUser, String pgPassword) {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.addAll(List.of(System.getenv().getOrDefault("BENCH_JAVA_OPTS", "-Xmx1g").trim().split("\\s+")));
    if (s.cds()) {
      c.add("-XX:SharedArchiveFile=" + cdsArchive);
    }
    c.addAll(List.of("-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai", "-cp",
        APP_CP, "cn.ecolaw.platform.CasePlatformApplication",
        "--server.port=" + port, "--platform.demo.enabled=false"));
    if (s.database().equals("h2")) {
      c.add("--spring.datasource.url=jdbc:h2:file:" + h2.toAbsolutePath().resolve("caseplatform")
          + ";DB_CLOSE_ON_EXIT=FALSE");
    } else {
      c.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pgUrl,
          "--spring.datasource.username=" + pgUser, "--spring.datasource.password=" + pgPassword));
    }
    c.add("--platform.search.url=" + (s.es() == null ? "" : s.es()));
    return c;
  }

  static Start start(List<String> command, int port, Path log) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest session = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(10)).build();
    double answered = -1;
    try {
      while (answered < 0) {
        if (!p.isAlive()) {
          throw new IllegalStateException("the application stopped; see " + log);
        }
        if ((System.nanoTime() - t0) / 1e9 > 600) {
          throw new IllegalStateException("no answer within 10 minutes; see " + log);
        }
        try {
          if (http.send(session, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            answered = (System.nanoTime() - t0) / 1e9;
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      double started = -1;
      for (int i = 0; i < 100 && started < 0; i++) {
        Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          started = Double.parseDouble(m.group(2));
        } else {
          Thread.sleep(100);
        }
      }
      // let the application runners (authorizations, calendar checks) finish before stopping, so that the next
      // start on this database finds it as a normal shutdown leaves it: stop when the log has been quiet for 3 s
      long size = -1;
      for (int i = 0; i < 120 && Files.size(log) != size; i++) {
        size = Files.size(log);
        Thread.sleep(3000);
      }
      return new Start(started, answered);
    } finally {
      p.destroy();
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  static void emptyPostgres(String url, String user, String password) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  static double median(List<Start> starts, boolean started) {
    double[] v = starts.stream().mapToDouble(s -> started ? s.started() : s.firstAnswer()).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
